// Package extract turns fetched or saved documents into tagged postings.
// It touches neither the network nor the disk.
//
// Split cuts a Document (a file or an HTTP response) into one Raw record
// per posting, detecting the format; Parse reads a Raw into a Posting's
// fields; an Extractor does both and tags the posting with the
// certifications and skills of a taxonomy (see package taxonomy), each
// once, with its requirement level and the sentence it was found in.
// Raw records are what the corpus keeps, so that postings can be
// extracted again after the taxonomy changes, without fetching anything.
package extract

import (
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// Extractor parses records into postings and tags them with a taxonomy:
// certifications and skills found in the description, each once, with
// its requirement level and evidence, and the title's family and
// seniority.
type Extractor struct {
	tax *taxonomy.Taxonomy
}

// NewExtractor returns an Extractor tagging with tax.
func NewExtractor(tax *taxonomy.Taxonomy) *Extractor {
	return &Extractor{tax: tax}
}

// Extract parses r (see Parse) and tags the posting.
func (x *Extractor) Extract(r Raw) (Posting, error) {
	p, err := Parse(r)
	if err != nil {
		return Posting{}, err
	}
	x.Tag(&p)
	return p, nil
}

// Tag sets p's Family, Seniority and Tags from its Title and Description,
// replacing any it had.
func (x *Extractor) Tag(p *Posting) {
	p.Family, p.Seniority = x.tax.Classify(p.Title)
	p.Tags = nil
	for _, m := range x.tax.Match(p.Description) {
		t := Tag{
			ID:       m.ID,
			Kind:     Kind(m.Kind),
			Level:    Level(m.Level),
			Evidence: m.Evidence,
			Start:    m.Start,
			End:      m.End,
		}
		if term, ok := x.tax.Term(m.ID); ok {
			t.Name = term.Name
		}
		p.Tags = append(p.Tags, t)
	}
}
