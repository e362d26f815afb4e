package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDocumentSize is the largest Document.Body that Split accepts.
const MaxDocumentSize = 64 << 20

// Errors that Split reports inside a *RecordError; test with errors.Is.
var (
	// ErrNoJobPosting: an HTML page holds no schema.org JobPosting at all
	// (neither JSON-LD, nor a Next.js payload, nor microdata).
	ErrNoJobPosting = errors.New("no schema.org JobPosting found")
	// ErrTooLarge: the document is over MaxDocumentSize.
	ErrTooLarge = errors.New("document too large")
	// ErrUnknownFormat: Split could not tell what the document is.
	ErrUnknownFormat = errors.New("unrecognised format")
)

// RecordError is one record (or a whole document) that Split could not
// use. Name is Document.Name; Line is the 1-based line the record starts
// on, or 0 when it is not known or the error is about the whole document.
type RecordError struct {
	Name string
	Line int
	Err  error
}

func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// The document kinds Split tells apart.
const (
	kindHTML  = "html"
	kindJSON  = "json"
	kindJSONL = "jsonl"
	kindCSV   = "csv"
	kindText  = "text"
)

// Split cuts a document into one Raw per posting. It detects the format
// from doc.Format if set, else from the extension of doc.Name, else from
// doc.ContentType, else from the shape of the bytes:
//
//   - HTML: schema.org JobPosting in <script type="application/ld+json">
//     blocks; if there is none, in Next.js self.__next_f.push payloads; if
//     there is none, in microdata. Each becomes a FormatJobPosting record
//     (microdata as an equivalent JSON-LD object). A block that is not
//     JSON, even after repairing raw line breaks and trailing commas, is
//     a RecordError at the line of its <script> tag. A page with no
//     JobPosting and no other error is one RecordError wrapping
//     ErrNoJobPosting. The page is decoded from its charset (see toUTF8).
//   - JSON: a JobPosting, an array of them or an @graph; or a Greenhouse,
//     Lever, Ashby or SmartRecruiters API response, recognised by shape,
//     whose jobs each become one record in that source's Format. The
//     SmartRecruiters list response carries no description: its items still
//     become records (Parse leaves Description empty).
//   - Workable widget and Recruitee offers responses (Format hint
//     "workable" or "recruitee", or recognised by shape), and RSS/Atom
//     feeds (hint "feed", a .rss/.atom name or a feed Content-Type): each
//     job, or feed item with a description, becomes a FormatJobPosting
//     record (see splitfeeds.go).
//   - JSON Lines: one JobPosting (or API job object) per line.
//   - CSV with a header row: one FormatCSV record per row.
//   - Text: the whole document is one FormatText record.
//
// Every error is a *RecordError. A bad record is reported and skipped; the
// other records are still returned.
func Split(doc Document) ([]Raw, []error) {
	if len(doc.Body) > MaxDocumentSize {
		return nil, []error{&RecordError{Name: doc.Name, Err: fmt.Errorf("%w: %d bytes, the limit is %d MiB", ErrTooLarge, len(doc.Body), MaxDocumentSize>>20)}}
	}
	kind, hint, err := detect(doc)
	if err != nil {
		return nil, []error{&RecordError{Name: doc.Name, Err: err}}
	}
	s := &splitter{doc: doc, hint: hint}
	switch kind {
	case kindHTML:
		s.html()
	case kindJSON:
		if hint == "" {
			kind = sniffAPI(doc.Body)
		}
		switch kind {
		case kindWorkable:
			s.workable(doc.Body)
		case kindRecruitee:
			s.recruitee(doc.Body)
		default:
			s.json(trimBOM(doc.Body))
		}
	case kindWorkable:
		s.workable(doc.Body)
	case kindRecruitee:
		s.recruitee(doc.Body)
	case kindFeed:
		s.feed()
	case kindJSONL:
		s.jsonl(trimBOM(doc.Body))
	case kindCSV:
		s.csv(trimBOM(doc.Body))
	case kindText:
		s.text()
	}
	return s.out, s.errs
}

// splitter collects the records and errors of one document.
type splitter struct {
	doc  Document
	hint Format // the API named by doc.Format, or ""
	out  []Raw
	errs []error
	seen map[string]bool // JobPosting bodies already emitted (HTML pages)
}

func (s *splitter) fail(line int, err error) {
	s.errs = append(s.errs, &RecordError{Name: s.doc.Name, Line: line, Err: err})
}

func (s *splitter) emit(f Format, line int, sourceID, u, body string) {
	s.out = append(s.out, Raw{
		Format:    f,
		Source:    s.doc.Source,
		SourceID:  sourceID,
		URL:       u,
		Origin:    origin(s.doc.Name, line),
		FetchedAt: s.doc.FetchedAt,
		Body:      body,
	})
}

func origin(name string, line int) string {
	if line <= 0 {
		return name
	}
	return name + ":" + strconv.Itoa(line)
}

var utf8BOM = []byte("\xef\xbb\xbf")

func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// detect returns the document kind and, for API hints, the record Format.
func detect(doc Document) (kind string, hint Format, err error) {
	switch h := strings.ToLower(strings.TrimSpace(doc.Format)); h {
	case "":
	case "greenhouse", "lever", "ashby", "smartrecruiters":
		return kindJSON, Format(h), nil
	case kindWorkable, kindRecruitee, kindFeed, "rss", "atom":
		if h == "rss" || h == "atom" {
			h = kindFeed
		}
		return h, "", nil
	case "html", "htm":
		return kindHTML, "", nil
	case "json", "jsonld", "json-ld", "jobposting":
		return kindJSON, "", nil
	case "jsonl", "ndjson":
		return kindJSONL, "", nil
	case "csv":
		return kindCSV, "", nil
	case "text", "txt":
		return kindText, "", nil
	default:
		return "", "", fmt.Errorf("%w: format hint %q (want one of html, json, jsonl, csv, text, feed, greenhouse, lever, ashby, smartrecruiters, workable, recruitee)", ErrUnknownFormat, doc.Format)
	}
	switch strings.ToLower(path.Ext(namePath(doc.Name))) {
	case ".html", ".htm", ".xhtml":
		return kindHTML, "", nil
	case ".json", ".jsonld":
		return kindJSON, "", nil
	case ".jsonl", ".ndjson":
		return kindJSONL, "", nil
	case ".csv":
		return kindCSV, "", nil
	case ".txt", ".text":
		return kindText, "", nil
	case ".rss", ".atom":
		return kindFeed, "", nil
	}
	if mt, _, err := mime.ParseMediaType(doc.ContentType); err == nil {
		switch {
		case mt == "text/html" || mt == "application/xhtml+xml":
			return kindHTML, "", nil
		case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/rdf+xml":
			return kindFeed, "", nil
		case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/x-jsonlines" || mt == "application/jsonlines":
			return kindJSONL, "", nil
		case mt == "application/json" || mt == "application/ld+json" || strings.HasSuffix(mt, "+json"):
			return kindJSON, "", nil
		case mt == "text/csv":
			return kindCSV, "", nil
		case mt == "text/plain":
			return kindText, "", nil
		}
	}
	return sniff(doc.Body), "", nil
}

// namePath returns the path part of a name that may be a URL.
func namePath(name string) string {
	if u, err := url.Parse(name); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Path
	}
	return name
}

// sniff guesses the kind from the bytes: JSON if the whole is one JSON
// value, JSON Lines if the first line is a JSON object, HTML if it starts
// with a tag, CSV if the first line is a header with a title column,
// else text. Bytes that are neither UTF-8 nor markup are taken as HTML,
// whose decoder copes with legacy charsets.
func sniff(body []byte) string {
	b := bytes.TrimLeft(trimBOM(body), " \t\r\n")
	if len(b) == 0 {
		return kindText
	}
	switch b[0] {
	case '{', '[':
		if jsonValid(b) {
			return kindJSON
		}
		first, _, _ := bytes.Cut(b, []byte("\n"))
		if b[0] == '{' && jsonValid(first) {
			return kindJSONL
		}
		return kindJSON // reported as broken JSON
	case '<':
		return kindHTML
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	if looksLikeCSVHeader(string(first)) {
		return kindCSV
	}
	if !utf8.Valid(b) {
		return kindHTML
	}
	return kindText
}

// lineIndex maps byte offsets to 1-based line numbers in O(log n).
type lineIndex []int // offsets of '\n'

func newLineIndex(b []byte) lineIndex {
	var idx lineIndex
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return idx
		}
		idx = append(idx, i+j)
		i += j + 1
	}
}

func (l lineIndex) line(off int) int {
	return sort.SearchInts(l, off) + 1
}
