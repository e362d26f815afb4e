package analyze

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/jobgap/jobgap/extract"
)

func found(sigs []Signal, text string) []string {
	norm := NormText(text)
	var out []string
	for _, s := range sigs {
		if s.In(norm) {
			out = append(out, s.ID)
		}
	}
	return out
}

func TestAuthoritySignals(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"You will own the product roadmap and have the final say on priorities.", []string{"roadmap", "final-say"}},
		{"Accountable for revenue. Lead four product managers.", []string{"accountable", "team"}},
		{"Set the product strategy and vision for payments.", []string{"strategy"}},
		{"You will hire and lead a small team of product managers.", []string{"team"}},
		{"Manage the marketing budget; P&L ownership for the unit.", []string{"budget"}},
		{"The lead sets direction for four teams.", []string{"strategy"}},
		// Not authority: another team owns it, a roadmap is only mentioned,
		// "own" is an adjective.
		{"Our growth team owns that journey.", nil},
		{"Join roadmap reviews with engineering.", nil},
		{"Pull your own numbers with SQL.", nil},
		{"Annual learning budget of $2,000.", nil},
	}
	for _, tt := range tests {
		if got := found(AuthoritySignals, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: signals %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFunctions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Work with engineers, designers and data scientists; partner with sales and legal.",
			[]string{"engineering", "design", "data", "sales", "legal"}},
		{"Triage support tickets with finance and operations.", []string{"support", "finance", "operations"}},
		{"UX research with the marketing team.", []string{"design", "marketing"}},
		// "support" as a verb and "design" as a verb are not functions.
		{"Support the team and design experiments.", nil},
	}
	for _, tt := range tests {
		if got := found(Functions, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: functions %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestKPIs(t *testing.T) {
	got := found(KPIs, "Measured on retention, activation and NPS; quarterly OKRs; hit delivery dates; grow ARR.")
	want := []string{"retention", "activation", "nps", "revenue", "okr", "delivery"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KPIs %v, want %v", got, want)
	}
	// "narrative" contains "arr" but is not ARR.
	if got := found(KPIs, "A clear narrative."); got != nil {
		t.Errorf("KPIs in a word: %v", got)
	}
}

func TestNormText(t *testing.T) {
	if got := NormText("P&L — Cross-functional, UX/UI!"); got != " p l cross functional ux ui " {
		t.Errorf("NormText = %q", got)
	}
}

func TestSummarizeSignalsCounts(t *testing.T) {
	texts := []string{"Own the roadmap. Final say. Accountable for churn.", "Final call on scope.", "Nothing here."}
	var ns []string
	for _, s := range texts {
		ns = append(ns, NormText(s))
	}
	s := SummarizeSignals(AuthoritySignals, ns)
	// 3 + 1 + 0 = 4 signals over 3 postings.
	if math.Abs(s.Score-4.0/3) > 1e-12 || s.Any.Count != 2 || s.Signals[1].Count != 2 {
		t.Errorf("summary = %+v", s)
	}
}

func TestOwnedPhrases(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"- Own the backlog for carrier onboarding", []string{"backlog"}},
		{"You will own the API backlog: versioning, deprecations", []string{"api backlog"}},
		{"You are responsible for pricing and packaging.", []string{"pricing"}},
		{"Own the roadmap. You will own the roadmap.", []string{"roadmap"}},
		{"Our growth team owns the path from signup.", nil},
		{"Pull your own numbers with SQL.", nil},
		{"You will own it end to end.", nil},
		{"The product manager owns the visit experience across clinics.", []string{"visit experience"}},
	}
	for _, tt := range tests {
		if got := OwnedPhrases(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("OwnedPhrases(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNewBrief(t *testing.T) {
	posts := []extract.Posting{
		post("- Own the backlog\nMeasured by retention.", "sql:mentioned", "jira:required", "cert:cspo:required"),
		post("- Own the backlog for payments", "sql:mentioned", "cert:psm:mentioned", "cert:cspo:mentioned"),
		post("You will own the roadmap. Retention and NPS matter.", "sql:preferred", "figma:mentioned"),
		post("Write stories.", "jira:mentioned"),
	}
	posts[0].Seniority, posts[1].Seniority, posts[2].Seniority = "senior", "mid", "senior"
	b := NewBrief("PO", posts, nil, 2)
	if b.Postings != 4 || !b.SmallSample {
		t.Fatalf("N = %d", b.Postings)
	}
	if len(b.Owns) != 2 || b.Owns[0].Phrase != "backlog" || b.Owns[0].Count != 2 || b.Owns[1].Phrase != "roadmap" {
		t.Errorf("owns = %+v", b.Owns)
	}
	// Top 2 by postings: sql (3), jira (2); required first: jira, sql.
	if len(b.Competencies) != 2 || b.Competencies[0].ID != "jira" || b.Competencies[1].ID != "sql" {
		t.Errorf("competencies = %+v", b.Competencies)
	}
	// CSPO weighted (1 + ¼)/4 beats PSM ¼/4.
	if b.Certifications[0].ID != "cspo" || b.Certifications[1].ID != "psm" {
		t.Errorf("certifications = %+v", b.Certifications)
	}
	if len(b.KPIs) != 2 || b.KPIs[0].ID != "retention" || b.KPIs[0].Count != 2 || b.KPIs[1].ID != "nps" {
		t.Errorf("kpis = %+v", b.KPIs)
	}
	var ladder []string
	for _, l := range b.Ladder {
		ladder = append(ladder, l.Seniority)
	}
	if strings.Join(ladder, ",") != "mid,senior,unknown" {
		t.Errorf("ladder = %v", ladder)
	}
}
