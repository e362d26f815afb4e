package extract

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrNoTitle: a record has no job title; Parse rejects it.
var ErrNoTitle = errors.New("no title")

// Parse reads one record into a Posting: Source, SourceID, URL, Title,
// Company, Locations, Remote, Workplace, EmploymentType, DatePosted (UTC),
// Description (clean text, see HTMLToText), structured Salary and ID (see
// PostingID). It does not tag: Tags, Family and Seniority stay empty.
//
// Company comes from the record (JSON-LD hiringOrganization, Greenhouse
// company_name, SmartRecruiters company.name, a CSV company column); when
// the record has none and Raw.Source is "kind:board" with a kind other than
// "site", "url" or "file", it is the board ("lever:acme" gives "acme").
//
// Workplace comes from the source's own field; when there is none, from
// the words "remote" or "hybrid" in the locations. Remote is true exactly
// when Workplace is "remote".
func Parse(r Raw) (Posting, error) {
	p := Posting{Source: r.Source, SourceID: r.SourceID, URL: r.URL}
	var err error
	switch r.Format {
	case FormatJobPosting:
		err = parseJobPosting(r.Body, &p)
	case FormatGreenhouse:
		err = parseGreenhouse(r.Body, &p)
	case FormatLever:
		err = parseLever(r.Body, &p)
	case FormatAshby:
		err = parseAshby(r.Body, &p)
	case FormatSmartRecruiters:
		err = parseSmartRecruiters(r.Body, &p)
	case FormatCSV:
		err = parseCSV(r.Body, &p)
	case FormatText:
		parseText(r.Body, &p)
	default:
		err = fmt.Errorf("unknown record format %q", r.Format)
	}
	if err == nil && p.Title == "" {
		err = ErrNoTitle
	}
	if err != nil {
		return Posting{}, fmt.Errorf("parse %s record %s: %w", r.Format, recordName(r), err)
	}
	p.Locations = dedupe(p.Locations)
	if p.Workplace == "" {
		p.Workplace = workplaceFromLocations(p.Locations)
	}
	p.Remote = p.Workplace == "remote"
	if p.Company == "" {
		p.Company = boardOf(r.Source)
	}
	if !p.DatePosted.IsZero() {
		p.DatePosted = p.DatePosted.UTC()
	}
	p.ID = PostingID(p, r)
	return p, nil
}

// recordName names a record in errors: its origin, else URL, else id.
func recordName(r Raw) string {
	for _, s := range []string{r.Origin, r.URL, r.SourceID} {
		if s != "" {
			return s
		}
	}
	return "(unnamed)"
}

// boardOf returns the board of a "kind:board" source, "" for sources that
// name no company.
func boardOf(source string) string {
	kind, board, ok := strings.Cut(source, ":")
	if !ok {
		return ""
	}
	switch strings.ToLower(kind) {
	case "site", "url", "file", "http", "https":
		return ""
	}
	return strings.TrimSpace(board)
}

func decodeObject(body string) (map[string]any, error) {
	v, err := decodeJSON([]byte(body))
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("body is a JSON %s, not an object", jsonKind(v))
	}
	return m, nil
}

// parseGreenhouse reads a job of the Greenhouse board API (content=true).
func parseGreenhouse(body string, p *Posting) error {
	m, err := decodeObject(body)
	if err != nil {
		return err
	}
	setID(p, m["id"], m["absolute_url"])
	p.Title = inlineText(jstr(m["title"]))
	p.Company = inlineText(jstr(m["company_name"]))
	for _, l := range strings.FieldsFunc(jstr(jget(m, "location", "name")), func(r rune) bool { return r == ';' || r == '|' }) {
		p.Locations = append(p.Locations, inlineText(l))
	}
	if p.DatePosted = parseTime(jstr(m["first_published"])); p.DatePosted.IsZero() {
		p.DatePosted = parseTime(jstr(m["updated_at"]))
	}
	p.Description = HTMLToText(jstr(m["content"]))
	return nil
}

// parseLever reads a posting of the Lever postings API (mode=json): the
// description (else opening and descriptionBody), then each list as a
// heading line and its items, then additional.
func parseLever(body string, p *Posting) error {
	m, err := decodeObject(body)
	if err != nil {
		return err
	}
	setID(p, m["id"], m["hostedUrl"])
	p.Title = inlineText(jstr(m["text"]))
	cat := m["categories"]
	p.Locations = append(p.Locations, inlineText(jstr(jget(cat, "location"))))
	for _, l := range jlist(jget(cat, "allLocations")) {
		p.Locations = append(p.Locations, inlineText(jstr(l)))
	}
	p.Workplace = normWorkplace(jstr(m["workplaceType"]))
	p.EmploymentType = normEmployment(jget(cat, "commitment"))
	p.DatePosted = parseEpochMillis(m["createdAt"])
	var parts []string
	if d := HTMLToText(jstr(m["description"])); d != "" {
		parts = append(parts, d)
	} else if d := HTMLToText(jstr(m["opening"]) + "\n" + jstr(m["descriptionBody"])); d != "" {
		parts = append(parts, d)
	} else {
		parts = append(parts, plainText(jstr(m["descriptionPlain"])))
	}
	for _, l := range jlist(m["lists"]) {
		parts = append(parts, inlineText(jstr(jget(l, "text")))+"\n"+HTMLToText(jstr(jget(l, "content"))))
	}
	if a := HTMLToText(jstr(m["additional"])); a != "" {
		parts = append(parts, a)
	} else {
		parts = append(parts, plainText(jstr(m["additionalPlain"])))
	}
	p.Description = cleanLines(strings.Join(parts, "\n\n"))
	p.Salary = leverSalary(m["salaryRange"])
	return nil
}

// parseAshby reads a job of the Ashby job board API.
func parseAshby(body string, p *Posting) error {
	m, err := decodeObject(body)
	if err != nil {
		return err
	}
	setID(p, m["id"], m["jobUrl"])
	p.Title = inlineText(jstr(m["title"]))
	p.Locations = append(p.Locations, jname(m["location"]))
	for _, l := range jlist(m["secondaryLocations"]) {
		if s := jname(jget(l, "location")); s != "" {
			p.Locations = append(p.Locations, s)
		} else {
			p.Locations = append(p.Locations, jname(l))
		}
	}
	p.Workplace = normWorkplace(jstr(m["workplaceType"]))
	if p.Workplace == "" && jbool(m["isRemote"]) {
		p.Workplace = "remote"
	}
	p.EmploymentType = normEmployment(m["employmentType"])
	p.DatePosted = parseTime(jstr(m["publishedAt"]))
	if p.Description = HTMLToText(jstr(m["descriptionHtml"])); p.Description == "" {
		p.Description = plainText(jstr(m["descriptionPlain"]))
	}
	p.Salary = ashbySalary(m["compensation"])
	return nil
}

// srSections is the order of the sections of a SmartRecruiters job ad.
var srSections = []string{"companyDescription", "jobDescription", "qualifications", "additionalInformation"}

// parseSmartRecruiters reads a SmartRecruiters posting detail, or an item
// of the postings list, which has no job ad: its Description stays empty.
func parseSmartRecruiters(body string, p *Posting) error {
	m, err := decodeObject(body)
	if err != nil {
		return err
	}
	setID(p, m["id"], m["postingUrl"])
	p.Title = inlineText(jstr(m["name"]))
	p.Company = jname(m["company"])
	loc := m["location"]
	l := inlineText(jstr(jget(loc, "fullLocation")))
	if l == "" {
		var parts []string
		for _, k := range []string{"city", "region", "country"} {
			if s := inlineText(jstr(jget(loc, k))); s != "" {
				parts = append(parts, s)
			}
		}
		l = strings.Join(parts, ", ")
	}
	p.Locations = append(p.Locations, l)
	switch {
	case jbool(jget(loc, "remote")):
		p.Workplace = "remote"
	case jbool(jget(loc, "hybrid")):
		p.Workplace = "hybrid"
	}
	p.EmploymentType = normEmployment(jget(m, "typeOfEmployment", "label"))
	if p.EmploymentType == "" {
		p.EmploymentType = normEmployment(jget(m, "typeOfEmployment", "id"))
	}
	p.DatePosted = parseTime(jstr(m["releasedDate"]))
	var parts []string
	for _, k := range srSections {
		sec := jget(m, "jobAd", "sections", k)
		text := HTMLToText(jstr(jget(sec, "text")))
		if text == "" {
			continue
		}
		if t := inlineText(jstr(jget(sec, "title"))); t != "" {
			text = t + "\n" + text
		}
		parts = append(parts, text)
	}
	p.Description = strings.Join(parts, "\n\n")
	return nil
}

// parseCSV reads a CSV row object (see Split).
func parseCSV(body string, p *Posting) error {
	m, err := decodeObject(body)
	if err != nil {
		return err
	}
	if p.SourceID == "" {
		p.SourceID = jstr(m["id"])
	}
	if p.URL == "" {
		p.URL = jstr(m["url"])
	}
	p.Title = inlineText(jstr(m["title"]))
	p.Company = inlineText(jstr(m["company"]))
	for _, l := range strings.FieldsFunc(jstr(m["location"]), func(r rune) bool { return r == ';' || r == '|' }) {
		p.Locations = append(p.Locations, inlineText(l))
	}
	p.Workplace = normWorkplace(jstr(m["workplace"]))
	p.EmploymentType = normEmployment(m["employment_type"])
	p.DatePosted = parseTime(jstr(m["date_posted"]))
	p.Description = textOrHTML(jstr(m["description"]))
	p.Salary = csvSalary(m)
	return nil
}

// parseText reads a plain text record: the first non-empty line is the
// title, the rest the description.
func parseText(body string, p *Posting) {
	title, _, rest := splitTitle(strings.ToValidUTF8(body, "\uFFFD"))
	p.Title = strings.Join(strings.Fields(title), " ")
	p.Description = cleanLines(rest)
}

// setID fills SourceID and URL from the record when Raw had none.
func setID(p *Posting, id, u any) {
	if p.SourceID == "" {
		p.SourceID = jstr(id)
	}
	if p.URL == "" {
		p.URL = jstr(u)
	}
}

// dedupe drops empty strings and repeats (case-insensitively), keeping the
// first spelling and the order.
func dedupe(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		k := strings.ToLower(strings.TrimSpace(s))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

var (
	remoteWord = lazyMustCompile(`(?i)\b(remote|telecommute|work from home|wfh)\b`)
	hybridWord = lazyMustCompile(`(?i)\bhybrid\b`)
)

func workplaceFromLocations(locs []string) string {
	for _, l := range locs {
		if hybridWord.MatchString(l) {
			return "hybrid"
		}
	}
	for _, l := range locs {
		if remoteWord.MatchString(l) {
			return "remote"
		}
	}
	return ""
}

// lettersOnly lower-cases s and drops everything but letters.
func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normWorkplace maps "Remote", "remote", "Hybrid", "OnSite", "on-site",
// "In office" to remote, hybrid, onsite; "" otherwise.
func normWorkplace(s string) string {
	switch k := lettersOnly(s); {
	case k == "":
		return ""
	case strings.Contains(k, "hybrid"):
		return "hybrid"
	case strings.Contains(k, "remote"), k == "telecommute", k == "true", k == "yes":
		return "remote"
	case strings.Contains(k, "onsite"), strings.Contains(k, "office"), k == "inperson", k == "false", k == "no":
		return "onsite"
	}
	return ""
}

// normEmployment maps an employment type ("FULL_TIME", "Full-time",
// "FullTime", "Contractor", "Intern", an array: its first known value) to
// full_time, part_time, contract, temporary or internship; "" if unknown.
// "Permanent" counts as full_time.
func normEmployment(v any) string {
	for _, e := range jlist(v) {
		switch k := lettersOnly(jstr(e)); {
		case k == "":
		case strings.Contains(k, "intern"), strings.Contains(k, "trainee"), strings.Contains(k, "apprentice"):
			return "internship"
		case strings.Contains(k, "parttime"):
			return "part_time"
		case strings.Contains(k, "fulltime"), k == "permanent", k == "regular":
			return "full_time"
		case strings.Contains(k, "contract"), strings.Contains(k, "freelance"):
			return "contract"
		case strings.Contains(k, "temp"), strings.Contains(k, "seasonal"), k == "perdiem":
			return "temporary"
		}
	}
	return ""
}

// timeLayouts are tried in order; ISO first. Times without a zone are UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	"02.01.2006",
	"Jan 2, 2006",
	"January 2, 2006",
	"2 Jan 2006",
	"2 January 2006",
	"Mon, 02 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04:05 MST",
}

var slashDate = lazyMustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// parseTime parses a date or date-time in the layouts sources use. A date
// with slashes is month/day/year, as in US exports, unless the first
// number is over 12 (then it is day/month/year). A number is taken as
// Unix time (milliseconds if over 1e11). The zero Time if nothing fits.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		month, day := a, b
		if a > 12 {
			month, day = b, a
		}
		if month >= 1 && month <= 12 && day >= 1 && day <= 31 {
			t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day {
				return t
			}
		}
		return time.Time{}
	}
	return parseEpochMillis(s)
}

// parseEpochMillis reads Lever's createdAt: milliseconds since the epoch
// as a number or a string. Values under 1e11 are taken as seconds; values
// under 1e9 (before 2001) as no time at all.
func parseEpochMillis(v any) time.Time {
	f, ok := jnum(v)
	if !ok || f < 1e9 || f > 1e15 {
		return time.Time{}
	}
	if f < 1e11 {
		return time.Unix(int64(f), 0).UTC()
	}
	return time.UnixMilli(int64(f)).UTC()
}
