package corpus

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Filter selects postings. The zero Filter selects every posting.
type Filter struct {
	Family      string    // title family id, e.g. "product-owner"
	TitlePhrase string    // when Family is empty: postings whose title contains this phrase
	Since       time.Time // posted on or after
	Location    string    // words that must all appear in a location
	Remote      *bool     // remote or not
	Seniority   string    // seniority id from the title, e.g. "senior"
	Company     string    // company name, case-insensitive, exact
	// IncludeDuplicates counts postings linked to an earlier posting of
	// the same job too (see dedup.go); by default each job counts once.
	IncludeDuplicates bool
}

func (f Filter) query() query.Query {
	var qs []query.Query
	if f.Family != "" {
		q := bleve.NewTermQuery(f.Family)
		q.SetField(FieldFamily)
		qs = append(qs, q)
	} else if strings.TrimSpace(f.TitlePhrase) != "" {
		q := bleve.NewMatchPhraseQuery(f.TitlePhrase)
		q.SetField(FieldTitle)
		qs = append(qs, q)
	}
	if !f.Since.IsZero() {
		inclusive := true
		q := bleve.NewDateRangeInclusiveQuery(f.Since, time.Time{}, &inclusive, nil)
		q.SetField(FieldDate)
		qs = append(qs, q)
	}
	if strings.TrimSpace(f.Location) != "" {
		q := bleve.NewMatchQuery(f.Location)
		q.SetField(FieldLocation)
		q.SetOperator(query.MatchQueryOperatorAnd)
		qs = append(qs, q)
	}
	if f.Remote != nil {
		q := bleve.NewBoolFieldQuery(*f.Remote)
		q.SetField(FieldRemote)
		qs = append(qs, q)
	}
	if f.Seniority != "" {
		q := bleve.NewTermQuery(f.Seniority)
		q.SetField(FieldSeniority)
		qs = append(qs, q)
	}
	if c := strings.ToLower(strings.TrimSpace(f.Company)); c != "" {
		q := bleve.NewTermQuery(c)
		q.SetField(FieldCompany)
		qs = append(qs, q)
	}
	var q query.Query
	switch len(qs) {
	case 0:
		q = bleve.NewMatchAllQuery()
	case 1:
		q = qs[0]
	default:
		q = bleve.NewConjunctionQuery(qs...)
	}
	if f.IncludeDuplicates {
		return q
	}
	dup := bleve.NewBoolFieldQuery(true)
	dup.SetField(FieldDuplicate)
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddMustNot(dup)
	return bq
}

// Counts is the result of Count: how many postings the filter selected,
// and per requested field how many of those postings carry each value.
type Counts struct {
	N     int
	Terms map[string]map[string]int // field -> value -> postings
}

// maxFacetTerms bounds the distinct values counted per field; it is well
// above the size of the catalog and taxonomy.
const maxFacetTerms = 100000

// Count counts the postings that f selects and, for each field (one of the
// keyword Field constants, e.g. FieldCert), the postings carrying each
// value. A posting carries a tag at most once, so counts are per posting.
func (s *Store) Count(ctx context.Context, f Filter, fields ...string) (Counts, error) {
	req := bleve.NewSearchRequestOptions(f.query(), 0, 0, false)
	for _, field := range fields {
		req.AddFacet(field, bleve.NewFacetRequest(field, maxFacetTerms))
	}
	res, err := s.index.SearchInContext(ctx, req)
	if err != nil {
		return Counts{}, fmt.Errorf("count postings: %w", err)
	}
	c := Counts{N: int(res.Total), Terms: make(map[string]map[string]int, len(fields))}
	for _, field := range fields {
		m := make(map[string]int)
		if fr := res.Facets[field]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				m[t.Term] = t.Count
			}
		}
		c.Terms[field] = m
	}
	return c, nil
}

// IDs returns the ids of the postings f selects, in id order.
func (s *Store) IDs(ctx context.Context, f Filter) ([]string, error) {
	// Ask for all the hits in one search, sized by a count first: paging
	// would run the query, and sort its hits, once per page.
	count, err := s.index.SearchInContext(ctx, bleve.NewSearchRequestOptions(f.query(), 0, 0, false))
	if err != nil {
		return nil, fmt.Errorf("select postings: %w", err)
	}
	page := max(int(count.Total)+1, 1000) // +1: a posting added since is still found
	var ids []string
	for {
		req := bleve.NewSearchRequestOptions(f.query(), page, 0, false)
		req.SortBy([]string{"_id"})
		if len(ids) > 0 {
			req.SearchAfter = []string{ids[len(ids)-1]}
		}
		res, err := s.index.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("select postings: %w", err)
		}
		if ids == nil {
			ids = make([]string, 0, len(res.Hits))
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < page {
			return ids, nil
		}
	}
}
