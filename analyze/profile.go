package analyze

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

// ErrProfile is wrapped by every error ParseProfile returns.
var ErrProfile = errors.New("invalid profile")

// Competency is one line of a skills profile.
type Competency struct {
	Name    string    `json:"name"`              // as the person wrote it
	ID      string    `json:"id,omitempty"`      // catalog id; "" for the person's own competency
	Kind    string    `json:"kind,omitempty"`    // certification or skill, from the catalog
	Own     bool      `json:"own,omitempty"`     // not in the catalog, kept in the person's words
	Current int       `json:"current,omitempty"` // 1–5; 0 not yet rated
	Target  int       `json:"target,omitempty"`  // 1–5; 0 not set (Audit uses the market default)
	Method  string    `json:"method,omitempty"`
	Due     time.Time `json:"due,omitzero"`
	Notes   string    `json:"notes,omitempty"`
	Line    int       `json:"line"`
}

// Key is the competency's identity: its catalog id, or "own:" and its
// name in lower case.
func (c Competency) Key() string {
	if c.ID != "" {
		return c.ID
	}
	return "own:" + strings.ToLower(strings.TrimSpace(c.Name))
}

// Profile is the skills profile a person keeps: a target title and their
// competencies.
type Profile struct {
	Title        string       `json:"title"`
	Competencies []Competency `json:"competencies"`
}

// The keys a profile and a competency may have.
var (
	profileKeys    = []string{"title", "competencies"}
	competencyKeys = []string{"name", "current", "target", "method", "due", "notes", "own"}
)

// ParseProfile reads a profile:
//
//	title: Product Manager
//	competencies:
//	  - name: SQL        # a catalog name, acronym, alias or id
//	    current: 2       # 1-5; blank while not yet rated
//	    target: 4        # 1-5, optional
//	    method: Mode SQL tutorial, 3 h a week
//	    due: 2026-12-31  # YYYY-MM-DD, optional
//	    notes: ...
//	  - name: Running workshops
//	    own: true        # not in the catalog: the person's own words
//
// Each problem is an error "name:line: what, and what would be right",
// wrapping ErrProfile; all of them are returned together (errors.Join).
// An unknown competency name suggests the closest catalog names.
func ParseProfile(data []byte, name string, tax *taxonomy.Taxonomy) (Profile, error) {
	var p Profile
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return p, profileYAMLError(name, err)
	}
	var errs []error
	bad := func(n ast.Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s: %w", name, nodeLine(n), fmt.Sprintf(format, args...), ErrProfile))
	}
	var top *ast.MappingNode
	for _, doc := range f.Docs {
		switch b := doc.Body.(type) {
		case nil, *ast.CommentNode, *ast.NullNode:
		case *ast.MappingNode:
			if top == nil {
				top = b
			}
		case *ast.MappingValueNode:
			if top == nil {
				top = &ast.MappingNode{BaseNode: b.BaseNode, Values: []*ast.MappingValueNode{b}}
			}
		default:
			bad(b, "not a profile: want a mapping with the keys title and competencies")
		}
	}
	if top == nil {
		if len(errs) == 0 {
			errs = append(errs, fmt.Errorf("%s:1: empty profile: want the keys title and competencies: %w", name, ErrProfile))
		}
		return p, errors.Join(errs...)
	}
	lookup := newLookup(tax)
	seen := map[string]int{}
	titleLine, titleBad := 0, false
	for _, mv := range top.Values {
		key := mv.Key.String()
		switch key {
		case "title":
			titleLine = nodeLine(mv.Key)
			if s, ok := scalar(mv.Value); ok {
				p.Title = strings.TrimSpace(s)
			} else {
				bad(mv.Value, "title: want the title you are aiming for, such as Product Manager")
				titleBad = true
			}
		case "competencies":
			var items []ast.Node
			switch seq := mv.Value.(type) {
			case *ast.SequenceNode:
				items = seq.Values
			case *ast.NullNode:
			default:
				bad(mv.Value, "competencies: want a list of items starting with \"- name:\"")
			}
			for _, item := range items {
				c, ok := parseCompetency(item, lookup, bad)
				if !ok {
					continue
				}
				if first, dup := seen[c.Key()]; dup {
					bad(item, "competency %q is listed twice (first on line %d); keep one", c.Name, first)
					continue
				}
				seen[c.Key()] = c.Line
				p.Competencies = append(p.Competencies, c)
			}
		default:
			bad(mv.Key, "unknown key %q (want %s)", key, strings.Join(profileKeys, " or "))
		}
	}
	switch {
	case p.Title != "" || titleBad:
	case titleLine == 0:
		errs = append(errs, fmt.Errorf("%s:1: no target title: add a line such as \"title: Product Manager\": %w", name, ErrProfile))
	default:
		errs = append(errs, fmt.Errorf("%s:%d: title is blank: write the title you are aiming for, such as \"title: Product Manager\": %w", name, titleLine, ErrProfile))
	}
	if len(errs) > 0 {
		return Profile{}, errors.Join(errs...)
	}
	return p, nil
}

func parseCompetency(item ast.Node, lookup *lookup, bad func(ast.Node, string, ...any)) (Competency, bool) {
	c := Competency{Line: nodeLine(item)}
	m, ok := item.(*ast.MappingNode)
	if !ok {
		if mv, isMV := item.(*ast.MappingValueNode); isMV {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			bad(item, "competency: want keys such as name, current, target, method, due, notes")
			return c, false
		}
	}
	okAll := true
	fail := func(n ast.Node, format string, args ...any) {
		bad(n, format, args...)
		okAll = false
	}
	var nameNode ast.Node
	for _, mv := range m.Values {
		key := mv.Key.String()
		s, isScalar := scalar(mv.Value)
		if !isScalar {
			fail(mv.Value, "%s: want a single value, not a list or mapping", key)
			continue
		}
		s = strings.TrimSpace(s)
		switch key {
		case "name":
			c.Name, nameNode = s, mv.Value
		case "current", "target":
			if s == "" {
				continue
			}
			r, err := strconv.Atoi(s)
			if err != nil || r < 1 || r > 5 {
				fail(mv.Value, "%s: %q is not a rating: give a whole number from 1 (beginner) to 5 (expert), or leave it blank", key, s)
				continue
			}
			if key == "current" {
				c.Current = r
			} else {
				c.Target = r
			}
		case "method":
			c.Method = s
		case "notes":
			c.Notes = s
		case "due":
			if s == "" {
				continue
			}
			d, err := time.Parse("2006-01-02", s)
			if err != nil {
				fail(mv.Value, "due: %q is not a date: write it as YYYY-MM-DD, such as 2026-12-31", s)
				continue
			}
			c.Due = d
		case "own":
			switch strings.ToLower(s) {
			case "true", "yes":
				c.Own = true
			case "false", "no", "":
			default:
				fail(mv.Value, "own: %q: want true or false", s)
			}
		default:
			fail(mv.Key, "unknown key %q (want %s)", key, strings.Join(competencyKeys, ", "))
		}
	}
	if c.Name == "" {
		if nameNode == nil {
			nameNode = item
		}
		fail(nameNode, "competency without a name: add \"name: SQL\" (a skill or certification)")
		return c, false
	}
	if !okAll {
		return c, false
	}
	if c.Own {
		return c, true
	}
	t, ok := lookup.find(c.Name)
	if !ok {
		msg := fmt.Sprintf("competency %q is not in the catalog", c.Name)
		if sug := lookup.suggest(c.Name, 3); len(sug) > 0 {
			msg += "; did you mean " + strings.Join(sug, ", ") + "?"
		}
		bad(nameNode, "%s (if it is a competency of your own, add \"own: true\" under it)", msg)
		return c, false
	}
	c.ID, c.Kind = t.ID, string(t.Kind)
	return c, true
}

// scalar returns the text of a scalar node; null is "".
func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "", true
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	case *ast.TagNode:
		return scalar(v.Value)
	}
	return "", false
}

func nodeLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func profileYAMLError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		ln := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			ln = tk.Position.Line
		}
		return fmt.Errorf("%s:%d: not valid YAML: %s: %w", name, ln, ye.GetMessage(), ErrProfile)
	}
	return fmt.Errorf("%s: not valid YAML: %v: %w", name, err, ErrProfile)
}

// lookup finds catalog terms by id, name, acronym or alias, ignoring case.
type lookup struct {
	by    map[string]taxonomy.Term
	names []string // every form, for suggestions
	label map[string]string
}

func newLookup(tax *taxonomy.Taxonomy) *lookup {
	l := &lookup{by: map[string]taxonomy.Term{}, label: map[string]string{}}
	if tax == nil {
		return l
	}
	for _, t := range tax.Terms("") {
		label := t.Name
		if len(t.Acronyms) > 0 {
			label = t.Acronyms[0]
		}
		forms := append(append(append([]string{t.ID, t.Name}, t.Acronyms...), t.Aliases...), t.Exact...)
		for _, f := range forms {
			k := strings.ToLower(strings.TrimSpace(f))
			if k == "" {
				continue
			}
			if _, dup := l.by[k]; !dup {
				l.by[k] = t
				l.names = append(l.names, k)
				l.label[k] = label
			}
		}
	}
	return l
}

func (l *lookup) find(name string) (taxonomy.Term, bool) {
	t, ok := l.by[strings.ToLower(strings.TrimSpace(name))]
	return t, ok
}

// suggest returns up to n catalog labels whose forms are closest to name
// by edit distance, only those within half the name's length.
func (l *lookup) suggest(name string, n int) []string {
	q := strings.ToLower(strings.TrimSpace(name))
	type cand struct {
		label string
		d     int
	}
	best := map[string]int{}
	for _, f := range l.names {
		d := editDistance(q, f)
		if d > max(2, len([]rune(q))/2) {
			continue
		}
		lb := l.label[f]
		if old, ok := best[lb]; !ok || d < old {
			best[lb] = d
		}
	}
	cs := make([]cand, 0, len(best))
	for lb, d := range best {
		cs = append(cs, cand{lb, d})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].label < cs[j].label
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].label)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
