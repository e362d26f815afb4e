package extract

import (
	"encoding/json"
	"errors"
	"html"
	"strconv"
	"strings"
)

// Helpers over values decoded by decodeJSON (numbers as json.Number).

// str returns a string's trimmed value or a number's text; "" otherwise.
func jstr(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return ""
}

// first returns the first non-null element of an array, or v itself.
func jfirst(v any) any {
	if a, ok := v.([]any); ok {
		for _, e := range a {
			if e != nil {
				return e
			}
		}
		return nil
	}
	return v
}

// list returns v as a list: the array itself, or v alone.
func jlist(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// get walks object keys: jget(m, "a", "b") is m.a.b, nil if missing.
func jget(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// num returns a number, or a string holding one ("85,000", " 42.5 ").
func jnum(v any) (float64, bool) {
	switch t := v.(type) {
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	case float64:
		return t, true
	case string:
		s := strings.NewReplacer(",", "", " ", "", "\u00a0", "").Replace(t)
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	return 0, false
}

func jbool(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		b, _ := strconv.ParseBool(strings.TrimSpace(t))
		return b
	}
	return false
}

// inline cleans a one-line value: entities decoded, white space collapsed.
func inlineText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// name returns a string, or the name of an object ({"name": ...}), or the
// same for the first element of an array.
func jname(v any) string {
	switch t := jfirst(v).(type) {
	case string, json.Number:
		return inlineText(jstr(t))
	case map[string]any:
		if n := jname(t["name"]); n != "" {
			return n
		}
		return inlineText(jstr(t["@value"]))
	}
	return ""
}

// ldIdentifier returns a JSON-LD identifier's value: a string or number, a
// PropertyValue's value, or the first of an array.
func ldIdentifier(v any) string {
	switch t := v.(type) {
	case string, json.Number:
		return jstr(t)
	case map[string]any:
		for _, k := range []string{"value", "@value", "@id", "name"} {
			if s := jstr(t[k]); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range t {
			if s := ldIdentifier(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// parseJobPosting reads a FormatJobPosting body.
func parseJobPosting(body string, p *Posting) error {
	v, err := decodeJSON([]byte(body))
	if err != nil {
		return err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return errors.New("body is not a JSON object")
	}
	if !isJobPostingType(m["@type"]) {
		if found := findJobPostings(m, false, 0, nil); len(found) > 0 {
			m = found[0]
		}
	}
	p.Title = jname(m["title"])
	if p.Title == "" {
		p.Title = jname(m["name"])
	}
	p.Company = jname(m["hiringOrganization"])
	p.Locations = ldLocations(m["jobLocation"])
	if isTelecommute(m["jobLocationType"]) || len(jlist(m["applicantLocationRequirements"])) > 0 {
		p.Workplace = "remote"
		if len(p.Locations) == 0 {
			for _, a := range jlist(m["applicantLocationRequirements"]) {
				p.Locations = append(p.Locations, jname(a))
			}
		}
	}
	p.EmploymentType = normEmployment(m["employmentType"])
	p.DatePosted = parseTime(jstr(jfirst(m["datePosted"])))
	p.Description = ldDescription(m)
	p.Salary = ldSalary(m["baseSalary"])
	if p.Salary == nil {
		p.Salary = ldSalary(m["estimatedSalary"])
	}
	if p.URL == "" {
		p.URL = jstr(jfirst(m["url"]))
	}
	if p.SourceID == "" {
		p.SourceID = ldIdentifier(m["identifier"])
	}
	return nil
}

func isTelecommute(v any) bool {
	for _, t := range jlist(v) {
		if strings.EqualFold(jstr(t), "TELECOMMUTE") {
			return true
		}
	}
	return false
}

// ldLocations formats jobLocation: one Place or an array; address a
// PostalAddress or a string. Real pages repeat one address for every
// Place while the Place names differ: then the names are used.
func ldLocations(v any) []string {
	places := jlist(v)
	addrs := make([]string, len(places))
	names := make([]string, len(places))
	for i, pl := range places {
		switch t := pl.(type) {
		case string:
			addrs[i] = inlineText(t)
		case map[string]any:
			names[i] = jname(t["name"])
			addrs[i] = ldAddress(t["address"])
			if addrs[i] == "" {
				addrs[i] = ldAddress(t) // a PostalAddress given as the Place
			}
		}
	}
	if len(places) > 1 && len(dedupe(addrs)) == 1 && len(dedupe(names)) > 1 {
		addrs = names
	}
	var out []string
	for i := range places {
		if addrs[i] != "" {
			out = append(out, addrs[i])
		} else if names[i] != "" {
			out = append(out, names[i])
		}
	}
	return out
}

// ldAddress formats a PostalAddress as "City, Region, Country", skipping
// empty and repeated parts; a string address is returned cleaned.
func ldAddress(v any) string {
	switch t := jfirst(v).(type) {
	case string:
		return inlineText(t)
	case map[string]any:
		var parts []string
		for _, p := range []string{jname(t["addressLocality"]), jname(t["addressRegion"]), jname(t["addressCountry"])} {
			if p != "" && (len(parts) == 0 || !strings.EqualFold(parts[len(parts)-1], p)) {
				parts = append(parts, p)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// ldSections are the JSON-LD fields appended to the description, with the
// heading each gets.
var ldSections = []struct{ key, heading string }{
	{"responsibilities", "Responsibilities"},
	{"qualifications", "Qualifications"},
	{"skills", "Skills"},
	{"educationRequirements", "Education"},
	{"experienceRequirements", "Experience"},
}

// ldDescription is the description, followed by the responsibilities,
// qualifications, skills, education and experience fields, each under its
// heading, unless the description already holds that text.
func ldDescription(m map[string]any) string {
	desc := ldText(m["description"])
	var b strings.Builder
	b.WriteString(desc)
	for _, sec := range ldSections {
		var items []string
		for _, e := range jlist(m[sec.key]) {
			var t string
			switch e := e.(type) {
			case string:
				t = ldText(e)
			case map[string]any:
				t = ldText(jstr(e["description"]))
				if t == "" {
					t = jname(e)
				}
				if t == "" {
					t = ldText(jstr(e["credentialCategory"]))
				}
			}
			if t != "" {
				items = append(items, t)
			}
		}
		if len(items) == 0 {
			continue
		}
		text := strings.Join(items, "\n")
		probe := text
		if len(probe) > 80 {
			probe = probe[:80]
		}
		if strings.Contains(desc, probe) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(sec.heading + "\n" + text)
	}
	return cleanLines(b.String())
}

// nbspSeparator matches "&nbsp;" used between two items of a list, as in
// "experience&nbsp;Implement ...".
var nbspSeparator = lazyMustCompile(`([^\s;])&nbsp;(\p{Lu})`)

// ldText cleans a JSON-LD text field: HTML, entity-escaped HTML, or plain
// text whose items may be separated by "&nbsp;".
func ldText(v any) string {
	s := jstr(v)
	if s == "" {
		return ""
	}
	if !hasTag(s) && !isDoubleEscaped(s) {
		s = nbspSeparator.ReplaceAllString(s, "$1\n$2")
	}
	return textOrHTML(s)
}
