package extract

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

// labelled is one hand-labelled posting snippet of testdata/labelled.
type labelled struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Text  string `yaml:"text"`
	HTML  bool   `yaml:"html"`
	// Tags: every certification the text mentions, and every skill of
	// labelledSkills it mentions, with its level.
	Tags map[string]string `yaml:"tags"`
	// Salary: "min-max CUR period"; empty means no base pay stated.
	Salary     string   `yaml:"salary"`
	Experience *float64 `yaml:"experience"`
	Education  *string  `yaml:"education"`
	Workplace  *string  `yaml:"workplace"`
	Employment *string  `yaml:"employment"`
}

// labelledSkills is the subset of skills the snippets are labelled for:
// the common ones and every ambiguous one the issue names. Skills
// outside it are neither counted right nor wrong.
var labelledSkills = []string{
	"sql", "excel", "python", "go", "r", "c-lang", "swift", "rust", "spark", "java", "javascript",
	"jira", "confluence", "figma", "tableau", "power-bi", "ab-testing", "roadmapping",
	"stakeholder-management", "user-research", "agile", "scrum", "kanban", "salesforce",
	"customer-success", "go-to-market", "okrs", "aws", "amplitude", "notion", "product-discovery",
	"user-stories", "backlog-management",
}

// Accuracy bars of issue 4.
const (
	minCertPrecision  = 0.99
	minCertRecall     = 0.97
	minSkillPrecision = 0.95
	minLevelAccuracy  = 0.95
	minSalaryExact    = 0.95
	minFactAccuracy   = 0.90
)

func loadLabelled(t *testing.T) []labelled {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "labelled", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled files: %v", err)
	}
	var all []labelled
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ls []labelled
		if err := yaml.UnmarshalWithOptions(b, &ls, yaml.DisallowUnknownField()); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, l := range ls {
			if l.ID == "" || seen[l.ID] {
				t.Fatalf("%s: missing or duplicate id %q", f, l.ID)
			}
			seen[l.ID] = true
		}
		all = append(all, ls...)
	}
	return all
}

type counts struct{ tp, fp, fn int }

func (c counts) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c counts) recall() float64 {
	if c.tp+c.fn == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

// TestAccuracy tags the labelled snippets and checks precision and
// recall per kind, the requirement level of the tags found, salary and
// the other facts against the bars of issue 4. Run with -v to see the
// figures and every miss.
func TestAccuracy(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(tax)
	subset := map[string]bool{}
	for _, id := range labelledSkills {
		if term, ok := tax.Term(id); !ok || term.Kind != taxonomy.KindSkill {
			t.Fatalf("labelled skill %q is not a skill of the taxonomy", id)
		}
		subset[id] = true
	}
	cases := loadLabelled(t)
	if len(cases) < 150 {
		t.Errorf("%d labelled snippets, want at least 150", len(cases))
	}
	var cert, skill counts
	levelOK, levelN := 0, 0
	salaryOK, salaryN := 0, 0
	factOK, factN := 0, 0
	for _, c := range cases {
		for id, lv := range c.Tags {
			term, ok := tax.Term(id)
			if !ok {
				t.Errorf("%s: label %q is not in the taxonomy", c.ID, id)
				continue
			}
			if term.Kind == taxonomy.KindSkill && !subset[id] {
				t.Errorf("%s: label %q is a skill outside the labelled subset", c.ID, id)
			}
			switch lv {
			case "required", "preferred", "mentioned":
			default:
				t.Errorf("%s: label %s: level %q", c.ID, id, lv)
			}
		}
		desc := c.Text
		if c.HTML {
			desc = HTMLToText(desc)
		}
		p := Posting{Title: c.Title, Description: desc}
		x.Tag(&p)
		got := map[string]Tag{}
		for _, tg := range p.Tags {
			if tg.Kind == KindSkill && !subset[tg.ID] {
				continue
			}
			got[tg.ID] = tg
		}
		for id, tg := range got {
			cnt := &cert
			if tg.Kind == KindSkill {
				cnt = &skill
			}
			want, ok := c.Tags[id]
			if !ok {
				cnt.fp++
				t.Logf("%s: false %s %s (%s) in %q", c.ID, tg.Kind, id, tg.Level, tg.Evidence)
				continue
			}
			cnt.tp++
			levelN++
			if string(tg.Level) == want {
				levelOK++
			} else {
				t.Logf("%s: %s is %s, want %s: %q", c.ID, id, tg.Level, want, tg.Evidence)
			}
		}
		for id := range c.Tags {
			if _, ok := got[id]; ok {
				continue
			}
			term, _ := tax.Term(id)
			if term.Kind == taxonomy.KindCertification {
				cert.fn++
			} else {
				skill.fn++
			}
			t.Logf("%s: missed %s %s", c.ID, term.Kind, id)
		}
		salaryN++
		if gs := salaryString(p.Salary); gs == c.Salary {
			salaryOK++
		} else {
			t.Logf("%s: salary %q, want %q", c.ID, gs, c.Salary)
		}
		fact := func(name, got, want string) {
			factN++
			if got == want {
				factOK++
			} else {
				t.Logf("%s: %s %q, want %q", c.ID, name, got, want)
			}
		}
		if c.Experience != nil {
			fact("experience", strconv.FormatFloat(p.Experience, 'f', -1, 64), strconv.FormatFloat(*c.Experience, 'f', -1, 64))
		}
		if c.Education != nil {
			fact("education", p.Education, *c.Education)
		}
		if c.Workplace != nil {
			fact("workplace", p.Workplace, *c.Workplace)
		}
		if c.Employment != nil {
			fact("employment", p.EmploymentType, *c.Employment)
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("%d snippets", len(cases))
	t.Logf("certifications: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", cert.precision(), cert.recall(), cert.tp, cert.fp, cert.fn)
	t.Logf("skills (%d labelled): precision %.3f recall %.3f (tp %d, fp %d, fn %d)", len(labelledSkills), skill.precision(), skill.recall(), skill.tp, skill.fp, skill.fn)
	t.Logf("level: %.3f of %d tags", ratio(levelOK, levelN), levelN)
	t.Logf("salary exact: %.3f of %d snippets", ratio(salaryOK, salaryN), salaryN)
	t.Logf("other facts: %.3f of %d", ratio(factOK, factN), factN)
	check := func(name string, got, bar float64) {
		if got < bar {
			t.Errorf("%s %.3f is below %.2f", name, got, bar)
		}
	}
	check("certification precision", cert.precision(), minCertPrecision)
	check("certification recall", cert.recall(), minCertRecall)
	check("skill precision", skill.precision(), minSkillPrecision)
	check("level accuracy", ratio(levelOK, levelN), minLevelAccuracy)
	check("salary exact match", ratio(salaryOK, salaryN), minSalaryExact)
	check("fact accuracy", ratio(factOK, factN), minFactAccuracy)
}
