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

// loadLabelled reads every snippet of testdata/<dir>/*.yaml.
func loadLabelled(t testing.TB, dir string) []labelled {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.yaml"))
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

// accuracy is what measure finds over a set of snippets.
type accuracy struct {
	snippets                           int
	cert, skill                        counts
	levelOK, levelN, salaryOK, salaryN int
	factOK, factN                      int
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (a accuracy) level() float64  { return ratio(a.levelOK, a.levelN) }
func (a accuracy) salary() float64 { return ratio(a.salaryOK, a.salaryN) }
func (a accuracy) facts() float64  { return ratio(a.factOK, a.factN) }

// measure tags the snippets and counts, per kind, the tags found right
// and wrong and the ones missed, the level of the tags found, salary and
// the other facts. It logs every miss and the figures.
func measure(t *testing.T, cases []labelled) accuracy {
	t.Helper()
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
	a := accuracy{snippets: len(cases)}
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
			cnt := &a.cert
			if tg.Kind == KindSkill {
				cnt = &a.skill
			}
			want, ok := c.Tags[id]
			if !ok {
				cnt.fp++
				t.Logf("%s: false %s %s (%s) in %q", c.ID, tg.Kind, id, tg.Level, tg.Evidence)
				continue
			}
			cnt.tp++
			a.levelN++
			if string(tg.Level) == want {
				a.levelOK++
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
				a.cert.fn++
			} else {
				a.skill.fn++
			}
			t.Logf("%s: missed %s %s", c.ID, term.Kind, id)
		}
		a.salaryN++
		if gs := salaryString(p.Salary); gs == c.Salary {
			a.salaryOK++
		} else {
			t.Logf("%s: salary %q, want %q", c.ID, gs, c.Salary)
		}
		fact := func(name, got, want string) {
			a.factN++
			if got == want {
				a.factOK++
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
	t.Logf("%d snippets", a.snippets)
	t.Logf("certifications: precision %.3f recall %.3f (tp %d, fp %d, fn %d)", a.cert.precision(), a.cert.recall(), a.cert.tp, a.cert.fp, a.cert.fn)
	t.Logf("skills (%d labelled): precision %.3f recall %.3f (tp %d, fp %d, fn %d)", len(labelledSkills), a.skill.precision(), a.skill.recall(), a.skill.tp, a.skill.fp, a.skill.fn)
	t.Logf("level: %.3f of %d tags", a.level(), a.levelN)
	t.Logf("salary exact: %.3f of %d snippets", a.salary(), a.salaryN)
	t.Logf("other facts: %.3f of %d", a.facts(), a.factN)
	return a
}

func checkBar(t *testing.T, name string, got, bar float64) {
	t.Helper()
	if got < bar {
		t.Errorf("%s %.3f is below %.2f", name, got, bar)
	}
}

// TestAccuracy tags the labelled snippets and checks precision and
// recall per kind, the requirement level of the tags found, salary and
// the other facts against the bars of issue 4. Run with -v to see the
// figures and every miss. The tagger was tuned on these snippets; see
// TestHeldOutAccuracy for text it has not seen.
func TestAccuracy(t *testing.T) {
	cases := loadLabelled(t, "labelled")
	if len(cases) < 150 {
		t.Errorf("%d labelled snippets, want at least 150", len(cases))
	}
	a := measure(t, cases)
	checkBar(t, "certification precision", a.cert.precision(), minCertPrecision)
	checkBar(t, "certification recall", a.cert.recall(), minCertRecall)
	checkBar(t, "skill precision", a.skill.precision(), minSkillPrecision)
	checkBar(t, "level accuracy", a.level(), minLevelAccuracy)
	checkBar(t, "salary exact match", a.salary(), minSalaryExact)
	checkBar(t, "fact accuracy", a.facts(), minFactAccuracy)
}

// Regression floors of TestHeldOutAccuracy: each is the figure measured
// on testdata/heldout on 2026-11-30 (the ninth blind set: 214 snippets
// by another author, written to read like ordinary postings, 40% of them
// full postings, committed before the tagger ever ran on them) minus
// 0.03, rounded down to a step of 0.05. They catch regressions on text
// the tagger was not tuned on; they are not targets. Raise them when the
// tagger improves on a fresh held-out set, not by tuning the tagger on
// this one. Earlier blind sets, each measured once before the tagger
// was fixed against it (now in testdata/labelled as ho1-* … ho8-*; the
// fifth was written to be adversarial, the sixth on to be
// representative):
//
//	set  snippets  certs P  certs R  skills P  skills R  level  salary  facts
//	1st  ~100      0.952    0.877    0.973     0.873     0.852  0.912   -
//	2nd  142       0.946    0.946    0.971     0.936     0.871  0.923   0.723
//	3rd  169       0.969    0.932    0.963     0.910     0.919  0.982   0.832
//	4th  170       0.982    0.991    0.965     0.919     0.895  0.959   0.762
//	5th  184       0.915    0.975    0.964     0.934     0.811  0.908   0.777
//	6th  231       0.986    0.967    0.992     0.970     0.918  0.991   0.930
//	7th  263       0.988    0.964    0.994     0.955     0.973  0.981   0.932
//	8th  277       0.990    0.967    0.994     0.967     0.950  0.960   0.936
//	9th  214       0.989    0.983    0.989     0.961     0.956  0.977   0.919
const (
	heldOutCertPrecision  = 0.95 // measured 0.989 (tp 173, fp 2)
	heldOutCertRecall     = 0.95 // measured 0.983 (fn 3)
	heldOutSkillPrecision = 0.95 // measured 0.989 (tp 439, fp 5)
	heldOutSkillRecall    = 0.90 // measured 0.961 (fn 18)
	heldOutLevelAccuracy  = 0.90 // measured 0.956 of 612 tags
	heldOutSalaryExact    = 0.90 // measured 0.977 of 214 snippets
	heldOutFactAccuracy   = 0.85 // measured 0.919 of 346 facts
)

// TestHeldOutAccuracy runs the measurement of TestAccuracy over
// testdata/heldout: snippets written and labelled after the tagger was
// tuned on testdata/labelled, and labelled before the tagger was run on
// them. Its figures are the honest estimate of the tagger on unseen text;
// run with -v to see them and every miss. It fails only below the floors
// above.
func TestHeldOutAccuracy(t *testing.T) {
	cases := loadLabelled(t, "heldout")
	if len(cases) < 80 {
		t.Errorf("%d held-out snippets, want at least 80", len(cases))
	}
	a := measure(t, cases)
	checkBar(t, "held-out certification precision", a.cert.precision(), heldOutCertPrecision)
	checkBar(t, "held-out certification recall", a.cert.recall(), heldOutCertRecall)
	checkBar(t, "held-out skill precision", a.skill.precision(), heldOutSkillPrecision)
	checkBar(t, "held-out skill recall", a.skill.recall(), heldOutSkillRecall)
	checkBar(t, "held-out level accuracy", a.level(), heldOutLevelAccuracy)
	checkBar(t, "held-out salary exact match", a.salary(), heldOutSalaryExact)
	checkBar(t, "held-out fact accuracy", a.facts(), heldOutFactAccuracy)
}
