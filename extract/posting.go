package extract

import "time"

// Format says how a Raw record's Body is encoded.
type Format string

// The record formats Split produces and Extract reads.
const (
	FormatJobPosting      Format = "jobposting"      // one schema.org JobPosting JSON object
	FormatGreenhouse      Format = "greenhouse"      // one job object of the Greenhouse board API (content=true)
	FormatLever           Format = "lever"           // one posting object of the Lever postings API (mode=json)
	FormatAshby           Format = "ashby"           // one job object of the Ashby posting API
	FormatSmartRecruiters Format = "smartrecruiters" // one posting detail object of the SmartRecruiters API
	FormatCSV             Format = "csv"             // one CSV row as a JSON object of lower-cased header -> value
	FormatText            Format = "text"            // plain text, first non-empty line the title
)

// Document is a whole file or HTTP response before it is split into
// postings. Format may be empty: Split then detects it from Name,
// ContentType and the shape of Body.
type Document struct {
	Name        string    // file path or URL, used in error messages
	Source      string    // where it came from: "file", "greenhouse:gitlab", "site:jobs.example.com"
	URL         string    // the page or API URL, if fetched
	Format      string    // a hint: "greenhouse", "lever", "ashby", "smartrecruiters", "html", "json", "jsonl", "csv", "text"; empty to detect
	ContentType string    // the HTTP Content-Type, if any
	Body        []byte    // the bytes as read (any charset; Split decodes)
	FetchedAt   time.Time // when it was read or fetched
}

// Raw is the source document of exactly one posting, kept in the corpus
// so that postings can be extracted again (after a taxonomy change)
// without fetching anything again.
type Raw struct {
	Format    Format    `json:"format"`
	Source    string    `json:"source"`              // as in Document.Source
	SourceID  string    `json:"source_id,omitempty"` // the source's own id for the posting, if it has one
	URL       string    `json:"url,omitempty"`       // the posting's canonical URL, if known
	Origin    string    `json:"origin,omitempty"`    // file:line or URL the record was read from
	FetchedAt time.Time `json:"fetched_at"`
	Body      string    `json:"body"` // the record in Format (UTF-8)
}

// Kind is the kind of a tag.
type Kind string

// Tag kinds.
const (
	KindCertification Kind = "certification"
	KindSkill         Kind = "skill"
)

// Level says how strongly a posting asks for a tagged term.
type Level string

// Requirement levels, strongest first.
const (
	LevelRequired  Level = "required"
	LevelPreferred Level = "preferred"
	LevelMentioned Level = "mentioned"
)

// Tag is one certification or skill found in a posting. A posting carries
// at most one Tag per ID.
type Tag struct {
	ID       string `json:"id"`   // catalog id, e.g. "cspo", "sql"
	Kind     Kind   `json:"kind"` // certification or skill
	Name     string `json:"name"` // display name from the catalog
	Level    Level  `json:"level"`
	Evidence string `json:"evidence,omitempty"` // the sentence the first match sits in
	Start    int    `json:"start"`              // byte offsets of the first match in Posting.Description
	End      int    `json:"end"`
}

// Salary is pay as stated by the posting, and annualised.
type Salary struct {
	Min       float64 `json:"min,omitempty"`
	Max       float64 `json:"max,omitempty"`
	Currency  string  `json:"currency,omitempty"` // ISO 4217 code
	Period    string  `json:"period,omitempty"`   // "year", "month", "week", "day", "hour"
	AnnualMin float64 `json:"annual_min,omitempty"`
	AnnualMax float64 `json:"annual_max,omitempty"`
	Text      string  `json:"text,omitempty"` // the raw statement, if from text
}

// Posting is one job posting, extracted and tagged.
type Posting struct {
	ID             string    `json:"id"`
	Source         string    `json:"source"`
	SourceID       string    `json:"source_id,omitempty"`
	URL            string    `json:"url,omitempty"`
	Title          string    `json:"title"`
	Family         string    `json:"family,omitempty"`    // title family id, e.g. "product-owner"
	Seniority      string    `json:"seniority,omitempty"` // e.g. "senior", from the title
	Company        string    `json:"company,omitempty"`
	Locations      []string  `json:"locations,omitempty"`
	Remote         bool      `json:"remote"`
	Workplace      string    `json:"workplace,omitempty"`       // "remote", "hybrid", "onsite"
	EmploymentType string    `json:"employment_type,omitempty"` // "full_time", "part_time", "contract", "temporary", "internship"
	DatePosted     time.Time `json:"date_posted,omitzero"`
	Description    string    `json:"description"` // clean text: one paragraph or list item per line
	Salary         *Salary   `json:"salary,omitempty"`
	Experience     float64   `json:"experience_years,omitempty"` // fewest years of experience asked; 0 when none stated
	Education      string    `json:"education,omitempty"`        // lowest degree asked: "secondary", "associate", "bachelor", "master", "doctorate"
	Tags           []Tag     `json:"tags,omitempty"`
}
