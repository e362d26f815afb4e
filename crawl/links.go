package crawl

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// htmlLinks returns the a[href] and area[href] links of an HTML page,
// resolved against base (or the page's <base href>), in page order.
//
// It finds them as golang.org/x/net/html's Tokenizer would (comments,
// raw-text elements such as <script> and <title>, quoting, EOF inside a
// tag, first of repeated attributes), but scans the body in place: the
// Tokenizer copies the page into a buffer of its own and allocates for
// every attribute, which cost more than the rest of handling a small
// page. Where the scan would have to follow the Tokenizer into a corner
// it does not copy (a "<!--" inside <script>), the page is read with the
// Tokenizer itself (tokenizerLinks); an href with a character reference,
// CR or NUL is decoded by the Tokenizer too. TestHTMLLinksAsTokenizer
// holds the two to the same answers.
func htmlLinks(body []byte, base *url.URL) []*url.URL {
	var out []*url.URL
	s := linkScanner{b: body}
	for {
		name, href, ok := s.next()
		if !ok {
			if s.hard {
				return tokenizerLinks(body, base)
			}
			return out
		}
		if href == nil {
			continue
		}
		v, ok := attrValue(href)
		if !ok {
			return tokenizerLinks(body, base)
		}
		v = strings.TrimSpace(v)
		if u, err := base.Parse(v); err == nil && v != "" {
			if name == "base" {
				base = u
			} else {
				out = append(out, u)
			}
		}
	}
}

// tokenizerLinks is htmlLinks with the Tokenizer: the reference, and the
// way for the pages the scanner leaves to it.
func tokenizerLinks(body []byte, base *url.URL) []*url.URL {
	var out []*url.URL
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		isBase := len(name) == 4 && string(name) == "base"
		if !isBase && !(len(name) == 1 && name[0] == 'a') && string(name) != "area" {
			continue
		}
		for {
			k, v, more := z.TagAttr()
			if string(k) == "href" {
				href := strings.TrimSpace(string(v))
				if u, err := base.Parse(href); err == nil && href != "" {
					if isBase {
						base = u
					} else {
						out = append(out, u)
					}
				}
				break
			}
			if !more {
				break
			}
		}
	}
}

// attrValue is the value of an attribute as the Tokenizer's TagAttr gives
// it: NUL replaced, newlines normalised, character references decoded.
// Values that need none of that are returned as they are; the others are
// handed to the Tokenizer in a tag of their own. ok is false only for an
// unquoted value holding both kinds of quote, which cannot be quoted.
func attrValue(raw []byte) (string, bool) {
	if bytes.IndexAny(raw, "&\r\x00") < 0 {
		return string(raw), true
	}
	q := `"`
	if bytes.IndexByte(raw, '"') >= 0 {
		if bytes.IndexByte(raw, '\'') >= 0 {
			return "", false
		}
		q = `'`
	}
	z := html.NewTokenizer(strings.NewReader("<a href=" + q + string(raw) + q + ">"))
	z.Next()
	_, v, _ := z.TagAttr()
	return string(v), true
}

// linkScanner walks an HTML document the way html.Tokenizer does, but
// only reports the start tags htmlLinks wants.
type linkScanner struct {
	b    []byte
	i    int
	raw  string // the raw-text element the scanner is in, if any
	hard bool   // stopped: the Tokenizer must read this page
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// next returns the next a, area or base start tag (lower-case name) and
// its first href value, raw (nil: none). ok is false at the end, or when
// hard is set.
func (s *linkScanner) next() (name string, href []byte, ok bool) {
	for {
		if s.raw != "" && !s.skipRaw() {
			return "", nil, false
		}
		j := bytes.IndexByte(s.b[s.i:], '<')
		if j < 0 || s.i+j+1 >= len(s.b) {
			return "", nil, false
		}
		s.i += j + 1
		c := s.b[s.i]
		switch {
		case isLetter(c):
			s.i++
			n, href, ok := s.tag(true)
			if !ok {
				return "", nil, false
			}
			if n != "" {
				return n, href, true
			}
		case c == '/':
			s.i++
			if s.i >= len(s.b) {
				return "", nil, false
			}
			c = s.b[s.i]
			switch {
			case c == '>':
				s.i++
			case isLetter(c):
				s.i++
				if _, _, ok := s.tag(false); !ok {
					return "", nil, false
				}
			default:
				s.untilClose()
			}
		case c == '!':
			s.i++
			s.markup()
		case c == '?':
			s.untilClose()
		}
		// Anything else after '<' is text: go on from the character
		// after '<'.
	}
}

// untilClose skips past the next '>' (or to the end).
func (s *linkScanner) untilClose() {
	if j := bytes.IndexByte(s.b[s.i:], '>'); j >= 0 {
		s.i += j + 1
	} else {
		s.i = len(s.b)
	}
}

// markup skips a comment, doctype or bogus comment; "<!" is read.
func (s *linkScanner) markup() {
	if s.i+2 > len(s.b) {
		s.i = len(s.b)
		return
	}
	if s.b[s.i] != '-' || s.b[s.i+1] != '-' {
		// A doctype or a bogus comment: both end at the next '>'.
		s.untilClose()
		return
	}
	s.i += 2
	// As Tokenizer.readComment: "-->", "--!>", or '>' right after "<!--"
	// or after dashes alone.
	dashes, beginning := 0, true
	for s.i < len(s.b) {
		c := s.b[s.i]
		s.i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return
			}
		case '!':
			if dashes >= 2 {
				if s.i >= len(s.b) {
					return
				}
				c = s.b[s.i]
				s.i++
				if c == '>' {
					return
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
}

// rawTags are the elements whose contents the Tokenizer reads as text,
// up to their end tag.
var rawTags = []string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"}

// skipRaw skips the contents of s.raw up to its end tag (left to be read
// as a tag). It returns false at the end of the document, or with hard
// set for a script holding "<!--", whose escaping rules only the
// Tokenizer follows.
func (s *linkScanner) skipRaw() bool {
	tag := s.raw
	s.raw = ""
	if tag == "plaintext" {
		return false
	}
	for k := s.i; ; {
		j := bytes.Index(s.b[k:], []byte("</"))
		if j < 0 {
			return false // text to the end, whatever the escaping
		}
		k += j + 2
		if rawEnd(s.b[k:], tag) {
			if tag == "script" && bytes.Contains(s.b[s.i:k-2], []byte("<!--")) {
				s.hard = true
				return false
			}
			s.i = k - 2
			return true
		}
	}
}

// rawEnd says whether b starts with tag (any case) and a character that
// ends a tag name.
func rawEnd(b []byte, tag string) bool {
	if len(b) <= len(tag) {
		return false
	}
	for i := 0; i < len(tag); i++ {
		if c := b[i]; c != tag[i] && c != tag[i]-('a'-'A') {
			return false
		}
	}
	c := b[len(tag)]
	return isSpace(c) || c == '/' || c == '>'
}

// tag reads a tag after "<x" or "</x" (s.i is past the x), as
// Tokenizer.readTag. ok is false if the document ends inside the tag, which
// the Tokenizer then drops. For a start tag, it returns name and href when
// the tag is a, area or base, and sets s.raw for a raw-text element.
func (s *linkScanner) tag(start bool) (name string, href []byte, ok bool) {
	b := s.b
	n0 := s.i - 1
	for s.i < len(b) && !isSpace(b[s.i]) && b[s.i] != '/' && b[s.i] != '>' {
		s.i++
	}
	if s.i >= len(b) {
		return "", nil, false
	}
	tn := b[n0:s.i]
	if isSpace(b[s.i]) {
		s.i++
	}
	want := false
	if start {
		switch {
		case equalFold(tn, "a"):
			name, want = "a", true
		case equalFold(tn, "area"):
			name, want = "area", true
		case equalFold(tn, "base"):
			name, want = "base", true
		default:
			for _, r := range rawTags {
				if equalFold(tn, r) {
					s.raw = r
					break
				}
			}
		}
	}
	seen := false
	for {
		s.skipSpace()
		if s.i >= len(b) {
			return "", nil, false
		}
		if b[s.i] == '>' {
			s.i++
			break
		}
		// Attribute name, as Tokenizer.readTagAttrKey.
		k0 := s.i
		for s.i < len(b) {
			c := b[s.i]
			if c == '=' && s.i == k0 {
				s.i++
				continue
			}
			if c == '=' || isSpace(c) || c == '/' || c == '>' {
				break
			}
			s.i++
		}
		if s.i >= len(b) {
			return "", nil, false
		}
		key := b[k0:s.i]
		// Attribute value, as Tokenizer.readTagAttrVal.
		var val []byte
		s.skipSpace()
		if s.i >= len(b) {
			return "", nil, false
		}
		switch c := b[s.i]; c {
		case '/':
			s.i++
		case '=':
			s.i++
			s.skipSpace()
			if s.i >= len(b) {
				return "", nil, false
			}
			switch q := b[s.i]; q {
			case '>':
			case '"', '\'':
				j := bytes.IndexByte(b[s.i+1:], q)
				if j < 0 {
					return "", nil, false
				}
				val = b[s.i+1 : s.i+1+j]
				s.i += j + 2
			default:
				v0 := s.i
				for s.i < len(b) && !isSpace(b[s.i]) && b[s.i] != '>' {
					s.i++
				}
				if s.i >= len(b) {
					return "", nil, false
				}
				val = b[v0:s.i]
				if isSpace(b[s.i]) {
					s.i++
				}
			}
		}
		// The Tokenizer keeps the first of attributes with the same
		// (lower-cased) name, and drops empty names.
		if want && !seen && equalFold(key, "href") {
			href = val
			if href == nil {
				href = []byte{}
			}
			seen = true
		}
	}
	if !want {
		name = ""
	}
	return name, href, true
}

func (s *linkScanner) skipSpace() {
	for s.i < len(s.b) && isSpace(s.b[s.i]) {
		s.i++
	}
}

// equalFold compares b, ASCII case folded, to a lower-case s.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(s) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
