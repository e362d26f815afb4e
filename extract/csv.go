package extract

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvColumns maps normalised header names (lower case, runs of space, '-'
// and '_' as one '_') to the canonical field names of a FormatCSV body.
// Columns not listed keep their normalised header name.
var csvColumns = map[string]string{}

func init() {
	for canon, names := range map[string][]string{
		"title":           {"title", "job_title", "position", "position_title", "role", "job", "job_name"},
		"company":         {"company", "company_name", "employer", "organization", "organisation", "hiring_organization"},
		"location":        {"location", "city", "locations", "job_location"},
		"description":     {"description", "body", "text", "job_description", "details", "content"},
		"url":             {"url", "link", "job_url", "posting_url", "job_link"},
		"date_posted":     {"date_posted", "date", "posted", "posted_at", "posted_date", "published", "published_at", "created_at"},
		"salary":          {"salary", "pay", "compensation"},
		"salary_min":      {"salary_min", "min_salary", "salary_from", "min_pay"},
		"salary_max":      {"salary_max", "max_salary", "salary_to", "max_pay"},
		"currency":        {"currency", "salary_currency"},
		"salary_period":   {"salary_period", "pay_period", "salary_interval", "salary_unit", "period"},
		"id":              {"id", "job_id", "posting_id", "source_id"},
		"employment_type": {"employment_type", "job_type", "contract_type", "commitment", "type"},
		"workplace":       {"workplace", "workplace_type", "remote"},
	} {
		for _, n := range names {
			csvColumns[n] = canon
		}
	}
}

func normHeader(h string) string {
	f := strings.FieldsFunc(strings.ToLower(h), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\ufeff'
	})
	return strings.Join(f, "_")
}

// looksLikeCSVHeader reports whether line is a comma-separated header with
// a title column.
func looksLikeCSVHeader(line string) bool {
	if !strings.Contains(line, ",") {
		return false
	}
	for _, f := range strings.Split(line, ",") {
		if csvColumns[normHeader(strings.Trim(f, "\" \r"))] == "title" {
			return true
		}
	}
	return false
}

// csv splits a CSV document with a header row. Each row becomes a JSON
// object of canonical field (or normalised header) -> value; empty values
// are left out, and when several columns map to one field the first
// non-empty value wins.
func (s *splitter) csv(body []byte) {
	body = toUTF8(body, s.doc.ContentType)
	r := csv.NewReader(bytes.NewReader(body))
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err == io.EOF {
		s.fail(0, errors.New("empty CSV document: want a header row with at least a title column"))
		return
	}
	if err != nil {
		s.fail(csvErrLine(err, 1), fmt.Errorf("CSV header: %w", err))
		return
	}
	names := make([]string, len(header))
	hasTitle := false
	for i, h := range header {
		n := normHeader(h)
		if c, ok := csvColumns[n]; ok {
			n = c
		}
		names[i] = n
		hasTitle = hasTitle || n == "title"
	}
	r.FieldsPerRecord = len(header) // a row with another count is reported
	if !hasTitle {
		s.fail(1, fmt.Errorf("CSV header %q has no title column (want one named title, job title or position)", strings.Join(header, ",")))
		return
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				s.fail(0, err)
				return
			}
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				s.fail(pe.StartLine, fmt.Errorf("row has %d fields, the header has %d", len(rec), len(header)))
			} else {
				s.fail(pe.StartLine, fmt.Errorf("CSV: %w", pe.Err))
			}
			continue
		}
		line, _ := r.FieldPos(0)
		row := map[string]any{}
		for i, v := range rec {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if _, ok := row[names[i]]; !ok {
				row[names[i]] = v
			}
		}
		if len(row) == 0 {
			continue
		}
		s.emit(FormatCSV, line, jstr(row["id"]), jstr(row["url"]), encodeJSON(row))
	}
}

func csvErrLine(err error, def int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return def
}

// text makes the whole document one FormatText record whose origin is the
// title's line.
func (s *splitter) text() {
	body := string(toUTF8(trimBOM(s.doc.Body), s.doc.ContentType))
	title, line, _ := splitTitle(body)
	if title == "" {
		s.fail(0, errors.New("empty text document: want the title on the first line and the description below"))
		return
	}
	s.emit(FormatText, line, "", s.doc.URL, body)
}

// splitTitle returns the first non-empty line, its 1-based number, and the
// text after it.
func splitTitle(s string) (title string, line int, rest string) {
	for n := 1; s != ""; n++ {
		cur, after, _ := strings.Cut(s, "\n")
		s = after
		if t := strings.TrimSpace(cur); t != "" {
			return t, n, s
		}
	}
	return "", 0, ""
}
