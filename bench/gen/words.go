package gen

// Word pools for the text around the planted terms. Every sentence built
// from them is checked against the taxonomy when a Generator is made, and
// one that tags anything is not used, so that a posting's tags are
// exactly the terms the generator put in it.

var (
	respVerbs = []string{"Own", "Drive", "Shape", "Define", "Coordinate", "Run", "Plan", "Deliver", "Improve", "Review",
		"Write", "Document", "Present", "Track", "Maintain", "Support", "Organise", "Refine", "Simplify", "Prepare",
		"Schedule", "Clarify", "Streamline", "Steer"}
	respPartners = []string{"with engineering", "alongside the design team", "together with customer support",
		"across three squads", "with our sales colleagues", "with the finance team", "with partners in {city}",
		"with the operations group", "with our legal counsel", "for the leadership group", "with two other teams",
		"within a small team"}
	respPurposes = []string{" to ship dependable releases", " so that customers get value sooner",
		" for our {industry} customers", "", "", " every quarter", " each week", " before each release",
		" in a clear and friendly way", " without losing sight of the details", " as the business grows",
		" for teams in {city} and {city2}"}

	aboutTemplates = []string{
		"{company} builds {product}, a platform used by {n} organisations in the {industry} sector.",
		"Founded in {year}, {company} has grown to {people} people across {city} and {city2}.",
		"{company} helps {industry} businesses spend less time on paperwork and more time with their clients.",
		"Our investors include several well known funds, and we became profitable in {year2}.",
		"{product} handles millions of requests every day for clients in more than {countries} countries.",
		"We are a remote friendly company with hubs in {city}, {city2} and {city3}.",
		"Our team speaks more than {langs} languages and we meet in person twice a year.",
		"{company} was named one of the best places to work in {city} in {year2}.",
		"We believe that good software should feel calm, quick and honest.",
		"Our customers range from small family firms to some of the largest {industry} groups in the world.",
	}
	roleTemplates = []string{
		"In this new position you will join a team of {teamsize} people and report to the {boss}.",
		"This is a new position created as we expand {product} into {city2} and beyond.",
		"You will spend most of your week on {object} and the rest meeting the people who use {product}.",
		"The team works in short cycles and ships something to customers every week.",
		"We care more about what you can do than about where you learned it.",
		"You will have real ownership of {object} from the first month.",
		"The role is based in {city}, with two days a week in the office.",
		"Expect to work closely with the {boss} and with our customer support lead.",
	}
	reqWrappers = map[string][]string{ // planted item templates by level; {form} is the term
		"required": {"Hands-on experience with {form} is required.", "You must have {form}.",
			"Proven experience with {form}.", "Solid working knowledge of {form}."},
		"preferred": {"{form} is a plus.", "Exposure to {form} would be nice to have.", "Ideally you know {form}.",
			"Any exposure to {form} is a bonus."},
		"mentioned": {"Work with teams that use {form} every day.", "You will see {form} in our daily work.",
			"Our team works with {form} across several projects."},
	}
	reqFiller = []string{"{years}+ years in a similar role.", "A degree in a relevant field, or equivalent practical background.",
		"Comfort with ambiguity and a calm approach to deadlines.", "Fluency in spoken and written English.",
		"A portfolio or examples of past work you are proud of.", "The right to work in {country}.",
		"Willingness to travel to {city} a few times a year."}
	niceFiller = []string{"Background in the {industry} sector is a plus.", "A second language would be nice to have.",
		"Some time spent at an early stage startup is a bonus."}
	benefits = []string{"Generous paid time off and public holidays.", "Private health insurance for you and your family.",
		"A yearly learning budget of {budget}.", "Flexible hours and a choice of where to work.",
		"Matched retirement savings.", "Parental leave of {weeks} weeks at full pay.", "A new laptop and a home office allowance.",
		"Team offsites twice a year.", "Paid volunteering days.", "Stock options for every employee.",
		"Free lunch on office days.", "A monthly wellness allowance."}
	closers = []string{"{company} is an equal opportunity employer. We welcome applicants of every background.",
		"We review every application and reply within two weeks.",
		"Please apply with your CV in English; a cover letter is optional."}

	industries = []string{"retail", "freight", "insurance", "banking", "travel", "energy", "media", "education",
		"hospitality", "construction", "manufacturing", "public", "telecoms", "automotive", "agriculture", "property",
		"pharmaceutical", "gaming", "legal", "nonprofit"}
	bosses = []string{"Head of Engineering", "Chief Operating Officer", "founders", "Director of Operations",
		"Chief Technology Officer", "VP of Client Services", "General Manager"}

	places = []place{
		{"New York", "NY", "US", "USD"}, {"San Francisco", "CA", "US", "USD"}, {"Austin", "TX", "US", "USD"},
		{"Chicago", "IL", "US", "USD"}, {"Seattle", "WA", "US", "USD"}, {"Boston", "MA", "US", "USD"},
		{"Denver", "CO", "US", "USD"}, {"Atlanta", "GA", "US", "USD"}, {"Toronto", "ON", "CA", "CAD"},
		{"London", "England", "GB", "GBP"}, {"Manchester", "England", "GB", "GBP"}, {"Edinburgh", "Scotland", "GB", "GBP"},
		{"Berlin", "Berlin", "DE", "EUR"}, {"Munich", "Bavaria", "DE", "EUR"}, {"Amsterdam", "North Holland", "NL", "EUR"},
		{"Paris", "Ile-de-France", "FR", "EUR"}, {"Dublin", "Leinster", "IE", "EUR"}, {"Madrid", "Madrid", "ES", "EUR"},
		{"Lisbon", "Lisbon", "PT", "EUR"}, {"Stockholm", "Stockholm", "SE", "EUR"},
	}
	// Syllables of made-up company and product names.
	syllables = []string{"ka", "lo", "mi", "ven", "tor", "sa", "ri", "qua", "zen", "bel", "dor", "fi", "na", "pol", "rex",
		"ta", "vi", "mo", "lu", "cor", "den", "ga", "hal", "jo", "ki", "mar", "nor", "pe", "sil", "tri", "ul", "wex",
		"yo", "bra", "cle", "fen", "gri", "lin", "ost", "pra"}
	companySuffixes = []string{"", "", " Labs", " Group", " Technologies", " Health", " Systems", " & Co", " Software", " AI"}
	boards          = []struct{ name, host string }{
		{"greenhouse", "boards.greenhouse.io"}, {"lever", "jobs.lever.co"}, {"linkedin", "www.linkedin.com"},
		{"indeed", "www.indeed.com"}, {"workable", "apply.workable.com"}, {"careers", "careers.example.com"},
	}
)

type place struct{ city, region, country, currency string }
