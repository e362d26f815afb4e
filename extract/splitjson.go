package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
)

// maxJSONDepth bounds the recursion of the JobPosting search.
const maxJSONDepth = 64

// jsonElem is one element of a JSON array with the offset it starts at.
type jsonElem struct {
	off int
	raw json.RawMessage
}

// jsonTop is a JSON document read one level deep: the elements of a
// top-level array, or the fields of a top-level object and the elements
// of its array-valued fields, each with its offset.
type jsonTop struct {
	isArray bool
	elems   []jsonElem
	fields  map[string]json.RawMessage
	arrays  map[string][]jsonElem
}

// readJSONTop reads body, which must be valid JSON.
func readJSONTop(body []byte) (*jsonTop, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	top := &jsonTop{}
	switch tok {
	case json.Delim('['):
		top.isArray = true
		top.elems, err = readJSONArray(dec, body)
		return top, err
	case json.Delim('{'):
		top.fields = map[string]json.RawMessage{}
		top.arrays = map[string][]jsonElem{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			p := skipJSONSpace(body, int(dec.InputOffset()), ':')
			if p < len(body) && body[p] == '[' {
				if _, err := dec.Token(); err != nil {
					return nil, err
				}
				elems, err := readJSONArray(dec, body)
				if err != nil {
					return nil, err
				}
				top.arrays[key] = elems
				continue
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, err
			}
			top.fields[key] = raw
		}
		_, err = dec.Token()
		return top, err
	}
	return nil, fmt.Errorf("the document is a JSON %s, not an object or array", jsonKind(tok))
}

// readJSONArray reads the elements of an array whose '[' was just read,
// and its ']'.
func readJSONArray(dec *json.Decoder, body []byte) ([]jsonElem, error) {
	var elems []jsonElem
	for dec.More() {
		off := skipJSONSpace(body, int(dec.InputOffset()), ',')
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		elems = append(elems, jsonElem{off: off, raw: raw})
	}
	_, err := dec.Token()
	return elems, err
}

// skipJSONSpace skips white space and one separator byte sep.
func skipJSONSpace(b []byte, i int, sep byte) int {
	seen := false
	for i < len(b) {
		switch c := b[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == sep && !seen:
			seen = true
		default:
			return i
		}
		i++
	}
	return i
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func jsonValid(b []byte) bool { return json.Valid(b) }

// jsonSyntaxError describes why b is not valid JSON, and the line of the
// fault.
func jsonSyntaxError(b []byte, lines lineIndex) (int, error) {
	var v any
	err := json.Unmarshal(b, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return lines.line(int(se.Offset)), fmt.Errorf("invalid JSON: %w", err)
	}
	if err == nil {
		err = errors.New("unexpected end")
	}
	return 1, fmt.Errorf("invalid JSON: %w", err)
}

// decodeJSON decodes b keeping numbers as json.Number.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: data after the value")
	}
	return v, nil
}

// encodeJSON serialises v compactly without HTML escaping.
func encodeJSON(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func compactJSON(raw []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return string(raw)
	}
	return buf.String()
}

// isJobPostingType reports whether a JSON-LD @type value names JobPosting:
// "JobPosting", "http://schema.org/JobPosting", "schema:JobPosting", or an
// array holding one of them.
func isJobPostingType(t any) bool {
	switch t := t.(type) {
	case string:
		i := strings.LastIndexAny(t, "/#:")
		return strings.EqualFold(strings.TrimSpace(t[i+1:]), "JobPosting")
	case []any:
		for _, e := range t {
			if isJobPostingType(e) {
				return true
			}
		}
	}
	return false
}

// findJobPostings appends every JobPosting object in v, in document order
// (arrays in order, @graph first, other object keys sorted). It does not
// look inside a JobPosting. With inStrings it also parses strings that hold
// JSON mentioning JobPosting (React's dangerouslySetInnerHTML).
func findJobPostings(v any, inStrings bool, depth int, out []map[string]any) []map[string]any {
	if depth > maxJSONDepth {
		return out
	}
	switch t := v.(type) {
	case map[string]any:
		if isJobPostingType(t["@type"]) {
			return append(out, t)
		}
		if g, ok := t["@graph"]; ok {
			out = findJobPostings(g, inStrings, depth+1, out)
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			if k != "@graph" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = findJobPostings(t[k], inStrings, depth+1, out)
		}
	case []any:
		for _, e := range t {
			out = findJobPostings(e, inStrings, depth+1, out)
		}
	case string:
		if !inStrings || !strings.Contains(t, "JobPosting") {
			return out
		}
		s := strings.TrimSpace(t)
		if s == "" || (s[0] != '{' && s[0] != '[') {
			return out
		}
		if w, err := decodeJSON([]byte(s)); err == nil {
			out = findJobPostings(w, inStrings, depth+1, out)
		}
	}
	return out
}

// emitJobPosting adds one FormatJobPosting record for obj; on an HTML
// page, a JobPosting repeated verbatim is added once.
func (s *splitter) emitJobPosting(line int, obj map[string]any) {
	body := encodeJSON(obj)
	if s.seen != nil {
		if s.seen[body] {
			return
		}
		s.seen[body] = true
	}
	s.emit(FormatJobPosting, line, ldIdentifier(obj["identifier"]), resolveURL(s.doc.URL, jstr(jfirst(obj["url"]))), body)
}

// resolveURL resolves ref against base; it returns ref unchanged when
// either does not parse, and "" for an empty ref.
func resolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// classifyJob tells which source an API job object comes from by its keys.
func classifyJob(m map[string]json.RawMessage) Format {
	has := func(k string) bool { _, ok := m[k]; return ok }
	if t, ok := m["@type"]; ok {
		var v any
		if json.Unmarshal(t, &v) == nil && isJobPostingType(v) {
			return FormatJobPosting
		}
	}
	switch {
	case has("absolute_url") && (has("content") || has("title")):
		return FormatGreenhouse
	case has("hostedUrl") || (has("text") && has("lists") && has("categories")):
		return FormatLever
	case has("jobAd") || (has("releasedDate") && (has("typeOfEmployment") || has("jobAdId"))):
		return FormatSmartRecruiters
	case has("descriptionHtml") || (has("jobUrl") && has("publishedAt")):
		return FormatAshby
	}
	return ""
}

// json splits a JSON document.
func (s *splitter) json(body []byte) {
	lines := newLineIndex(body)
	if len(bytes.TrimSpace(body)) == 0 {
		s.fail(0, errors.New("empty JSON document"))
		return
	}
	if !json.Valid(body) {
		s.fail(jsonSyntaxError(body, lines))
		return
	}
	top, err := readJSONTop(body)
	if err != nil {
		s.fail(1, err)
		return
	}
	if top.isArray {
		s.jsonElems(top.elems, lines, s.hint, "element")
		return
	}
	startLine := lines.line(skipJSONSpace(body, 0, 0))
	// API responses with a list of jobs.
	if jobs, ok := top.arrays["jobs"]; ok {
		f := s.hint
		if f == "" {
			if _, ok := top.fields["meta"]; ok {
				f = FormatGreenhouse
			} else if _, ok := top.fields["apiVersion"]; ok {
				f = FormatAshby
			}
		}
		s.jsonElems(jobs, lines, f, "job")
		return
	}
	if items, ok := top.arrays["content"]; ok {
		if _, ok := top.fields["totalFound"]; ok || s.hint == FormatSmartRecruiters {
			s.jsonElems(items, lines, FormatSmartRecruiters, "posting")
			return
		}
	}
	// One API job object.
	var m map[string]json.RawMessage
	_ = json.Unmarshal(body, &m)
	if f := classifyJob(m); f != FormatJobPosting && (s.hint != "" || f != "") {
		if s.hint != "" {
			f = s.hint
		}
		s.emitAPI(f, startLine, m, compactJSON(body))
		return
	}
	// JSON-LD: one JobPosting, an @graph, or a wrapper around them.
	v, err := decodeJSON(body)
	if err != nil {
		s.fail(1, err)
		return
	}
	found := findJobPostings(v, false, 0, nil)
	if len(found) == 0 {
		s.fail(startLine, fmt.Errorf("%w: no job postings in this JSON (want a schema.org JobPosting, an @graph holding one, or a Greenhouse, Lever, Ashby or SmartRecruiters API response)", ErrUnknownFormat))
		return
	}
	for _, jp := range found {
		s.emitJobPosting(startLine, jp)
	}
}

// jsonElems splits the elements of a JSON array; f is the API format the
// container implies, or "" to classify each element.
func (s *splitter) jsonElems(elems []jsonElem, lines lineIndex, f Format, what string) {
	for i, e := range elems {
		line := lines.line(e.off)
		s.jsonObject(line, e.raw, f, fmt.Sprintf("%s %d", what, i+1))
	}
}

// jsonObject splits one JSON value that should be one posting (or hold
// JobPostings); what names it in errors.
func (s *splitter) jsonObject(line int, raw []byte, f Format, what string) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		v, _ := decodeJSON(raw)
		s.fail(line, fmt.Errorf("%s is a JSON %s, not an object", what, jsonKind(v)))
		return
	}
	if c := classifyJob(m); c != "" && (f == "" || c == FormatJobPosting) {
		f = c
	}
	if f != "" && f != FormatJobPosting {
		s.emitAPI(f, line, m, compactJSON(raw))
		return
	}
	v, err := decodeJSON(raw)
	if err != nil {
		s.fail(line, err)
		return
	}
	found := findJobPostings(v, false, 0, nil)
	if len(found) == 0 {
		s.fail(line, fmt.Errorf("%s holds no schema.org JobPosting and is not a Greenhouse, Lever, Ashby or SmartRecruiters job", what))
		return
	}
	for _, jp := range found {
		s.emitJobPosting(line, jp)
	}
}

// emitAPI adds one record of an API job object.
func (s *splitter) emitAPI(f Format, line int, m map[string]json.RawMessage, body string) {
	id := rawString(m["id"])
	var u string
	switch f {
	case FormatGreenhouse:
		u = rawString(m["absolute_url"])
	case FormatLever:
		u = rawString(m["hostedUrl"])
	case FormatAshby:
		u = rawString(m["jobUrl"])
	case FormatSmartRecruiters:
		u = rawString(m["postingUrl"])
		if u == "" && id != "" {
			var c struct {
				Identifier string `json:"identifier"`
			}
			if json.Unmarshal(m["company"], &c) == nil && c.Identifier != "" {
				u = "https://jobs.smartrecruiters.com/" + url.PathEscape(c.Identifier) + "/" + url.PathEscape(id)
			}
		}
	}
	s.emit(f, line, id, u, body)
}

// rawString returns a JSON string's value or a number's text; "" for
// anything else.
func rawString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return ""
	}
	return jstr(v)
}

// jsonl splits a JSON Lines document.
func (s *splitter) jsonl(body []byte) {
	for n := 1; len(body) > 0; n++ {
		cur, rest, _ := bytes.Cut(body, []byte("\n"))
		body = rest
		cur = bytes.TrimSpace(cur)
		if len(cur) == 0 {
			continue
		}
		if !json.Valid(cur) {
			_, err := jsonSyntaxError(cur, nil)
			s.fail(n, fmt.Errorf("line is not one JSON object: %w", err))
			continue
		}
		s.jsonObject(n, cur, s.hint, "line")
	}
}
