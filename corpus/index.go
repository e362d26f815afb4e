package corpus

import (
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/jobgap/jobgap/extract"
)

// Index field names. Tag fields hold catalog ids and are keyword fields,
// so that a terms facet over them counts postings per tag.
const (
	FieldTitle         = "title"
	FieldFamily        = "family"
	FieldSeniority     = "seniority"
	FieldCompany       = "company" // lower-cased
	FieldSource        = "source"
	FieldLocation      = "location"
	FieldRemote        = "remote"
	FieldWorkplace     = "workplace"
	FieldEmployment    = "employment"
	FieldDate          = "date"
	FieldCert          = "cert"
	FieldCertRequired  = "cert_required"
	FieldCertPreferred = "cert_preferred"
	FieldSkill         = "skill"
	FieldSkillRequired = "skill_required"
	FieldSkillPref     = "skill_preferred"
	FieldSalaryMin     = "salary_min" // annualised
	FieldSalaryMax     = "salary_max"
	FieldCurrency      = "currency"
	FieldDuplicate     = "duplicate" // true for a posting linked to an earlier one (see dedup.go)
	FieldDupOf         = "dup_of"    // the id of that earlier posting
)

// internalSeq is the bleve internal key holding the highest store
// sequence number this index has seen.
var internalSeq = []byte("jobgap.seq")

// internalMapping is the bleve internal key holding the version of
// indexMapping and indexDocument the index was built with; an index of
// another version is rebuilt on Open.
var internalMapping = []byte("jobgap.mapping")

// 2: duplicate, dup_of; 3: no description (no query searched it), no
// stored fields; 4: doc values only for the faceted fields.
const mappingVersion = "4"

// indexed is a posting as the index sees it: with its dedup link.
type indexed struct {
	p     extract.Posting
	dupOf string
}

type index struct {
	bleve.Index
}

func indexMapping() mapping.IndexMapping {
	// Nothing reads a field back from the index (postings are read from
	// the store), so no field is stored; and only the fields counted with
	// a facet (faceted) keep doc values, which facets read and nothing
	// else does.
	faceted := map[string]bool{FieldFamily: true, FieldCert: true, FieldSkill: true}
	plain := func(f *mapping.FieldMapping, name string) *mapping.FieldMapping {
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = faceted[name]
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	// Titles and locations are searched by phrase, which needs term
	// vectors.
	for _, name := range []string{FieldTitle, FieldLocation} {
		f := plain(bleve.NewTextFieldMapping(), name)
		f.Analyzer = standard.Name
		f.IncludeTermVectors = true
		doc.AddFieldMappingsAt(name, f)
	}
	for _, name := range []string{FieldFamily, FieldSeniority, FieldCompany, FieldSource, FieldWorkplace,
		FieldEmployment, FieldCert, FieldCertRequired, FieldCertPreferred, FieldSkill,
		FieldSkillRequired, FieldSkillPref, FieldCurrency, FieldDupOf} {
		f := plain(bleve.NewKeywordFieldMapping(), name)
		f.Analyzer = keyword.Name
		f.IncludeTermVectors = false
		doc.AddFieldMappingsAt(name, f)
	}
	doc.AddFieldMappingsAt(FieldSalaryMin, plain(bleve.NewNumericFieldMapping(), FieldSalaryMin))
	doc.AddFieldMappingsAt(FieldSalaryMax, plain(bleve.NewNumericFieldMapping(), FieldSalaryMax))
	doc.AddFieldMappingsAt(FieldRemote, plain(bleve.NewBooleanFieldMapping(), FieldRemote))
	doc.AddFieldMappingsAt(FieldDuplicate, plain(bleve.NewBooleanFieldMapping(), FieldDuplicate))
	doc.AddFieldMappingsAt(FieldDate, plain(bleve.NewDateTimeFieldMapping(), FieldDate))

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = standard.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// indexDocument turns a posting into the document bleve indexes.
func indexDocument(x indexed) map[string]any {
	p := x.p
	d := map[string]any{
		FieldTitle:     p.Title,
		FieldRemote:    p.Remote,
		FieldSource:    p.Source,
		FieldDuplicate: x.dupOf != "",
	}
	set := func(k, v string) {
		if v != "" {
			d[k] = v
		}
	}
	set(FieldDupOf, x.dupOf)
	set(FieldFamily, p.Family)
	set(FieldSeniority, p.Seniority)
	set(FieldCompany, strings.ToLower(strings.TrimSpace(p.Company)))
	set(FieldWorkplace, p.Workplace)
	set(FieldEmployment, p.EmploymentType)
	if len(p.Locations) > 0 {
		d[FieldLocation] = strings.Join(p.Locations, " ; ")
	}
	if !p.DatePosted.IsZero() {
		d[FieldDate] = p.DatePosted
	}
	if s := p.Salary; s != nil && (s.AnnualMin > 0 || s.AnnualMax > 0) {
		if s.AnnualMin > 0 {
			d[FieldSalaryMin] = s.AnnualMin
		}
		if s.AnnualMax > 0 {
			d[FieldSalaryMax] = s.AnnualMax
		}
		set(FieldCurrency, s.Currency)
	}
	var cert, certReq, certPref, skill, skillReq, skillPref []string
	for _, t := range p.Tags {
		all, req, pref := &skill, &skillReq, &skillPref
		if t.Kind == extract.KindCertification {
			all, req, pref = &cert, &certReq, &certPref
		}
		*all = append(*all, t.ID)
		switch t.Level {
		case extract.LevelRequired:
			*req = append(*req, t.ID)
		case extract.LevelPreferred:
			*pref = append(*pref, t.ID)
		}
	}
	for k, v := range map[string][]string{FieldCert: cert, FieldCertRequired: certReq, FieldCertPreferred: certPref,
		FieldSkill: skill, FieldSkillRequired: skillReq, FieldSkillPref: skillPref} {
		if len(v) > 0 {
			d[k] = v
		}
	}
	return d
}

func createIndex(path string) (*index, error) {
	idx, err := bleve.New(path, indexMapping())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	if err := idx.SetInternal(internalMapping, []byte(mappingVersion)); err != nil {
		idx.Close()
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	return &index{idx}, nil
}

// openIndex opens the index at path; readOnly opens it for searching
// only, with no background persisting or merging.
func openIndex(path string, readOnly bool) (*index, error) {
	var config map[string]any
	if readOnly {
		config = map[string]any{"read_only": true}
	}
	idx, err := bleve.OpenUsing(path, config)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return &index{idx}, nil
}

func (x *index) close() error { return x.Close() }

// current reports whether the index was built with this mappingVersion.
func (x *index) current() bool {
	v, err := x.GetInternal(internalMapping)
	return err == nil && string(v) == mappingVersion
}

func (x *index) seq() (uint64, error) {
	v, err := x.GetInternal(internalSeq)
	if err != nil {
		return 0, fmt.Errorf("read index state: %w", err)
	}
	return decodeSeq(v), nil
}

func (x *index) setSeq(n uint64) error {
	return x.SetInternal(internalSeq, seqKey(n))
}

// indexChunk is the most postings put gives bleve in one batch. bleve
// analyses a whole batch in memory before it writes it (the term
// frequencies of every description, about 200 KB a posting), so this
// sets much of an import's peak heap: 250 keeps it near 50 MB for about
// 10% less indexing speed than 500 (BenchmarkReindex).
const indexChunk = 250

// put indexes postings and records upto as the index's sequence number
// with the last of them, so the number never runs ahead of the documents:
// after a crash between two bleve batches, the next Open indexes the
// postings again from the number before.
func (x *index) put(ps []indexed, upto uint64) error {
	if x == nil {
		return errors.New("index is closed")
	}
	for {
		chunk := ps[:min(indexChunk, len(ps))]
		ps = ps[len(chunk):]
		b := x.NewBatch()
		for _, p := range chunk {
			if err := b.Index(p.p.ID, indexDocument(p)); err != nil {
				return fmt.Errorf("posting %s: %w", p.p.ID, err)
			}
		}
		if len(ps) == 0 {
			b.SetInternal(internalSeq, seqKey(upto))
			return x.Batch(b)
		}
		if err := x.Batch(b); err != nil {
			return err
		}
	}
}
