package taxonomy

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Kind is the kind of a term: a certification or a skill.
type Kind string

// Term kinds.
const (
	KindCertification Kind = "certification"
	KindSkill         Kind = "skill"
)

// Requirement levels of a Match, strongest first.
const (
	LevelRequired  = "required"
	LevelPreferred = "preferred"
	LevelMentioned = "mentioned"
)

// Skill categories.
const (
	CategoryTool   = "tool"
	CategoryMethod = "method"
	CategoryDomain = "domain"
	CategorySoft   = "soft"
)

// Errors returned (wrapped, with file:line and subject) by Load, Check and
// Default. Test for them with errors.Is.
var (
	ErrSyntax    = errors.New("invalid YAML")
	ErrInvalid   = errors.New("invalid entry")
	ErrDuplicate = errors.New("duplicate id")
	ErrCollision = errors.New("surface form used by two terms")
	ErrEmpty     = errors.New("empty surface form")
)

// Cost is a price range in US dollars; zero when unknown.
type Cost struct {
	Min  int  `yaml:"min" json:"min"`
	Max  int  `yaml:"max" json:"max"`
	Free bool `yaml:"free,omitempty" json:"free,omitempty"` // costs nothing; the zero Cost means unknown
}

// Term is one certification or skill and the surface forms that tag it.
//
// Surface forms: Name and Aliases match case-insensitively; Acronyms and
// Exact match case-sensitively (Name too when it is also listed there).
// Forms in NeedsContext (all forms when NeedsContext is empty but Context
// is set) match only when the sentence, or the heading of its section,
// has a word of the Context group or another term with one of the
// group's fields. Exclude phrases in the sentence drop the forms in
// NeedsContext (all forms when it is empty). A form never
// matches when the word after it is in NotBefore, or the word before it
// in NotAfter, or, with NoHyphen, a hyphen touches it.
type Term struct {
	ID       string   `yaml:"id" json:"id"`
	Kind     Kind     `yaml:"-" json:"kind"`
	Name     string   `yaml:"name" json:"name"`
	Acronyms []string `yaml:"acronyms,omitempty" json:"acronyms,omitempty"`
	Aliases  []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	Exact    []string `yaml:"exact,omitempty" json:"exact,omitempty"`
	Category string   `yaml:"category,omitempty" json:"category,omitempty"` // skills: tool, method, domain, soft
	Issuer   string   `yaml:"issuer,omitempty" json:"issuer,omitempty"`     // certifications
	CostUSD  Cost     `yaml:"cost_usd,omitempty" json:"cost_usd,omitzero"`
	Prep     string   `yaml:"prep,omitempty" json:"prep,omitempty"`
	Checked  int      `yaml:"checked,omitempty" json:"checked,omitempty"` // year the facts were checked
	Fields   []string `yaml:"fields,omitempty" json:"fields,omitempty"`
	ESCO     string   `yaml:"esco,omitempty" json:"esco,omitempty"` // ESCO concept URI
	ONET     string   `yaml:"onet,omitempty" json:"onet,omitempty"` // O*NET technology name

	Context      string   `yaml:"context,omitempty" json:"context,omitempty"`
	NeedsContext []string `yaml:"needs_context,omitempty" json:"needs_context,omitempty"`
	Exclude      []string `yaml:"exclude,omitempty" json:"exclude,omitempty"`
	NotBefore    []string `yaml:"not_before,omitempty" json:"not_before,omitempty"`
	NotAfter     []string `yaml:"not_after,omitempty" json:"not_after,omitempty"`
	NoHyphen     bool     `yaml:"no_hyphen,omitempty" json:"no_hyphen,omitempty"`

	// Origin is "file:line" of the entry that defined the term.
	Origin string `yaml:"-" json:"origin,omitempty"`
}

// ContextGroup is a named set of words and fields that make an ambiguous
// surface form (Go, R, CSM) mean the term.
type ContextGroup struct {
	ID     string   `yaml:"id" json:"id"`
	Words  []string `yaml:"words" json:"words,omitempty"`   // words or phrases, case-insensitive
	Fields []string `yaml:"fields" json:"fields,omitempty"` // fields of other, unambiguous terms
	Origin string   `yaml:"-" json:"origin,omitempty"`
}

// Taxonomy is the certification catalog, the skill taxonomy and the
// title families, with a matcher built over them. It is immutable and
// safe for concurrent use.
type Taxonomy struct {
	terms    []Term
	byID     map[string]int
	families []Family
	famByID  map[string]int
	contexts map[string]*ContextGroup
	// m builds the matcher on first use: commands that only count
	// stored tags (stats) never pay for it.
	m      func() *matcher
	titles *titleIndex
}

// loadDefault builds the default taxonomy from data/compiled.json, the
// embedded YAML files already parsed (see compiled.go): decoding it
// takes a few milliseconds where parsing the YAML takes about 60.
var loadDefault = sync.OnceValues(func() (*Taxonomy, error) {
	all, err := decodeCompiled(compiledJSON)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: embedded data: %w", err)
	}
	t, errs := build(nil, all)
	if len(errs) > 0 {
		return nil, fmt.Errorf("taxonomy: embedded data: %w", errors.Join(errs...))
	}
	return t, nil
})

// Default returns the taxonomy built from the embedded data files. It is
// parsed once and shared; callers must not modify it (they cannot: it has
// no mutating methods).
func Default() (*Taxonomy, error) { return loadDefault() }

// Load returns a new taxonomy: base (nil for none) extended by the user
// file userYAML, named name in error messages. A user entry whose id
// exists in base replaces it; ids under "disable:" are removed. The file
// may hold any of the top-level keys certifications, skills, families,
// contexts and disable. All problems are returned joined, each as
// "name:line: subject: problem".
func Load(base *Taxonomy, userYAML []byte, name string) (*Taxonomy, error) {
	t, errs := loadUser(base, userYAML, name)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

// Check reports every problem of the user file userYAML as Load would
// see it on top of t: YAML errors, unknown fields, duplicate ids, a
// surface form colliding with another term, empty forms, unknown
// context groups. It returns nil when the file is fine.
func (t *Taxonomy) Check(userYAML []byte, name string) []error {
	_, errs := loadUser(t, userYAML, name)
	return errs
}

func loadUser(base *Taxonomy, userYAML []byte, name string) (*Taxonomy, []error) {
	fd, errs := parseFile(userYAML, name)
	if len(errs) > 0 {
		return nil, errs
	}
	t, errs := build(base, fd)
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// Term returns the term with the given id.
func (t *Taxonomy) Term(id string) (Term, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Term{}, false
	}
	return t.terms[i], true
}

// Terms returns the terms of one kind (all terms when kind is ""),
// in file order. The slice is a copy.
func (t *Taxonomy) Terms(kind Kind) []Term {
	var out []Term
	for _, term := range t.terms {
		if kind == "" || term.Kind == kind {
			out = append(out, term)
		}
	}
	return out
}

// Families returns the title families in file order. The slice is a copy.
func (t *Taxonomy) Families() []Family { return slices.Clone(t.families) }

// Family returns the title family with the given id.
func (t *Taxonomy) Family(id string) (Family, bool) {
	i, ok := t.famByID[id]
	if !ok {
		return Family{}, false
	}
	return t.families[i], true
}

// fileData is one parsed data file.
type fileData struct {
	terms    []Term
	families []Family
	contexts []ContextGroup
	disable  []disabled
	// formsChecked: the terms' surface forms are known not to collide
	// (data/compiled.json, made from the YAML files that
	// TestCompiledUpToDate builds with the check), so build skips the
	// check, a third of the time it takes to load the default.
	formsChecked bool
}

type disabled struct {
	id     string
	origin string
}

func parseFile(data []byte, name string) (*fileData, []error) {
	fd := &fileData{}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, []error{yamlError(name, err)}
	}
	var errs []error
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		var values []*ast.MappingValueNode
		switch n := doc.Body.(type) {
		case *ast.MappingNode:
			values = n.Values
		case *ast.MappingValueNode:
			values = []*ast.MappingValueNode{n}
		case *ast.CommentNode, *ast.NullNode:
			continue
		default:
			errs = append(errs, fmt.Errorf("%s:%d: top level: want a mapping with keys certifications, skills, families, contexts, disable: %w",
				name, line(doc.Body), ErrInvalid))
			continue
		}
		for _, mv := range values {
			key := mv.Key.String()
			switch key {
			case "certifications", "skills", "families", "contexts", "disable":
			default:
				errs = append(errs, fmt.Errorf("%s:%d: unknown key %q (want certifications, skills, families, contexts or disable): %w",
					name, line(mv.Key), key, ErrInvalid))
				continue
			}
			var items []ast.Node
			switch seq := mv.Value.(type) {
			case *ast.SequenceNode:
				items = seq.Values
			case *ast.NullNode:
			default:
				errs = append(errs, fmt.Errorf("%s:%d: %s: want a list: %w", name, line(mv.Value), key, ErrInvalid))
				continue
			}
			for _, item := range items {
				origin := fmt.Sprintf("%s:%d", name, line(item))
				switch key {
				case "certifications", "skills":
					var term Term
					if err := yaml.NodeToValue(item, &term, yaml.DisallowUnknownField()); err != nil {
						errs = append(errs, yamlError(name, err))
						continue
					}
					term.Kind = KindSkill
					if key == "certifications" {
						term.Kind = KindCertification
					}
					term.Origin = origin
					fd.terms = append(fd.terms, term)
				case "families":
					var fam Family
					if err := yaml.NodeToValue(item, &fam, yaml.DisallowUnknownField()); err != nil {
						errs = append(errs, yamlError(name, err))
						continue
					}
					fam.Origin = origin
					fd.families = append(fd.families, fam)
				case "contexts":
					var g ContextGroup
					if err := yaml.NodeToValue(item, &g, yaml.DisallowUnknownField()); err != nil {
						errs = append(errs, yamlError(name, err))
						continue
					}
					g.Origin = origin
					fd.contexts = append(fd.contexts, g)
				case "disable":
					var id string
					if err := yaml.NodeToValue(item, &id); err != nil {
						errs = append(errs, yamlError(name, err))
						continue
					}
					fd.disable = append(fd.disable, disabled{id, origin})
				}
			}
		}
	}
	return fd, errs
}

func line(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// yamlError turns a go-yaml error into "name:line: message".
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		ln := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			ln = tk.Position.Line
		}
		return fmt.Errorf("%s:%d: %s: %w", name, ln, ye.GetMessage(), ErrSyntax)
	}
	return fmt.Errorf("%s: %v: %w", name, err, ErrSyntax)
}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9.+#-]*$`)

// build merges fd into a copy of base, validates the result and builds the
// matcher and title index.
func build(base *Taxonomy, fd *fileData) (*Taxonomy, []error) {
	var errs []error
	t := &Taxonomy{byID: map[string]int{}, famByID: map[string]int{}, contexts: map[string]*ContextGroup{}}
	if base != nil {
		t.terms = slices.Clone(base.terms)
		t.families = slices.Clone(base.families)
		for id, g := range base.contexts {
			t.contexts[id] = g
		}
	}
	baseTerms := map[string]int{}
	for i, term := range t.terms {
		baseTerms[term.ID] = i
	}
	baseFams := map[string]int{}
	for i, f := range t.families {
		baseFams[f.ID] = i
	}
	baseCtx := map[string]bool{}
	for id := range t.contexts {
		baseCtx[id] = true
	}

	// Contexts first: terms refer to them.
	seenCtx := map[string]string{}
	for i := range fd.contexts {
		g := fd.contexts[i]
		if !idRE.MatchString(g.ID) {
			errs = append(errs, fmt.Errorf("%s: context %q: id must be lower-case letters, digits and -: %w", g.Origin, g.ID, ErrInvalid))
			continue
		}
		if prev, ok := seenCtx[g.ID]; ok {
			errs = append(errs, fmt.Errorf("%s: context %q: also defined at %s: %w", g.Origin, g.ID, prev, ErrDuplicate))
			continue
		}
		seenCtx[g.ID] = g.Origin
		if len(g.Words) == 0 && len(g.Fields) == 0 {
			errs = append(errs, fmt.Errorf("%s: context %q: needs words or fields: %w", g.Origin, g.ID, ErrEmpty))
		}
		t.contexts[g.ID] = &g
	}

	// Terms: new ids are appended, known ids replaced in place.
	seen := map[string]string{}
	userTerm := map[string]bool{}
	for _, term := range fd.terms {
		if !idRE.MatchString(term.ID) {
			errs = append(errs, fmt.Errorf("%s: term %q: id must be lower-case letters, digits and . + # -: %w", term.Origin, term.ID, ErrInvalid))
			continue
		}
		if prev, ok := seen[term.ID]; ok {
			errs = append(errs, fmt.Errorf("%s: term %q: also defined at %s: %w", term.Origin, term.ID, prev, ErrDuplicate))
			continue
		}
		seen[term.ID] = term.Origin
		if e := validateTerm(&term, t.contexts); e != nil {
			errs = append(errs, e...)
			continue
		}
		userTerm[term.ID] = true
		if i, ok := baseTerms[term.ID]; ok {
			t.terms[i] = term
		} else {
			baseTerms[term.ID] = len(t.terms)
			t.terms = append(t.terms, term)
		}
	}
	seenFam := map[string]string{}
	for _, f := range fd.families {
		if !idRE.MatchString(f.ID) {
			errs = append(errs, fmt.Errorf("%s: family %q: id must be lower-case letters, digits and -: %w", f.Origin, f.ID, ErrInvalid))
			continue
		}
		if prev, ok := seenFam[f.ID]; ok {
			errs = append(errs, fmt.Errorf("%s: family %q: also defined at %s: %w", f.Origin, f.ID, prev, ErrDuplicate))
			continue
		}
		seenFam[f.ID] = f.Origin
		if e := validateFamily(&f); e != nil {
			errs = append(errs, e...)
			continue
		}
		if i, ok := baseFams[f.ID]; ok {
			t.families[i] = f
		} else {
			baseFams[f.ID] = len(t.families)
			t.families = append(t.families, f)
		}
	}
	if len(fd.disable) > 0 {
		drop := map[string]bool{}
		for _, d := range fd.disable {
			_, isTerm := baseTerms[d.id]
			_, isFam := baseFams[d.id]
			if !isTerm && !isFam {
				errs = append(errs, fmt.Errorf("%s: disable %q: no such term or family: %w", d.origin, d.id, ErrInvalid))
			}
			drop[d.id] = true
		}
		t.terms = slices.DeleteFunc(t.terms, func(x Term) bool { return drop[x.ID] })
		t.families = slices.DeleteFunc(t.families, func(x Family) bool { return drop[x.ID] })
	}
	for i, term := range t.terms {
		t.byID[term.ID] = i
	}
	for i, f := range t.families {
		t.famByID[f.ID] = i
	}
	if !fd.formsChecked {
		errs = append(errs, collisions(t.terms, userTerm)...)
	}
	errs = append(errs, familyCollisions(t.families)...)
	if len(errs) > 0 {
		return nil, errs
	}
	t.m = sync.OnceValue(func() *matcher { return newMatcher(t.terms, t.contexts) })
	t.titles = newTitleIndex(t.families)
	return t, nil
}

func validateTerm(term *Term, contexts map[string]*ContextGroup) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: term %q: %s: %w", term.Origin, term.ID, fmt.Sprintf(format, args...), ErrInvalid))
	}
	if strings.TrimSpace(term.Name) == "" {
		bad("name is empty")
	}
	if term.Kind == KindSkill {
		switch term.Category {
		case CategoryTool, CategoryMethod, CategoryDomain, CategorySoft:
		default:
			bad("category %q: want tool, method, domain or soft", term.Category)
		}
	}
	if term.CostUSD.Min < 0 || term.CostUSD.Max < term.CostUSD.Min {
		bad("cost_usd {min: %d, max: %d}: want 0 <= min <= max", term.CostUSD.Min, term.CostUSD.Max)
	}
	forms := map[string]bool{term.Name: true}
	for _, list := range [][]string{term.Acronyms, term.Aliases, term.Exact} {
		for _, f := range list {
			forms[f] = true
			if len(normalizeForm(f)) == 0 {
				errs = append(errs, fmt.Errorf("%s: term %q: surface form %q is empty after normalising: %w", term.Origin, term.ID, f, ErrEmpty))
			}
		}
	}
	if term.Context != "" {
		if _, ok := contexts[term.Context]; !ok {
			bad("context %q is not defined (define it under contexts:)", term.Context)
		}
	}
	for _, f := range term.NeedsContext {
		if !forms[f] {
			bad("needs_context %q is not one of its surface forms", f)
		}
	}
	if len(term.NeedsContext) > 0 && term.Context == "" {
		bad("needs_context without context")
	}
	for _, list := range [][]string{term.Exclude, term.NotBefore, term.NotAfter} {
		for _, w := range list {
			if strings.TrimSpace(w) == "" {
				errs = append(errs, fmt.Errorf("%s: term %q: empty word in exclude/not_before/not_after: %w", term.Origin, term.ID, ErrEmpty))
			}
		}
	}
	return errs
}

// form is one surface form of a term as the matcher sees it.
type form struct {
	term    int
	text    string // as written
	key     string // normalised, lower-cased, hyphen as space
	cased   string // normalised with case; "" when case-insensitive
	needCtx bool
	// loose is set on the case-insensitive variant of a case-sensitive
	// form ("pmp" for PMP, "excel" for Excel): it counts only with the
	// cue its kind needs (see looseCert, looseTool), and never when the
	// text has the form's own case (the strict form covers that).
	loose  uint8
	strict string // the case-sensitive form a loose variant relaxes
}

// Kinds of loose (case-insensitive) variants of case-sensitive forms.
const (
	looseNone uint8 = iota
	// looseCert: a certification acronym in another case ("pmp
	// certified", "Cspo or Pspo"); it needs a certification cue in its
	// sentence, list or heading, or another certification in its sentence.
	looseCert
	// looseTool: a tool name in lower case ("jira, confluence, notion");
	// it needs to be an item of an enumeration with another tool.
	looseTool
)

// looseForm reports whether a case-sensitive form of term gets a loose
// variant, and which: certification acronyms of three or more
// characters with no lower-case letter (PMP, CSPO, PSM I; not "SAFe
// POPM" or "aPHR"), and tool names of three or more characters written
// capitalised or in capitals (Excel, Notion, AWS; not "UserTesting" or
// "dbt", whose spelling is the brand's).
func looseForm(term *Term, f string) uint8 {
	upper, lower, letters := 0, 0, 0
	for _, r := range f {
		switch {
		case 'a' <= r && r <= 'z':
			lower++
		case 'A' <= r && r <= 'Z':
			upper++
		}
	}
	letters = upper + lower
	if len(f) < 3 || upper == 0 {
		return looseNone
	}
	switch {
	case term.Kind == KindCertification && lower == 0 && upper >= 2:
		return looseCert
	case term.Kind == KindSkill && term.Category == CategoryTool && letters >= 3:
		first := f[0]
		if upper == letters || 'A' <= first && first <= 'Z' && upper == 1 {
			return looseTool
		}
	}
	return looseNone
}

// pluralCue makes "… certification" and "… certificate" forms match
// their plurals too ("Google Ads and Google Analytics certifications").
var pluralCue = []string{" certification", " certificate"}

func termForms(terms []Term) []form {
	var out []form
	for i, term := range terms {
		sensitive := map[string]bool{}
		for _, f := range term.Acronyms {
			sensitive[f] = true
		}
		for _, f := range term.Exact {
			sensitive[f] = true
		}
		needs := map[string]bool{}
		for _, f := range term.NeedsContext {
			needs[f] = true
		}
		start := len(out)
		add := func(text string, cased bool, loose uint8) {
			n := normalizeForm(text)
			if len(n) == 0 {
				return
			}
			f := form{term: i, text: text, key: string(lowerKey(n)), needCtx: term.Context != "" && (len(needs) == 0 || needs[text])}
			if cased {
				f.cased = string(n)
			}
			if loose != looseNone {
				f.loose, f.strict = loose, string(n)
			}
			for _, g := range out[start:] {
				if g.key == f.key && (g.cased == f.cased && g.loose == f.loose || f.loose != looseNone && g.cased == "" && g.loose == looseNone) {
					return
				}
			}
			out = append(out, f)
		}
		if !sensitive[term.Name] {
			add(term.Name, false, looseNone)
		}
		for _, f := range term.Aliases {
			add(f, false, looseNone)
		}
		for _, f := range term.Acronyms {
			add(f, true, looseNone)
		}
		for _, f := range term.Exact {
			add(f, true, looseNone)
		}
		if term.Kind == KindCertification {
			for _, f := range out[start:] {
				if f.cased != "" || f.loose != looseNone {
					continue
				}
				for _, c := range pluralCue {
					if strings.HasSuffix(f.key, c) {
						add(f.text+"s", false, looseNone)
					}
				}
			}
		}
		for _, list := range [][]string{term.Acronyms, term.Exact} {
			for _, f := range list {
				if l := looseForm(&term, f); l != looseNone {
					add(f, false, l)
				}
			}
		}
	}
	return out
}

// collisions reports surface forms that two terms share. Two forms
// collide when they match the same text: same key, and either is
// case-insensitive or both have the same case. Forms that both need
// context are allowed to share (the context tells them apart).
func collisions(terms []Term, user map[string]bool) []error {
	forms := termForms(terms)
	byKey := map[string][]form{}
	for _, f := range forms {
		byKey[f.key] = append(byKey[f.key], f)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []error
	for _, k := range keys {
		fs := byKey[k]
		for i := 0; i < len(fs); i++ {
			for j := i + 1; j < len(fs); j++ {
				a, b := fs[i], fs[j]
				if a.term == b.term || a.loose != looseNone || b.loose != looseNone {
					continue
				}
				if a.cased != "" && b.cased != "" && a.cased != b.cased {
					continue
				}
				if a.needCtx && b.needCtx {
					continue
				}
				ta, tb := terms[a.term], terms[b.term]
				// Report at the user's entry when one side is the user's.
				if !user[tb.ID] && user[ta.ID] {
					ta, tb = tb, ta
					b = a
				}
				if !user[tb.ID] {
					continue // both from base: base was checked when built
				}
				errs = append(errs, fmt.Errorf("%s: term %q: surface form %q also matches term %q (%s); give one of them context or remove it: %w",
					tb.Origin, tb.ID, b.text, ta.ID, ta.Origin, ErrCollision))
			}
		}
	}
	return errs
}
