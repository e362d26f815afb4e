package demo

import (
	"fmt"
	"html"
	"net/http"
	"time"
)

// Greenhouse job board API: GET /v1/boards/{token}/jobs?content=true.

type ghJob struct {
	AbsoluteURL    string         `json:"absolute_url"`
	DataCompliance []ghCompliance `json:"data_compliance"`
	InternalJobID  int64          `json:"internal_job_id"`
	Location       ghLocation     `json:"location"`
	Metadata       []ghMetadata   `json:"metadata"`
	ID             int64          `json:"id"`
	UpdatedAt      string         `json:"updated_at"`
	RequisitionID  string         `json:"requisition_id"`
	Title          string         `json:"title"`
	CompanyName    string         `json:"company_name"`
	FirstPublished string         `json:"first_published"`
	Language       string         `json:"language"`
	Deadline       *string        `json:"application_deadline"`
	Content        string         `json:"content,omitempty"` // HTML, entity-escaped once more
	Departments    []ghDepartment `json:"departments,omitempty"`
	Offices        []ghOffice     `json:"offices,omitempty"`
}

type ghCompliance struct {
	Type                      string `json:"type"`
	RequiresConsent           bool   `json:"requires_consent"`
	RequiresProcessingConsent bool   `json:"requires_processing_consent"`
	RequiresRetentionConsent  bool   `json:"requires_retention_consent"`
	RetentionPeriod           *int   `json:"retention_period"`
	DemographicConsent        bool   `json:"demographic_data_consent_applies"`
}

type ghLocation struct {
	Name string `json:"name"`
}

type ghMetadata struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Value     string `json:"value"`
	ValueType string `json:"value_type"`
}

type ghDepartment struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	ChildIDs []int64 `json:"child_ids"`
	ParentID *int64  `json:"parent_id"`
}

type ghOffice struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	Location *string `json:"location"`
	ChildIDs []int64 `json:"child_ids"`
	ParentID *int64  `json:"parent_id"`
}

type ghBoard struct {
	Jobs []ghJob `json:"jobs"`
	Meta struct {
		Total int `json:"total"`
	} `json:"meta"`
}

var ghWorkplace = map[string]string{"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
var ghEmployment = map[string]string{"full_time": "Full-time", "part_time": "Part-time", "contract": "Contract"}

func (s *server) greenhouse(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	ps, ok := s.board("greenhouse", token)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"status": 404, "error": "Job board not found"})
		return
	}
	withContent := r.URL.Query().Get("content") == "true"
	base := baseURL(r)
	out := ghBoard{Jobs: []ghJob{}}
	for _, p := range ps {
		out.Jobs = append(out.Jobs, greenhouseJob(p, token, base, withContent))
	}
	out.Meta.Total = len(out.Jobs)
	writeJSON(w, http.StatusOK, out)
}

func greenhouseJob(p Posting, token, base string, withContent bool) ghJob {
	id, internal := greenhouseID(p.Key)
	j := ghJob{
		AbsoluteURL:    fmt.Sprintf("%s/greenhouse/%s/jobs/%d", base, token, id),
		DataCompliance: []ghCompliance{{Type: "gdpr"}},
		InternalJobID:  internal,
		Location:       ghLocation{Name: p.Location},
		Metadata: []ghMetadata{
			{ID: smallID("metadata", "Workplace Type"), Name: "Workplace Type", Value: ghWorkplace[p.Workplace], ValueType: "single_select"},
			{ID: smallID("metadata", "Employment Type"), Name: "Employment Type", Value: ghEmployment[p.EmploymentType], ValueType: "single_select"},
		},
		ID:             id,
		UpdatedAt:      eastern(updatedAt(p)).Format(time.RFC3339),
		RequisitionID:  fmt.Sprintf("%d", 1000+id/1000%9000),
		Title:          p.Title,
		CompanyName:    p.Company,
		FirstPublished: eastern(postedAt(p)).Format(time.RFC3339),
		Language:       "en",
	}
	if withContent {
		j.Content = html.EscapeString(renderHTML(mustSections(p.Description)))
		j.Departments = []ghDepartment{{ID: smallID("department", department(p.Title)), Name: department(p.Title), ChildIDs: []int64{}}}
		j.Offices = []ghOffice{{ID: smallID("office", p.Location), Name: p.Location, ChildIDs: []int64{}}}
	}
	return j
}
