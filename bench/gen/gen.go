// Package gen generates realistic job postings, deterministically, at any
// size, for jobgap's benchmarks and their CI-sized check.
//
// A Generator made with New(tax, seed) turns an index i into a posting
// (Posting(i)): the same seed and index always give the same posting, and
// postings can be made in any order and in parallel. Each posting is a
// schema.org JobPosting (description as HTML, 2–8 KB, with About,
// Responsibilities, Requirements, Nice to have, Compensation and Benefits
// sections) for one of several role families, with seniority variants in
// the title, a salary in one of the usual written forms, and
// certifications and skills of the taxonomy planted at known per-family
// rates (Rates) with requirement cues. About one posting in twenty
// (Options.DupRate) is the same job as an earlier one, published on
// another board: same title, company and text, another URL and id.
//
// Posting.Truth lists the terms planted in a posting and the level asked
// for: the text around them is checked against the taxonomy when the
// Generator is made, so that tagging the posting should find exactly
// those. WriteFiles writes postings as JSON Lines files, at most
// PerFile (2,000) postings each, which `jobgap import` reads.
package gen

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

// PerFile is the default number of postings per JSON Lines file.
const PerFile = 2000

// Options tune a Generator.
type Options struct {
	Seed    uint64
	DupRate float64 // share of postings that repeat an earlier job on another board; default 0.05, <0 for none
}

// Level is how strongly a posting asks for a planted term.
type Level string

// Levels, as taxonomy.Match reports them.
const (
	Required  Level = taxonomy.LevelRequired
	Preferred Level = taxonomy.LevelPreferred
	Mentioned Level = taxonomy.LevelMentioned
)

// Mention is one planted term.
type Mention struct {
	ID    string
	Level Level
}

// Salary is the pay a posting states, as written and as numbers.
type Salary struct {
	Text     string  // as written in the description, e.g. "€60k–75k"
	Currency string  // ISO 4217
	Min, Max float64 // in Period units
	Period   string  // "year" or "hour"
	InSchema bool    // also given as a structured baseSalary
}

// Posting is one generated posting and what the generator put in it.
type Posting struct {
	Index       int
	DuplicateOf int // the index of the posting this one repeats on another board, or -1
	Family      string
	Title       string
	Company     string
	Board       string
	URL         string
	Remote      bool
	Salary      Salary
	Truth       []Mention // planted terms, in the order written
	JSON        []byte    // the JobPosting object, one line, no newline

	draft jobDraft
}

// Rate is the known rate of one term in one family's postings.
type Rate struct {
	Family   string
	ID       string
	Kind     taxonomy.Kind
	Rate     float64 // share of the family's postings mentioning it
	Required float64 // share of those requiring it
}

// Generator makes postings. It is safe for concurrent use.
type Generator struct {
	opts     Options
	tax      *taxonomy.Taxonomy
	fams     []family
	famCum   []float64
	sen      []float64 // cumulative seniority weights
	companys []string
	products []string
	pools    pools
	skipped  []string

	industries, bosses []string
	places             []place
}

type family struct {
	spec    familySpec
	titles  [][]string // per seniority prefix, the titles classified in the family
	terms   []plant
	resp    []string // responsibility items, with {city} etc. filled later
	objects []string
}

// plant is one term with the items that plant it at each level.
type plant struct {
	spec  spec
	kind  taxonomy.Kind
	items map[Level][]string // sentences containing the term, checked
}

// New returns a Generator over tax's terms and title families.
func New(tax *taxonomy.Taxonomy, opts Options) (*Generator, error) {
	if opts.DupRate == 0 {
		opts.DupRate = 0.05
	}
	g := &Generator{opts: opts, tax: tax}
	total := 0.0
	for _, p := range seniorityPrefixes {
		total += p.weight
		g.sen = append(g.sen, total)
	}
	clean := func(s string) bool { return len(tax.Match(s)) == 0 }
	// Placeholder values that tag nothing (the taxonomy grows: a value
	// that becomes a term is left out).
	var templates []string // the templates that are clean with neutral values
	for _, list := range [][]string{aboutTemplates, roleTemplates, reqFiller, niceFiller, benefits, closers, respPartners, respPurposes} {
		templates = append(templates, filter(list, func(t string) bool { return clean(fillNeutral(t)) })...)
	}
	valueOK := func(key string) func(string) bool {
		return func(v string) bool {
			if !clean("We work in " + v + ".") {
				return false
			}
			for _, t := range templates {
				if strings.Contains(t, "{"+key+"}") && !clean(fillNeutral(strings.ReplaceAll(t, "{"+key+"}", v))) {
					return false
				}
			}
			return true
		}
	}
	g.industries = filter(industries, valueOK("industry"))
	g.bosses = filter(bosses, valueOK("boss"))
	cityOK, countryOK := valueOK("city"), valueOK("country")
	for _, p := range places {
		if cityOK(p.city) && countryOK(p.country) {
			g.places = append(g.places, p)
		}
	}
	if len(g.industries) == 0 || len(g.bosses) == 0 || len(g.places) == 0 {
		return nil, fmt.Errorf("gen: every industry, boss or place tags a term")
	}

	// Names: made up from syllables, with a fixed seed, kept if they tag nothing.
	r := rand.New(rand.NewPCG(opts.Seed, 0x6e616d6573))
	seen := map[string]bool{}
	name := func(n int) string {
		var b strings.Builder
		for k := range n {
			s := syllables[r.IntN(len(syllables))]
			if k == 0 {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
			b.WriteString(s)
		}
		return b.String()
	}
	for len(g.companys) < 3000 {
		c := name(2+r.IntN(2)) + companySuffixes[r.IntN(len(companySuffixes))]
		if !seen[c] && clean("About "+c+"\n"+c+" is hiring.") {
			seen[c] = true
			g.companys = append(g.companys, c)
		}
	}
	for len(g.products) < 2000 {
		p := name(2 + r.IntN(2))
		if !seen[p] && clean(p+" is a platform.") {
			seen[p] = true
			g.products = append(g.products, p)
		}
	}

	total = 0
	for _, fs := range families {
		if _, ok := tax.Family(fs.id); !ok {
			g.skipped = append(g.skipped, "family "+fs.id)
			continue
		}
		f := family{spec: fs}
		f.titles = make([][]string, len(seniorityPrefixes))
		for pi, p := range seniorityPrefixes {
			for _, t := range fs.titles {
				for _, sfx := range titleSuffixes {
					title := p.word + t + sfx
					if fam, _ := tax.Classify(title); fam == fs.id {
						f.titles[pi] = append(f.titles[pi], title)
					}
				}
			}
		}
		if len(f.titles[0]) == 0 {
			return nil, fmt.Errorf("gen: no title of family %s is classified as such", fs.id)
		}
		for _, sp := range fs.terms {
			pl, ok := g.plantFor(sp)
			if !ok {
				g.skipped = append(g.skipped, fs.id+": "+sp.id)
				continue
			}
			f.terms = append(f.terms, pl)
		}
		for _, o := range fs.objects {
			if clean(o) {
				f.objects = append(f.objects, o)
			}
		}
		// Responsibility items: every verb with a few objects, partners
		// and purposes, checked.
		for vi, v := range respVerbs {
			for oi, o := range f.objects {
				pa := respPartners[(vi+oi)%len(respPartners)]
				pu := respPurposes[(vi*7+oi*3)%len(respPurposes)]
				s := v + " " + o + " " + pa + pu + "."
				if clean("Responsibilities\n- " + fillNeutral(s)) {
					f.resp = append(f.resp, s)
				}
			}
		}
		if len(f.resp) < 20 {
			return nil, fmt.Errorf("gen: family %s: only %d clean responsibility items", fs.id, len(f.resp))
		}
		g.fams = append(g.fams, f)
		total += fs.weight
		g.famCum = append(g.famCum, total)
	}
	for i := range g.famCum {
		g.famCum[i] /= total
	}
	g.pools = buildPools(clean)
	return g, nil
}

// plantFor finds the surface forms and sentences that tag sp.id alone at
// each level.
func (g *Generator) plantFor(sp spec) (plant, bool) {
	t, ok := g.tax.Term(sp.id)
	if !ok {
		return plant{}, false
	}
	needs := map[string]bool{}
	for _, f := range t.NeedsContext {
		needs[f] = true
	}
	if len(t.NeedsContext) == 0 && t.Context != "" {
		return plant{}, false // every form needs context: leave it out
	}
	var forms []string
	seen := map[string]bool{}
	for _, list := range [][]string{{t.Name}, t.Acronyms, t.Aliases, t.Exact} {
		for _, f := range list {
			if f != "" && !needs[f] && !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		}
	}
	pl := plant{spec: sp, kind: t.Kind, items: map[Level][]string{}}
	heads := map[Level]string{Required: "Requirements", Preferred: "Nice to have", Mentioned: "Responsibilities"}
	for _, lv := range []Level{Required, Preferred, Mentioned} {
		for _, w := range reqWrappers[string(lv)] {
			for _, f := range forms {
				s := strings.Replace(w, "{form}", f, 1)
				ms := g.tax.Match(heads[lv] + "\n- " + s)
				if len(ms) == 1 && ms[0].ID == sp.id && Level(ms[0].Level) == lv {
					pl.items[lv] = append(pl.items[lv], s)
				}
			}
		}
		if len(pl.items[lv]) == 0 {
			return plant{}, false
		}
	}
	return pl, true
}

// Skipped lists the families and terms of the built-in tables that the
// taxonomy does not have (or cannot tag without context), and so are
// not generated.
func (g *Generator) Skipped() []string { return g.skipped }

// Rates returns the known rate of every generated term in every family,
// and FamilyWeights the share of postings in each family.
func (g *Generator) Rates() []Rate {
	var out []Rate
	for _, f := range g.fams {
		for _, p := range f.terms {
			out = append(out, Rate{Family: f.spec.id, ID: p.spec.id, Kind: p.kind, Rate: p.spec.rate, Required: p.spec.required})
		}
	}
	return out
}

// FamilyWeights returns the share of postings in each generated family.
func (g *Generator) FamilyWeights() map[string]float64 {
	m := map[string]float64{}
	prev := 0.0
	for i, f := range g.fams {
		m[f.spec.id] = g.famCum[i] - prev
		prev = g.famCum[i]
	}
	return m
}

// rng returns the random source of posting i's stream k.
func (g *Generator) rng(i int, k uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.opts.Seed^0x9e3779b97f4a7c15, uint64(i)<<8|k))
}

// Posting returns posting i (i ≥ 0).
func (g *Generator) Posting(i int) Posting {
	job := i
	br := g.rng(i, 1)
	if i > 0 && g.opts.DupRate > 0 && br.Float64() < g.opts.DupRate {
		job = i - 1 - br.IntN(min(i, 200))
	}
	p := g.job(job)
	p.Index, p.DuplicateOf = i, -1
	if job != i {
		p.DuplicateOf = job
	}
	// The board: a duplicate is on another board than its original.
	b := boards[g.rng(job, 1).IntN(len(boards))]
	if job != i {
		bs := boards[:]
		k := br.IntN(len(bs) - 1)
		if bs[k] == b {
			k = len(bs) - 1
		}
		b = bs[k]
	}
	p.Board = b.name
	id := strconv.Itoa(1000000 + i)
	slug := strings.ToLower(strings.NewReplacer(" ", "", "&", "", ".", "").Replace(p.Company))
	switch b.name {
	case "greenhouse", "lever", "workable":
		p.URL = "https://" + b.host + "/" + slug + "/jobs/" + id
	case "careers":
		p.URL = "https://careers." + slug + ".example.com/jobs/" + id
	case "linkedin":
		p.URL = "https://" + b.host + "/jobs/view/" + id
	default:
		p.URL = "https://" + b.host + "/viewjob?jk=" + id
	}
	p.JSON = g.jsonOf(&p, id)
	return p
}

// jobDraft holds the parts of a job shared by its duplicates.
type jobDraft struct {
	desc    string
	place   int
	date    string
	empType string
}

// job makes the job (title, company, text, salary) of index j.
func (g *Generator) job(j int) Posting {
	r := g.rng(j, 0)
	fi := pick(g.famCum, r.Float64())
	f := &g.fams[fi]
	si := pick(g.sen, r.Float64())
	if len(f.titles[si]) == 0 {
		si = 0
	}
	title := f.titles[si][r.IntN(len(f.titles[si]))]
	company := g.companys[r.IntN(len(g.companys))]
	product := g.products[r.IntN(len(g.products))]
	pl := r.IntN(len(g.places))
	place := g.places[pl]
	remote := r.Float64() < 0.2

	fill := func(s string) string {
		if !strings.Contains(s, "{") {
			return s
		}
		return g.fillWith(s, r, company, product, f)
	}

	// Planted terms, by section.
	var truth []Mention
	secs := map[Level][]string{}
	for _, t := range f.terms {
		if r.Float64() >= t.spec.rate {
			continue
		}
		lv := Mentioned
		switch x := r.Float64(); {
		case x < t.spec.required:
			lv = Required
		case x < t.spec.required+(1-t.spec.required)*0.8:
			lv = Preferred
		}
		items := t.items[lv]
		secs[lv] = append(secs[lv], items[r.IntN(len(items))])
		truth = append(truth, Mention{ID: t.spec.id, Level: lv})
	}
	sal := g.salary(r, f, si, place.currency)

	target := 2000 + r.IntN(6000)
	var b strings.Builder
	b.Grow(target + 1024)
	b.WriteString("<h2>About " + company + "</h2>\n<p>")
	for k, j := range r.Perm(len(g.pools.about))[:min(2+r.IntN(3), len(g.pools.about))] {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fill(g.pools.about[j]))
	}
	b.WriteString("</p>\n<h2>About the role</h2>\n<p>")
	for k, j := range r.Perm(len(g.pools.role))[:min(2+r.IntN(3), len(g.pools.role))] {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fill(g.pools.role[j]))
	}
	b.WriteString("</p>\n<h2>Responsibilities</h2>\n<ul>\n")
	tail := g.tail(r, fill, secs, sal, company)
	// Responsibilities take up the room left to reach the target size.
	mentioned := secs[Mentioned]
	for k := 0; k < 3 || b.Len()+len(tail) < target; k++ {
		if k%4 == 1 && len(mentioned) > 0 {
			b.WriteString("<li>" + mentioned[0] + "</li>\n")
			mentioned = mentioned[1:]
			continue
		}
		b.WriteString("<li>" + fill(f.resp[r.IntN(len(f.resp))]) + "</li>\n")
		if k > 200 {
			break
		}
	}
	for _, m := range mentioned {
		b.WriteString("<li>" + m + "</li>\n")
	}
	b.WriteString("</ul>\n")
	b.WriteString(tail)

	emp := "FULL_TIME"
	switch x := r.Float64(); {
	case x < 0.06:
		emp = "CONTRACTOR"
	case x < 0.09:
		emp = "PART_TIME"
	}
	day := 1 + r.IntN(365)
	date := dateOf(2025, day)
	return Posting{
		Family: f.spec.id, Title: title, Company: company, Remote: remote, Salary: sal, Truth: truth,
		draft: jobDraft{desc: b.String(), place: pl, date: date, empType: emp},
	}
}

// tail writes the Requirements, Nice to have, Compensation and Benefits
// sections.
func (g *Generator) tail(r *rand.Rand, fill func(string) string, secs map[Level][]string, sal Salary, company string) string {
	var b strings.Builder
	b.WriteString("<h2>Requirements</h2>\n<ul>\n")
	req := secs[Required]
	nf := 2 + r.IntN(3)
	for k := 0; k < nf || len(req) > 0; k++ {
		if len(req) > 0 && (k%2 == 0 || k >= nf) {
			b.WriteString("<li>" + req[0] + "</li>\n")
			req = req[1:]
			continue
		}
		if k < nf {
			b.WriteString("<li>" + fill(g.pools.req[r.IntN(len(g.pools.req))]) + "</li>\n")
		}
	}
	b.WriteString("</ul>\n")
	if pref := secs[Preferred]; len(pref) > 0 || r.IntN(2) == 0 {
		b.WriteString("<h2>Nice to have</h2>\n<ul>\n")
		for _, s := range pref {
			b.WriteString("<li>" + s + "</li>\n")
		}
		if len(g.pools.nice) > 0 && (len(pref) == 0 || r.IntN(2) == 0) {
			b.WriteString("<li>" + fill(g.pools.nice[r.IntN(len(g.pools.nice))]) + "</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("<h2>Compensation</h2>\n<p>" + fill(g.pools.pay[r.IntN(len(g.pools.pay))]) + " " + sal.Text + ".</p>\n")
	b.WriteString("<h2>Benefits</h2>\n<ul>\n")
	for _, k := range r.Perm(len(g.pools.benefits))[:3+r.IntN(4)] {
		b.WriteString("<li>" + fill(g.pools.benefits[k]) + "</li>\n")
	}
	b.WriteString("</ul>\n<p>" + fill(g.pools.closers[r.IntN(len(g.pools.closers))]) + "</p>")
	return b.String()
}

// salary draws a salary for family f at seniority si, in a usual written
// form for the currency.
func (g *Generator) salary(r *rand.Rand, f *family, si int, currency string) Salary {
	mult := []float64{1, 1.25, 0.8, 1.4, 1.55, 1.25, 1.35}[si]
	fx := map[string]float64{"USD": 1, "CAD": 1.3, "GBP": 0.62, "EUR": 0.72}[currency]
	lo := float64(f.spec.salaryLo) * mult * fx * (0.85 + 0.3*r.Float64())
	hi := lo * (1.1 + 0.3*r.Float64())
	round := func(x, to float64) float64 { return math.Round(x/to) * to }
	s := Salary{Currency: currency, Period: "year", InSchema: r.Float64() < 0.6}
	sym := map[string]string{"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€"}[currency]
	thousands := func(x float64) string {
		n := int(x)
		str := strconv.Itoa(n)
		var b strings.Builder
		for i, c := range str {
			if i > 0 && (len(str)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		return b.String()
	}
	switch x := r.Float64(); {
	case currency == "USD" && x < 0.1: // hourly contractors
		s.Period = "hour"
		s.Min = round(lo/2080, 1)
		if r.IntN(2) == 0 {
			s.Max = s.Min
			s.Text = fmt.Sprintf("$%d/hour", int(s.Min))
		} else {
			s.Max = round(hi/2080, 1)
			s.Text = fmt.Sprintf("$%d–$%d per hour", int(s.Min), int(s.Max))
		}
	case currency == "GBP" && x < 0.5:
		s.Min = round(lo, 1000)
		s.Max = s.Min
		s.Text = "£" + thousands(s.Min) + " per annum"
	case x < 0.4:
		s.Min, s.Max = round(lo, 1000), round(hi, 1000)
		s.Text = sym + thousands(s.Min) + "–" + sym + thousands(s.Max)
	case x < 0.7:
		s.Min, s.Max = round(lo, 1000), round(hi, 1000)
		s.Text = fmt.Sprintf("%s%dk–%dk", sym, int(s.Min/1000), int(s.Max/1000))
	default:
		s.Min, s.Max = round(lo, 1000), round(hi, 1000)
		s.Text = sym + thousands(s.Min) + " - " + sym + thousands(s.Max) + " per year"
	}
	return s
}

func pick(cum []float64, x float64) int {
	for i, c := range cum {
		if x < c {
			return i
		}
	}
	return len(cum) - 1
}

func dateOf(year, day int) string {
	mdays := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	m := 0
	for day > mdays[m] {
		day -= mdays[m]
		m++
	}
	return fmt.Sprintf("%d-%02d-%02d", year, m+1, day)
}

// fillWith replaces the {placeholders} of a template.
func (g *Generator) fillWith(s string, r *rand.Rand, company, product string, f *family) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		key := s[i+1 : i+j]
		s = s[i+j+1:]
		switch key {
		case "company":
			b.WriteString(company)
		case "product":
			b.WriteString(product)
		case "city", "city2", "city3":
			b.WriteString(g.places[r.IntN(len(g.places))].city)
		case "country":
			b.WriteString(g.places[r.IntN(len(g.places))].country)
		case "industry":
			b.WriteString(g.industries[r.IntN(len(g.industries))])
		case "boss":
			b.WriteString(g.bosses[r.IntN(len(g.bosses))])
		case "object":
			b.WriteString(f.objects[r.IntN(len(f.objects))])
		case "n":
			b.WriteString(strconv.Itoa(50 + r.IntN(5000)))
		case "people":
			b.WriteString(strconv.Itoa(20 + r.IntN(2000)))
		case "year":
			b.WriteString(strconv.Itoa(1995 + r.IntN(28)))
		case "year2":
			b.WriteString(strconv.Itoa(2015 + r.IntN(10)))
		case "countries":
			b.WriteString(strconv.Itoa(3 + r.IntN(60)))
		case "langs":
			b.WriteString(strconv.Itoa(4 + r.IntN(20)))
		case "teamsize":
			b.WriteString(strconv.Itoa(4 + r.IntN(12)))
		case "years":
			b.WriteString(strconv.Itoa(1 + r.IntN(8)))
		case "weeks":
			b.WriteString(strconv.Itoa(12 + r.IntN(14)))
		case "budget":
			b.WriteString([]string{"$1,500", "€1,000", "£1,000", "$2,000"}[r.IntN(4)])
		default:
			b.WriteString("{" + key + "}")
		}
	}
}

// fillNeutral fills a template with fixed values, to check it.
func fillNeutral(s string) string {
	r := strings.NewReplacer("{city}", "Berlin", "{city2}", "Lisbon", "{city3}", "Austin", "{industry}", "retail",
		"{company}", "Kalomi", "{product}", "Venlo", "{boss}", "founders",
		"{object}", "the plan", "{country}", "DE", "{n}", "120", "{people}", "300", "{year}", "2011", "{year2}", "2020",
		"{countries}", "12", "{langs}", "9", "{teamsize}", "8", "{years}", "3", "{weeks}", "16", "{budget}", "$1,500")
	return r.Replace(s)
}

// jsonOf encodes p as a JobPosting object.
func (g *Generator) jsonOf(p *Posting, id string) []byte {
	d := p.draft
	place := g.places[d.place]
	type address struct {
		Type     string `json:"@type"`
		Locality string `json:"addressLocality"`
		Region   string `json:"addressRegion"`
		Country  string `json:"addressCountry"`
	}
	type placeT struct {
		Type    string  `json:"@type"`
		Address address `json:"address"`
	}
	type org struct {
		Type   string `json:"@type"`
		Name   string `json:"name"`
		SameAs string `json:"sameAs"`
	}
	type qv struct {
		Type     string  `json:"@type"`
		MinValue float64 `json:"minValue"`
		MaxValue float64 `json:"maxValue"`
		UnitText string  `json:"unitText"`
	}
	type money struct {
		Type     string `json:"@type"`
		Currency string `json:"currency"`
		Value    qv     `json:"value"`
	}
	type ident struct {
		Type  string `json:"@type"`
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	type jp struct {
		Context        string `json:"@context"`
		Type           string `json:"@type"`
		Title          string `json:"title"`
		Identifier     ident  `json:"identifier"`
		DatePosted     string `json:"datePosted"`
		EmploymentType string `json:"employmentType"`
		Org            org    `json:"hiringOrganization"`
		JobLocation    placeT `json:"jobLocation"`
		LocationType   string `json:"jobLocationType,omitempty"`
		BaseSalary     *money `json:"baseSalary,omitempty"`
		URL            string `json:"url"`
		Description    string `json:"description"`
	}
	slug := strings.ToLower(strings.NewReplacer(" ", "", "&", "").Replace(p.Company))
	v := jp{
		Context: "https://schema.org", Type: "JobPosting", Title: p.Title,
		Identifier:     ident{Type: "PropertyValue", Name: p.Board, Value: p.Board + "-" + id},
		DatePosted:     d.date,
		EmploymentType: d.empType,
		Org:            org{Type: "Organization", Name: p.Company, SameAs: "https://www." + slug + ".example.com"},
		JobLocation:    placeT{Type: "Place", Address: address{Type: "PostalAddress", Locality: place.city, Region: place.region, Country: place.country}},
		URL:            p.URL,
		Description:    d.desc,
	}
	if p.Remote {
		v.LocationType = "TELECOMMUTE"
	}
	if s := p.Salary; s.InSchema {
		v.BaseSalary = &money{Type: "MonetaryAmount", Currency: s.Currency,
			Value: qv{Type: "QuantitativeValue", MinValue: s.Min, MaxValue: s.Max, UnitText: strings.ToUpper(s.Period)}}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // cannot happen: plain strings and numbers
	}
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}
