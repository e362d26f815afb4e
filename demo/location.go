package demo

// place is what the demo knows of a posting's location string.
type place struct {
	locality, region, country string // country is ISO 3166-1 alpha-2
	remote                    bool   // a "Remote (XX)" location: locality and region are empty
}

// locations is every location string the bundled postings use.
var locations = map[string]place{
	"Remote (US)":            {country: "US", remote: true},
	"Remote (UK)":            {country: "GB", remote: true},
	"Remote (Germany)":       {country: "DE", remote: true},
	"Chicago, IL":            {"Chicago", "IL", "US", false},
	"Atlanta, GA":            {"Atlanta", "GA", "US", false},
	"Memphis, TN":            {"Memphis", "TN", "US", false},
	"Boston, MA":             {"Boston", "MA", "US", false},
	"Denver, CO":             {"Denver", "CO", "US", false},
	"New York, NY":           {"New York", "NY", "US", false},
	"Austin, TX":             {"Austin", "TX", "US", false},
	"Hartford, CT":           {"Hartford", "CT", "US", false},
	"London, United Kingdom": {"London", "England", "GB", false},
	"Dublin, Ireland":        {"Dublin", "County Dublin", "IE", false},
	"Amsterdam, Netherlands": {"Amsterdam", "North Holland", "NL", false},
	"Berlin, Germany":        {"Berlin", "Berlin", "DE", false},
	"Lisbon, Portugal":       {"Lisbon", "Lisbon", "PT", false},
	"Munich, Germany":        {"Munich", "Bavaria", "DE", false},
}
