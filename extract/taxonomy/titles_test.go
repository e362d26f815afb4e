package taxonomy

import "testing"

var titleTests = []struct {
	title, family, seniority string
}{
	{"Product Owner", "product-owner", "mid"},
	{"Technical Product Owner", "product-owner", "mid"},
	{"Senior Product Owner", "product-owner", "senior"},
	{"Senior PO", "product-owner", "senior"},
	{"Product Manager", "product-manager", "mid"},
	{"Sr. Product Manager II", "product-manager", "senior"},
	{"Senior PM", "product-manager", "senior"},
	{"Product Manager, Growth", "product-manager", "mid"},
	{"Product Manager I", "product-manager", "junior"},
	{"Associate Product Manager", "product-manager", "junior"},
	{"Principal Product Manager", "product-manager", "principal"},
	{"Staff Product Manager - Payments", "product-manager", "staff"},
	{"Product Management Intern", "product-manager", "intern"},
	{"Group Product Manager", "product-lead", "lead"},
	{"Head of Product", "product-lead", "head"},
	{"Lead Product Manager", "product-lead", "lead"},
	{"Product Lead", "product-lead", "lead"},
	{"Director of Product Management", "product-lead", "director"},
	{"VP Product", "product-lead", "vp"},
	{"Vice President, Product", "product-lead", "vp"},
	{"Chief Product Officer", "product-lead", "vp"},
	{"Product Marketing Manager", "product-marketing-manager", "mid"},
	{"Head of Product Marketing", "product-marketing-manager", "head"},
	{"Product Designer", "product-designer", "mid"},
	{"Director, Product Design", "product-designer", "director"},
	{"Project Manager", "project-manager", "mid"},
	{"Program Manager", "program-manager", "mid"},
	{"Product Analyst", "data-analyst", "mid"},
	{"Scrum Master", "scrum-master", "mid"},
	{"Senior Business Analyst", "business-analyst", "senior"},
	{"Backend Engineer (Go)", "software-engineer", "mid"},
	{"Barista", "", "mid"},
	{"Sr. Product Manager, Lead Generation", "product-manager", "senior"},
	{"Lead Generation Product Manager", "product-manager", "mid"},
	{"Product Manager - Senior", "product-manager", "senior"},
	{"Product Manager, Group Insurance", "product-manager", "mid"},
	{"Product Owner (Senior)", "product-owner", "senior"},
	{"", "", ""},
}

func TestClassify(t *testing.T) {
	tx := defaultTaxonomy(t)
	for _, tt := range titleTests {
		f, s := tx.Classify(tt.title)
		if f != tt.family || s != tt.seniority {
			t.Errorf("Classify(%q) = %q, %q; want %q, %q", tt.title, f, s, tt.family, tt.seniority)
		}
	}
}

func TestResolveTitle(t *testing.T) {
	tx := defaultTaxonomy(t)
	for _, tt := range []struct {
		q, want string
		ok      bool
	}{
		{"product-owner", "product-owner", true},
		{"Product Owner", "product-owner", true},
		{"PO", "product-owner", true},
		{"pm", "product-manager", true},
		{"Senior Product Manager", "product-manager", true},
		{"head of product", "product-lead", true},
		{"gardener", "", false},
	} {
		got, ok := tx.ResolveTitle(tt.q)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ResolveTitle(%q) = %q, %v; want %q, %v", tt.q, got, ok, tt.want, tt.ok)
		}
	}
	if len(tx.Families()) < 11 {
		t.Errorf("%d families", len(tx.Families()))
	}
}
