package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes b to UTF-8. The charset is the one the Content-Type or a
// BOM declares; else, if b is valid UTF-8, UTF-8; else the one a <meta>
// declares; else windows-1252 (what browsers assume for undeclared pages).
// A declared UTF-8 that is not valid UTF-8 is read as windows-1252 too.
func toUTF8(b []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	valid := utf8.Valid(b)
	if name == "utf-8" || (!certain && valid) {
		if valid {
			return b
		}
		enc = charmap.Windows1252
	}
	if enc == nil {
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}

// maxNextAttempts bounds the fallback scan of a Next.js payload.
const maxNextAttempts = 64

// html splits an HTML page: JSON-LD blocks first; if they hold no
// JobPosting, the Next.js flight payload; if that holds none, microdata.
//
// A page with exactly one JobPosting that has no url of its own gets the
// page's URL (doc.URL); with several, they would all share it and the
// ids derived from it, so they keep none.
func (s *splitter) html() {
	s.seen = map[string]bool{}
	defer func() {
		if len(s.out) == 1 && s.out[0].URL == "" {
			s.out[0].URL = s.doc.URL
		}
	}()
	page := toUTF8(trimBOM(s.doc.Body), s.doc.ContentType)
	lines := newLineIndex(page)

	var (
		found    int
		nextData strings.Builder
		nextLine int
	)
	z := html.NewTokenizer(bytes.NewReader(page))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := off
		off += len(z.Raw())
		if tt != html.StartTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if atom.Lookup(name) != atom.Script {
			continue
		}
		typ := ""
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) == "type" {
				typ = strings.ToLower(strings.TrimSpace(string(v)))
			}
		}
		if z.Next() != html.TextToken {
			off += len(z.Raw())
			continue
		}
		text := z.Text() // script content is raw text: no entities
		off += len(z.Raw())
		line := lines.line(start)
		switch {
		case strings.HasPrefix(typ, "application/ld+json"):
			found += s.ldBlock(line, text)
		case bytes.Contains(text, []byte("self.__next_f.push(")):
			if nextLine == 0 {
				nextLine = line
			}
			appendNextPushes(&nextData, text)
		}
	}
	if found == 0 && nextData.Len() > 0 {
		for _, jp := range nextJobPostings(nextData.String()) {
			s.emitJobPosting(nextLine, jp)
			found++
		}
	}
	if found == 0 {
		found += s.microdata(page, lines)
	}
	if found == 0 && len(s.errs) == 0 {
		s.fail(0, ErrNoJobPosting)
	}
}

// ldBlock splits one JSON-LD script block and returns how many JobPostings
// it held. A block that is not JSON is reported with the line of its tag.
func (s *splitter) ldBlock(line int, text []byte) int {
	text = bytes.TrimSpace(text)
	// Old pages wrap scripts in comments or CDATA sections.
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		if bytes.HasPrefix(text, []byte(w[0])) && bytes.HasSuffix(text, []byte(w[1])) {
			text = bytes.TrimSpace(text[len(w[0]) : len(text)-len(w[1])])
		}
	}
	if len(text) == 0 {
		return 0
	}
	v, err := decodeJSON(text)
	if err != nil {
		// Real pages put raw line breaks inside strings and leave
		// trailing commas; try once more with those repaired.
		if v, err = decodeJSON(repairJSON(text)); err != nil {
			s.fail(line, fmt.Errorf("JSON-LD block: %w", err))
			return 0
		}
	}
	found := findJobPostings(v, false, 0, nil)
	for _, jp := range found {
		s.emitJobPosting(line, jp)
	}
	return len(found)
}

// repairJSON escapes control characters inside strings and drops commas
// before a closing bracket, in one pass.
func repairJSON(b []byte) []byte {
	out := make([]byte, 0, len(b)+16)
	inStr, esc := false, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			case c == '\n':
				out = append(out, '\\', 'n')
				continue
			case c == '\r':
				out = append(out, '\\', 'r')
				continue
			case c == '\t':
				out = append(out, '\\', 't')
				continue
			case c < 0x20:
				continue
			}
			out = append(out, c)
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '}', ']':
			// drop a trailing comma (and the space after it)
			j := len(out)
			for j > 0 && (out[j-1] == ' ' || out[j-1] == '\n' || out[j-1] == '\r' || out[j-1] == '\t') {
				j--
			}
			if j > 0 && out[j-1] == ',' {
				out = append(out[:j-1], out[j:]...)
			}
		}
		out = append(out, c)
	}
	return out
}

// appendNextPushes appends the string chunks of the Next.js
// self.__next_f.push([1,"..."]) calls in a script to b.
func appendNextPushes(b *strings.Builder, script []byte) {
	const call = "self.__next_f.push("
	for {
		i := bytes.Index(script, []byte(call))
		if i < 0 {
			return
		}
		script = script[i+len(call):]
		dec := json.NewDecoder(bytes.NewReader(script))
		var arr []any
		if err := dec.Decode(&arr); err != nil {
			continue
		}
		script = script[dec.InputOffset():]
		if len(arr) == 2 {
			if n, ok := arr[0].(float64); ok && n == 1 {
				if s, ok := arr[1].(string); ok {
					b.WriteString(s)
				}
			}
		}
	}
}

// nextJobPostings finds JobPosting objects in a Next.js flight payload:
// rows "id:JSON" one per line; JSON-LD may sit inside a row as an object
// or as a string (dangerouslySetInnerHTML). If no row holds one, JSON
// objects starting at `{"@context"` or `{"@type"` are tried directly.
func nextJobPostings(payload string) []map[string]any {
	if !strings.Contains(payload, "JobPosting") {
		return nil
	}
	var found []map[string]any
	seen := map[string]bool{}
	add := func(v any) {
		for _, jp := range findJobPostings(v, true, 0, nil) {
			k := encodeJSON(jp)
			if !seen[k] {
				seen[k] = true
				found = append(found, jp)
			}
		}
	}
	for rest := payload; rest != ""; {
		var row string
		row, rest, _ = strings.Cut(rest, "\n")
		if !strings.Contains(row, "JobPosting") {
			continue
		}
		i := strings.IndexAny(row, "{[")
		if i < 0 {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(row[i:]))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) == nil {
			add(v)
		}
	}
	if len(found) > 0 {
		return found
	}
	attempts := 0
	for _, prefix := range []string{`{"@context"`, `{"@type"`} {
		for rest := payload; attempts < maxNextAttempts; attempts++ {
			i := strings.Index(rest, prefix)
			if i < 0 {
				break
			}
			rest = rest[i:]
			dec := json.NewDecoder(strings.NewReader(rest))
			dec.UseNumber()
			var v any
			if dec.Decode(&v) == nil {
				add(v)
			}
			rest = rest[1:]
		}
	}
	return found
}

// microdata builds a JSON-LD-like object for each schema.org JobPosting
// item in the page and returns how many it found. Origin lines are the
// lines of the itemtype attributes, found by text search.
func (s *splitter) microdata(page []byte, lines lineIndex) int {
	if !bytes.Contains(page, []byte("JobPosting")) {
		return 0
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return 0
	}
	n := 0
	searchFrom := 0
	doc.Find("[itemscope][itemtype]").Each(func(_ int, sel *goquery.Selection) {
		typ, _ := sel.Attr("itemtype")
		if !isJobPostingType(lastField(typ)) {
			return
		}
		// A JobPosting nested in another JobPosting is part of it.
		for a, i := sel.Get(0).Parent, 0; a != nil && i < maxMicroDepth; a, i = a.Parent, i+1 {
			if hasAttr(a, "itemscope") && isJobPostingType(lastField(attr(a, "itemtype"))) {
				return
			}
		}
		obj := microItem(sel, 0)
		obj["@context"] = "https://schema.org"
		line := 0
		if i := bytes.Index(page[searchFrom:], []byte("JobPosting")); i >= 0 {
			line = lines.line(searchFrom + i)
			searchFrom += i + 1
		}
		s.emitJobPosting(line, obj)
		n++
	})
	return n
}

// lastField returns the last of several space-separated itemtypes.
func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// microItem returns the properties of the microdata item rooted at sel.
// Repeated properties become arrays; nested items become objects; the
// description keeps its inner HTML.
func microItem(sel *goquery.Selection, depth int) map[string]any {
	obj := map[string]any{}
	if t, ok := sel.Attr("itemtype"); ok {
		if f := strings.Fields(t); len(f) > 0 {
			t = f[0]
			obj["@type"] = t[strings.LastIndexAny(t, "/#")+1:]
		}
	}
	if depth > maxJSONDepth/4 {
		return obj
	}
	root := sel.Get(0)
	sel.Find("[itemprop]").Each(func(_ int, p *goquery.Selection) {
		// Only properties whose nearest enclosing item is this one.
		// The walk is bounded so that deep markup stays linear;
		// properties nested deeper than that are left out.
		i := 0
		for a := p.Get(0).Parent; a != root; a, i = a.Parent, i+1 {
			if a == nil || i >= maxMicroDepth || hasAttr(a, "itemscope") {
				return
			}
		}
		var v any
		if _, ok := p.Attr("itemscope"); ok {
			v = microItem(p, depth+1)
		} else {
			v = microValue(p)
		}
		for _, name := range strings.Fields(p.AttrOr("itemprop", "")) {
			switch old := obj[name].(type) {
			case nil:
				obj[name] = v
			case []any:
				obj[name] = append(old, v)
			default:
				obj[name] = []any{old, v}
			}
		}
	})
	return obj
}

// maxMicroDepth bounds how far microdata properties may sit below their
// item, and JobPosting items below each other.
const maxMicroDepth = 64

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// microValue is the value of a microdata property element.
func microValue(p *goquery.Selection) string {
	switch goquery.NodeName(p) {
	case "meta":
		return p.AttrOr("content", "")
	case "a", "link", "area":
		return p.AttrOr("href", "")
	case "img", "audio", "video", "source", "iframe", "embed":
		return p.AttrOr("src", "")
	case "time":
		if v, ok := p.Attr("datetime"); ok {
			return v
		}
	case "data", "meter":
		if v, ok := p.Attr("value"); ok {
			return v
		}
	}
	if v, ok := p.Attr("content"); ok {
		return v
	}
	if p.AttrOr("itemprop", "") == "description" {
		h, _ := p.Html()
		return strings.TrimSpace(h)
	}
	return strings.Join(strings.Fields(p.Text()), " ")
}

// HTMLToText turns an HTML fragment into clean text: block elements (p,
// div, li, headings, br, tr, ...) end lines, list items start with "- ",
// headings and paragraphs are set off by a blank line; entities are
// decoded; script, style and other non-content elements are dropped;
// white space within a line is collapsed and there is at most one blank
// line in a row. HTML whose markup is itself entity-escaped ("&lt;p&gt;",
// as in Greenhouse content) is unescaped first.
func HTMLToText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isDoubleEscaped(s) {
		s = html.UnescapeString(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return cleanLines(s)
	}
	var w textWriter
	for _, n := range nodes {
		w.node(n, false, 0)
	}
	return tidyLines(w.b.String(), true)
}

// isDoubleEscaped reports whether s has escaped markup ("&lt;p&gt;") and
// no real tags.
func isDoubleEscaped(s string) bool {
	i := strings.Index(s, "&lt;")
	if i < 0 {
		return false
	}
	rest := s[i+len("&lt;"):]
	if rest == "" || !(isASCIILetter(rest[0]) || rest[0] == '/') {
		return false
	}
	return !hasTag(s)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// hasTag reports whether s contains "<x" or "</x" for a letter x.
func hasTag(s string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return false
		}
		s = s[i+1:]
		if isASCIILetter(s[0]) || (s[0] == '/' && len(s) > 1 && isASCIILetter(s[1])) || s[0] == '!' {
			return true
		}
	}
}

var (
	skipElems = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
		atom.Object: true, atom.Select: true, atom.Button: true, atom.Canvas: true,
	}
	paraElems = map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
		atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Blockquote: true, atom.Pre: true,
		atom.Hr: true, atom.Figure: true,
	}
	lineElems = map[atom.Atom]bool{
		atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
		atom.Main: true, atom.Nav: true, atom.Aside: true, atom.Li: true, atom.Tr: true, atom.Dt: true,
		atom.Dd: true, atom.Address: true, atom.Form: true, atom.Fieldset: true, atom.Details: true,
		atom.Summary: true, atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
		atom.Figcaption: true, atom.Center: true, atom.Body: true, atom.Html: true,
	}
)

// maxTextDepth bounds the recursion over absurdly nested markup; deeper
// text is still written, flat.
const maxTextDepth = 256

// paraMark is written on a line of its own where a blank line belongs
// (around paragraphs, headings, lists); cleanLines turns it into at most
// one blank line. Line breaks without it never make blank lines, so the
// white space between block elements does not either.
const paraMark = "\n\f\n"

// textWriter renders a node tree as lines of text.
type textWriter struct {
	b      strings.Builder
	bullet bool // a list item started: "- " goes before its first text
	inLi   int  // depth of list items: no blank lines inside them
}

func (w *textWriter) text(s string, pre bool) {
	if !pre {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	if w.bullet && strings.TrimSpace(s) != "" {
		w.b.WriteString("\n- ")
		w.bullet = false
	}
	w.b.WriteString(s)
}

func (w *textWriter) para() {
	if w.inLi > 0 {
		w.b.WriteByte('\n')
	} else {
		w.b.WriteString(paraMark)
	}
}

func (w *textWriter) node(n *html.Node, pre bool, depth int) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.DocumentNode:
	case html.ElementNode:
		if skipElems[n.DataAtom] {
			return
		}
	default:
		return
	}
	a := n.DataAtom
	switch {
	case a == atom.Br:
		w.b.WriteByte('\n')
		return
	case a == atom.Li:
		w.b.WriteByte('\n')
		w.bullet = true
		w.inLi++
		defer func() { w.inLi--; w.bullet = false; w.b.WriteByte('\n') }()
	case paraElems[a]:
		w.para()
		defer w.para()
	case lineElems[a]:
		w.b.WriteByte('\n')
		defer w.b.WriteByte('\n')
	case a == atom.Td || a == atom.Th:
		w.b.WriteByte(' ')
	}
	pre = pre || a == atom.Pre || a == atom.Textarea
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if depth >= maxTextDepth {
			if c.Type == html.TextNode {
				w.text(c.Data, pre)
			}
			continue
		}
		w.node(c, pre, depth+1)
	}
}

// cleanLines collapses white space within each line, keeps at most one
// blank line in a row, drops list markers with nothing after them, and
// trims blank lines at both ends.
func cleanLines(s string) string { return tidyLines(s, false) }

// tidyLines is cleanLines; with marksOnly only paragraph marks (not empty
// lines) make blank lines.
func tidyLines(s string, marksOnly bool) string {
	var out []string
	blank := false
	for _, raw := range strings.Split(s, "\n") {
		line := collapseSpaces(raw)
		if line == "-" {
			line = ""
		}
		if line == "" {
			if !marksOnly || strings.Contains(raw, "\f") {
				blank = len(out) > 0
			}
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// collapseSpaces returns strings.Join(strings.Fields(s), " "): s without
// white space at either end, and with each run of it within made one
// space. Most lines already are so, and it returns them as they are
// without splitting and joining them (TestCollapseSpaces and
// FuzzCollapseSpaces compare it with Fields and Join).
func collapseSpaces(s string) string {
	space := true // the last rune was white space (at the start, as if)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ':
				if space {
					return strings.Join(strings.Fields(s), " ") // two in a row, or leading
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return strings.Join(strings.Fields(s), " ")
			default:
				space = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		space = false
		i += n
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ") // trailing
	}
	return s
}

// plainText cleans text that is not HTML: entities decoded, literal "\n"
// escapes turned into line breaks, white space collapsed within lines, at
// most one blank line in a row.
func plainText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.NewReplacer(`\r\n`, "\n", `\n`, "\n", `\t`, " ", "\r\n", "\n", "\r", "\n").Replace(s)
	return cleanLines(html.UnescapeString(s))
}

// textOrHTML cleans a description that may be HTML, entity-escaped HTML,
// or plain text.
func textOrHTML(s string) string {
	if hasTag(s) || isDoubleEscaped(s) {
		s = strings.NewReplacer(`\r\n`, "\n", `\n`, "\n", `\t`, " ").Replace(s)
		return HTMLToText(s)
	}
	return plainText(s)
}
