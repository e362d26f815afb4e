package analyze

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

func testTaxonomy(t testing.TB) *taxonomy.Taxonomy {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

const goodProfile = `# my profile
title: Product Manager
competencies:
  - name: SQL          # a catalog name
    current: 2
    target: 4
    method: Mode SQL tutorial, 3 h a week
    due: 2026-12-31
    notes: "start with joins"
  - name: cspo         # an id, any case
    current:
  - name: Running workshops
    own: true
    current: 3
`

func TestParseProfile(t *testing.T) {
	p, err := ParseProfile([]byte(goodProfile), "p.yaml", testTaxonomy(t))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Product Manager" || len(p.Competencies) != 3 {
		t.Fatalf("profile = %+v", p)
	}
	sql, cspo, own := p.Competencies[0], p.Competencies[1], p.Competencies[2]
	due, _ := time.Parse("2006-01-02", "2026-12-31")
	if sql.ID != "sql" || sql.Kind != "skill" || sql.Current != 2 || sql.Target != 4 || !sql.Due.Equal(due) ||
		sql.Method != "Mode SQL tutorial, 3 h a week" || sql.Notes != "start with joins" || sql.Line != 4 {
		t.Errorf("SQL = %+v", sql)
	}
	if cspo.ID != "cspo" || cspo.Kind != "certification" || cspo.Current != 0 || cspo.Line != 10 {
		t.Errorf("CSPO = %+v", cspo)
	}
	if !own.Own || own.ID != "" || own.Current != 3 || own.Key() != "own:running workshops" {
		t.Errorf("own = %+v", own)
	}
}

var badProfiles = []struct {
	name string
	yaml string
	line int
	want string
}{
	{"rating of 7", "title: PM\ncompetencies:\n  - name: SQL\n    current: 7\n", 4, `current: "7" is not a rating: give a whole number from 1 (beginner) to 5`},
	{"rating of 0", "title: PM\ncompetencies:\n  - name: SQL\n    target: 0\n", 4, `target: "0" is not a rating`},
	{"half rating", "title: PM\ncompetencies:\n  - name: SQL\n    current: 2.5\n", 4, `current: "2.5" is not a rating`},
	{"date not a date", "title: PM\ncompetencies:\n  - name: SQL\n    due: next spring\n", 4, `due: "next spring" is not a date: write it as YYYY-MM-DD`},
	{"impossible date", "title: PM\ncompetencies:\n  - name: SQL\n    due: 2026-02-30\n", 4, `due: "2026-02-30" is not a date`},
	{"unknown competency", "title: PM\ncompetencies:\n  - name: SQL\n  - name: Pyhton\n", 4, `competency "Pyhton" is not in the catalog; did you mean Python`},
	{"duplicate", "title: PM\ncompetencies:\n  - name: SQL\n    current: 2\n  - name: sql\n", 5, `competency "sql" is listed twice (first on line 3)`},
	{"duplicate own", "title: PM\ncompetencies:\n  - name: Workshops\n    own: true\n  - name: workshops\n    own: yes\n", 5, `listed twice`},
	{"missing title", "competencies:\n  - name: SQL\n", 1, `no target title: add a line such as "title: Product Manager"`},
	{"blank title", "title:\ncompetencies:\n  - name: SQL\n", 1, `title is blank`},
	// go-yaml notices the unclosed bracket on the next line.
	{"not YAML", "title: [Product Manager\ncompetencies:\n", 2, `not valid YAML`},
	{"not a mapping", "just some text\n", 1, `not a profile: want a mapping`},
	{"unknown key", "title: PM\ncompetencies:\n  - name: SQL\n    curent: 2\n", 4, `unknown key "curent"`},
	{"top-level typo", "title: PM\ncompetences:\n  - name: SQL\n", 2, `unknown key "competences"`},
	{"no name", "title: PM\ncompetencies:\n  - current: 2\n", 3, `competency without a name`},
	{"duplicate key", "title: PM\ntitle: PO\n", 2, `not valid YAML`},
}

func TestParseProfileErrors(t *testing.T) {
	tax := testTaxonomy(t)
	for _, tt := range badProfiles {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseProfile([]byte(tt.yaml), "p.yaml", tax)
			if err == nil {
				t.Fatalf("no error; profile %+v", p)
			}
			if !errors.Is(err, ErrProfile) {
				t.Errorf("error does not wrap ErrProfile: %v", err)
			}
			msg := err.Error()
			if lines := strings.Count(msg, "\n") + 1; lines != 1 {
				t.Errorf("want one error, got %d:\n%s", lines, msg)
			}
			prefix := "p.yaml:" + strconv.Itoa(tt.line) + ": "
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q\nwant prefix %q and %q", msg, prefix, tt.want)
			}
			if len(p.Competencies) != 0 || p.Title != "" {
				t.Errorf("a bad profile returned data: %+v", p)
			}
		})
	}
}

func TestSuggestions(t *testing.T) {
	l := newLookup(testTaxonomy(t))
	if got := l.suggest("Jiraa", 3); len(got) == 0 || got[0] != "JIRA" {
		t.Errorf("suggest(Jiraa) = %v", got)
	}
	if got := l.suggest("zzzzzzzzzzzzzzzz", 3); len(got) != 0 {
		t.Errorf("far names suggested: %v", got)
	}
}

func FuzzParseProfile(f *testing.F) {
	f.Add(goodProfile)
	for _, tt := range badProfiles {
		f.Add(tt.yaml)
	}
	tax := testTaxonomy(f)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProfile([]byte(s), "f.yaml", tax)
		if err != nil {
			if !errors.Is(err, ErrProfile) || !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error %q", err)
			}
			return
		}
		if p.Title == "" {
			t.Fatal("a profile without a title parsed")
		}
		for _, c := range p.Competencies {
			if c.Current < 0 || c.Current > 5 || c.Target < 0 || c.Target > 5 || c.Name == "" {
				t.Fatalf("bad competency parsed: %+v", c)
			}
		}
	})
}
