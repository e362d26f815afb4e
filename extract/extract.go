// Package extract turns fetched or saved documents into tagged postings.
// It touches neither the network nor the disk.
//
// Split cuts a Document (a file or an HTTP response) into one Raw record
// per posting, detecting the format; Parse reads a Raw into a Posting's
// fields; an Extractor does both and tags the posting with the
// certifications and skills of a taxonomy (see package taxonomy), each
// once, with its requirement level and the sentence it was found in,
// and reads from the description the facts the source gave no field for
// (salary, years of experience, education, workplace, employment type).
// Raw records are what the corpus keeps, so that postings can be
// extracted again after the taxonomy changes, without fetching anything.
package extract

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

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

// ExtractAll extracts every record, on all cores when there are enough
// of them to be worth it. posts[i] and errs[i] belong to raws[i]; an
// Extractor is safe for use by several goroutines.
func (x *Extractor) ExtractAll(raws []Raw) (posts []Posting, errs []error) {
	posts, errs = make([]Posting, len(raws)), make([]error, len(raws))
	workers := min(runtime.GOMAXPROCS(0), len(raws)/minPerWorker)
	if workers < 2 {
		for i, r := range raws {
			posts[i], errs[i] = x.Extract(r)
		}
		return posts, errs
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(raws) {
					return
				}
				posts[i], errs[i] = x.Extract(raws[i])
			}
		})
	}
	wg.Wait()
	return posts, errs
}

// minPerWorker is the fewest records that make another goroutine pay.
const minPerWorker = 8

// Tag sets p's Family, Seniority and Tags from its Title and Description,
// replacing any it had, and fills the facts the source left empty from
// the description (see Facts).
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
	Facts(p)
}

// Facts fills the fields of p that its source left empty from its Title
// and Description:
//   - Salary, when there is none with an amount: SalaryFromText, with
//     the currency of p's locations preferred when they name one country;
//   - Experience: ExperienceFromText;
//   - Education: EducationFromText;
//   - Workplace (and Remote): WorkplaceFromText;
//   - EmploymentType: EmploymentFromText.
func Facts(p *Posting) {
	if p.Salary == nil || p.Salary.Min == 0 && p.Salary.Max == 0 {
		prefer := LocationCurrency(p.Locations)
		if prefer == "" {
			prefer = DollarFromText(p.Description)
		}
		if s := SalaryFromText(p.Description, prefer); s != nil {
			p.Salary = s
		}
	}
	if p.Experience == 0 {
		p.Experience = ExperienceFromText(p.Description)
	}
	if p.Education == "" {
		p.Education = EducationFromText(p.Description)
	}
	if p.Workplace == "" {
		p.Workplace = WorkplaceFromText(p.Description)
		p.Remote = p.Workplace == "remote"
	}
	if p.EmploymentType == "" {
		p.EmploymentType = EmploymentFromText(p.Title, p.Description)
	}
}

// locationCurrencies maps words of a location (a country, or a large
// city) to the currency paid there.
var locationCurrencies = map[string]string{
	"united states": "USD", "usa": "USD", "us": "USD", "u.s.": "USD", "new york": "USD", "san francisco": "USD",
	"seattle": "USD", "austin": "USD", "boston": "USD", "chicago": "USD", "los angeles": "USD", "denver": "USD",
	"canada": "CAD", "toronto": "CAD", "vancouver": "CAD", "montreal": "CAD", "montréal": "CAD", "calgary": "CAD",
	"ottawa": "CAD", "edmonton": "CAD", "ontario": "CAD", "quebec": "CAD", "british columbia": "CAD",
	"united kingdom": "GBP", "uk": "GBP", "england": "GBP", "scotland": "GBP", "london": "GBP", "manchester": "GBP",
	"edinburgh": "GBP",
	"germany":   "EUR", "deutschland": "EUR", "berlin": "EUR", "munich": "EUR", "münchen": "EUR", "hamburg": "EUR",
	"france": "EUR", "paris": "EUR", "netherlands": "EUR", "amsterdam": "EUR", "spain": "EUR", "españa": "EUR",
	"madrid": "EUR", "barcelona": "EUR", "ireland": "EUR", "dublin": "EUR", "italy": "EUR", "milan": "EUR",
	"portugal": "EUR", "lisbon": "EUR", "austria": "EUR", "vienna": "EUR", "belgium": "EUR", "brussels": "EUR",
	"finland": "EUR", "helsinki": "EUR",
	"australia": "AUD", "sydney": "AUD", "melbourne": "AUD", "brisbane": "AUD", "perth": "AUD", "adelaide": "AUD",
	"canberra": "AUD", "nsw": "AUD", "vic": "AUD", "qld": "AUD", "new zealand": "NZD", "auckland": "NZD", "wellington": "NZD",
	"india": "INR", "bangalore": "INR", "bengaluru": "INR", "mumbai": "INR", "pune": "INR", "hyderabad": "INR",
	"switzerland": "CHF", "zurich": "CHF", "zürich": "CHF", "geneva": "CHF",
	"sweden": "SEK", "stockholm": "SEK", "norway": "NOK", "oslo": "NOK", "denmark": "DKK", "copenhagen": "DKK",
	"poland": "PLN", "warsaw": "PLN", "singapore": "SGD", "japan": "JPY", "tokyo": "JPY",
}

// dollarPlaceRe finds, in a description, places and words that tell which
// dollar a bare "$" is: Canadian provinces and cities, Australian states
// and cities and its pension ("superannuation", "+ super"), New Zealand,
// Singapore, Hong Kong, and American ones.
var dollarPlaceRe = lazyMustCompile(`(?i)\b(canada|canadian|ontario|quebec|québec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|toronto|montreal|montréal|vancouver|calgary|edmonton|ottawa|gatineau|winnipeg|halifax|mississauga|` +
	`australia|australian|new south wales|nsw|queensland|western australia|tasmania|sydney|melbourne|brisbane|adelaide|canberra|superannuation|` +
	`new zealand|auckland|christchurch|kiwisaver|singapore|hong kong|` +
	`united states|usa|u\.s\.|us-based|california|new york|texas|washington|massachusetts|illinois|colorado|florida|georgia|san francisco|seattle|chicago|boston|austin|denver|los angeles)\b|[+&]\s*super\b|\bplus super\b|%\s*super\b`)

// americanRe finds "US", "US$" and "USD", case-sensitive ("us" is a word).
var americanRe = lazyMustCompile(`\bUS\b|\bUSD\b`)

var dollarPlaces = map[string]string{
	"canada": "CAD", "canadian": "CAD", "ontario": "CAD", "quebec": "CAD", "québec": "CAD", "british columbia": "CAD",
	"alberta": "CAD", "manitoba": "CAD", "saskatchewan": "CAD", "nova scotia": "CAD", "new brunswick": "CAD",
	"newfoundland": "CAD", "toronto": "CAD", "montreal": "CAD", "montréal": "CAD", "vancouver": "CAD", "calgary": "CAD",
	"edmonton": "CAD", "ottawa": "CAD", "gatineau": "CAD", "winnipeg": "CAD", "halifax": "CAD", "mississauga": "CAD",
	"australia": "AUD", "australian": "AUD", "new south wales": "AUD", "nsw": "AUD", "queensland": "AUD",
	"western australia": "AUD", "tasmania": "AUD", "sydney": "AUD", "melbourne": "AUD", "brisbane": "AUD",
	"adelaide": "AUD", "canberra": "AUD", "superannuation": "AUD", "super": "AUD",
	"new zealand": "NZD", "auckland": "NZD", "christchurch": "NZD", "kiwisaver": "NZD",
	"singapore": "SGD", "hong kong": "HKD",
}

// DollarFromText returns the dollar ("CAD", "AUD", "NZD", "SGD", "HKD")
// that a description's places make its bare "$" amounts, for postings
// whose location fields are missing: "$116,112 – $140,086 plus
// superannuation", "95 000 $ … bureaux à Montréal". It returns "" when
// the text has no "$", names no such place, names places of two
// countries, or names an American one or "US"/"USD".
func DollarFromText(text string) string {
	if !strings.Contains(text, "$") {
		return ""
	}
	if americanRe.MatchString(text) {
		return ""
	}
	cur := ""
	for _, m := range dollarPlaceRe.FindAllString(text, 200) {
		w := strings.ToLower(strings.TrimSpace(strings.TrimLeft(m, "+&%")))
		w = strings.TrimPrefix(w, "plus ")
		c, ok := dollarPlaces[strings.TrimSpace(w)]
		if !ok {
			return "" // an American place
		}
		if cur != "" && c != cur {
			return ""
		}
		cur = c
	}
	return cur
}

// LocationCurrency returns the currency of the country locs are in, ""
// when they name none or several. A location's parts are read from the
// end ("Berlin, Germany", "Remote - UK", "Austin, TX, US").
func LocationCurrency(locs []string) string {
	cur := ""
	for _, l := range locs {
		parts := strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return r == ',' || r == '-' || r == '(' || r == ')' || r == '/' || r == '|' })
		c := ""
		for i := len(parts) - 1; i >= 0 && c == ""; i-- {
			c = locationCurrencies[strings.TrimSpace(parts[i])]
		}
		if c == "" {
			continue
		}
		if cur != "" && c != cur {
			return ""
		}
		cur = c
	}
	return cur
}
