package taxonomy

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultSelfCheck(t *testing.T) {
	tx := defaultTaxonomy(t)
	// Every required id exists, with the right kind.
	certs := strings.Fields(`cspo a-cspo csp-po pspo-1 pspo-2 pspo-3 csm a-csm psm-1 psm-2 safe-popm safe-agilist
		safe-spc pmi-acp icp-apo pragmatic-pmc aipmm-cpm product-school-pmc pmp capm prince2-foundation
		prince2-practitioner itil-4-foundation cbap ccba lean-six-sigma-green-belt lean-six-sigma-black-belt
		aws-cloud-practitioner aws-solutions-architect-associate google-analytics-certification cissp cism cisa
		comptia-security-plus ceh oscp cka ckad shrm-cp shrm-scp phr cpa cfa`)
	skills := strings.Fields(`sql excel jira confluence ab-testing roadmapping stakeholder-management user-research
		usability-testing product-discovery backlog-management user-stories agile scrum kanban okrs data-analysis figma
		python go amplitude mixpanel tableau looker prioritization go-to-market pricing wireframing communication
		leadership product-analytics customer-interviews market-research competitive-analysis product-strategy api`)
	for _, id := range certs {
		if term, ok := tx.Term(id); !ok || term.Kind != KindCertification || term.Issuer == "" {
			t.Errorf("certification %q: %+v, %v", id, term, ok)
		}
	}
	for _, id := range skills {
		if term, ok := tx.Term(id); !ok || term.Kind != KindSkill {
			t.Errorf("skill %q: %+v, %v", id, term, ok)
		}
	}
	// The embedded files, checked as a user file on top of nothing,
	// have no duplicate ids or colliding forms (Default would fail), and
	// every term matches its own name and forms.
	for _, term := range tx.Terms("") {
		for _, f := range append(append([]string{term.Name}, term.Aliases...), append(term.Acronyms, term.Exact...)...) {
			needs := term.Context != "" && (len(term.NeedsContext) == 0 || contains(term.NeedsContext, f))
			if needs {
				continue
			}
			found := false
			for _, m := range tx.Match(f) {
				found = found || m.ID == term.ID
			}
			if !found {
				t.Errorf("term %s: form %q does not match itself: %+v", term.ID, f, tx.Match(f))
			}
		}
	}
	if n := len(tx.Terms(KindCertification)); n < 150 {
		t.Errorf("%d certifications, want at least 150", n)
	}
	if n := len(tx.Terms(KindSkill)); n < 800 {
		t.Errorf("%d skills, want at least 800", n)
	}
	// Every area the issue names has skills of its own.
	byField := map[string]int{}
	for _, term := range tx.Terms(KindSkill) {
		for _, f := range term.Fields {
			byField[f]++
		}
	}
	for _, f := range []string{"product", "agile", "analytics", "engineering", "design", "marketing", "sales", "finance", "operations"} {
		if byField[f] < 15 {
			t.Errorf("field %s: %d skills, want at least 15", f, byField[f])
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestLoad(t *testing.T) {
	base := defaultTaxonomy(t)
	user := []byte(`skills:
  - id: pipedrive
    name: Pipedrive
    category: tool
    aliases: [Pipedrive CRM]
  - id: sql
    name: SQL
    category: tool
    aliases: [SQL, SQL queries, ANSI SQL]
disable: [figma]
families:
  - id: solutions-engineer
    name: Solutions Engineer
    titles: [solutions engineer, sales engineer]
`)
	tx, err := Load(base, user, "my.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if term, ok := tx.Term("pipedrive"); !ok || term.Origin != "my.yaml:2" {
		t.Errorf("pipedrive: %+v %v", term, ok)
	}
	if _, ok := tx.Term("figma"); ok {
		t.Error("figma not disabled")
	}
	if _, ok := base.Term("figma"); !ok {
		t.Error("base changed")
	}
	var ids []string
	for _, m := range tx.Match("ANSI SQL, Pipedrive and Figma") {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "sql,pipedrive" {
		t.Errorf("got %v", ids)
	}
	if f, _ := tx.Classify("Senior Sales Engineer"); f != "solutions-engineer" {
		t.Errorf("family %q", f)
	}
}

func TestCheck(t *testing.T) {
	base := defaultTaxonomy(t)
	tests := []struct {
		name string
		yaml string
		want []string // substrings of the errors, in order
		is   error
	}{
		{"syntax", "skills:\n  - id: x\n    name: [unclosed\n", []string{"u.yaml:3"}, ErrSyntax},
		{"unknown field", "skills:\n  - id: x\n    name: X\n    category: tool\n    colour: red\n", []string{"u.yaml:5", "colour"}, ErrSyntax},
		{"unknown key", "tools:\n  - id: x\n", []string{"u.yaml:1", `unknown key "tools"`}, ErrInvalid},
		{"duplicate", "skills:\n  - id: x\n    name: X one\n    category: tool\n  - id: x\n    name: X two\n    category: tool\n",
			[]string{`u.yaml:5: term "x": also defined at u.yaml:2`}, ErrDuplicate},
		{"collision", "skills:\n  - {id: x, name: X, category: tool, aliases: [Certified Scrum Product Owner]}\n",
			[]string{`u.yaml:2: term "x": surface form "Certified Scrum Product Owner" also matches term "cspo"`}, ErrCollision},
		{"acronym collision", "certifications:\n  - {id: x, name: X cert, acronyms: [PMP]}\n",
			[]string{`u.yaml:2: term "x": surface form "PMP" also matches term "pmp"`}, ErrCollision},
		{"empty form", "skills:\n  - {id: x, name: X, category: tool, aliases: [\"®\"]}\n", []string{`u.yaml:2`, `"®" is empty`}, ErrEmpty},
		{"bad category", "skills:\n  - {id: x, name: X, category: hobby}\n", []string{`u.yaml:2`, `category "hobby"`}, ErrInvalid},
		{"unknown context", "skills:\n  - {id: x, name: X, category: tool, context: nope}\n", []string{`u.yaml:2`, `context "nope"`}, ErrInvalid},
		{"bad id", "skills:\n  - {id: X Y, name: X, category: tool}\n", []string{`u.yaml:2`, `id must be`}, ErrInvalid},
		{"family collision", "families:\n  - {id: x, name: X, titles: [product owner]}\n", []string{`u.yaml:2`, `"product owner" is also a title of family "product-owner"`}, ErrCollision},
		{"ok", "skills:\n  - {id: x, name: Xylophone playing, category: soft}\n", nil, nil},
		{"ok override", "skills:\n  - {id: sql, name: SQL, category: tool, aliases: [SQL]}\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := base.Check([]byte(tt.yaml), "u.yaml")
			if len(tt.want) == 0 {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors %v", errs)
				}
				return
			}
			if len(errs) == 0 {
				t.Fatalf("no error, want %v", tt.want)
			}
			msg := errs[0].Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			if !errors.Is(errs[0], tt.is) {
				t.Errorf("error %q is not %v", msg, tt.is)
			}
			if _, err := Load(base, []byte(tt.yaml), "u.yaml"); err == nil || !errors.Is(err, tt.is) {
				t.Errorf("Load: %v", err)
			}
		})
	}
}

// everydayProse is text with no skill or certification in it, full of
// words that are also names of tools, languages and industries.
const everydayProse = `We are a small team in Berlin that loves good coffee, long walks and honest feedback. Our founders met while working at a bakery, and since then we have grown to 40 people across three offices. We rally around our customers and polish every detail. Let's go the extra mile together; we celebrate wins, learn from mistakes and keep a healthy work-life balance.
Benefits: health insurance, dental and vision, a generous pension, 30 days of holiday, a yearly learning budget, parental leave, a bike lease, gym membership, free lunch on Fridays, and a relocation package. Our office has a rooftop terrace, a library and plenty of plants.
You will drift between projects, helm our weekly meeting, and maze through the paperwork. The media loves us. Our retail partners and insurance brokers in Poland, Italy and Japan help us grow. Polish, Italian and Japanese colleagues teach us words. Tax-free vouchers, a stripe on our logo, and a greenhouse on the roof.
The weather at the helm of the ship was stormy. Cypress trees line the street. The playwright wrote a play. It was a jest. Coda: the end. He felt a seismic shift. The loom in the museum. A whimsical story. A gusto for life. Workday starts at nine. Hibernate in winter. Soap and water. The postman rang twice. Dart board. Groovy music. Julia is our CEO. Lua. The blender in the kitchen. Rally the troops. Concur with the board.
`

// TestEverydayProse checks that the whole catalog and taxonomy tag
// nothing in everyday prose: every short or common-word form needs
// case, context or a longer phrase.
func TestEverydayProse(t *testing.T) {
	tx := defaultTaxonomy(t)
	for _, m := range tx.Match(everydayProse) {
		t.Errorf("tagged %s (%s) from %q in %q", m.ID, m.Level, everydayProse[m.Start:m.End], m.Evidence)
	}
}
