package extract

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facts read from a posting's text when its source gave no field for
// them: years of experience, education level, workplace and employment
// type. Each function reads clean text (one paragraph or list item per
// line) and returns the zero value when the text states nothing.

// Number words for years of experience.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "un": 1, "deux": 2, "trois": 3, "cinq": 5,
	"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "twee": 2, "drie": 3, "vijf": 5, "due": 2, "tre": 3,
	"quattro": 4, "cinque": 5, "två": 2, "fyra": 4, "fem": 5, "dois": 2, "três": 3, "quatro": 4,
}

const numWord = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|zwei|drei|vier|fünf|deux|trois|cinq|dos|tres|cuatro|cinco|twee|drie|vijf|due|tre|quattro|cinque|två|fyra|fem|dois|três|quatro`

var (
	// "3+ years", "3-5 years", "five (5) years", "at least 5 yrs", "3 Jahre", "3 ans", "3 años".
	yearsRe = lazyMustCompile(`(?i)(?:\b(` + numWord + `)\s*(?:\(\s*(\d{1,2})\s*\)\s*)?|(?:^|[^\d.,$€£])(\d{1,2}(?:\.5)?))\s*(?:-\s*)?(\+|plus|or more)?\s*` +
		`(?:(?:-|–|—|to|or|bis|à|a|tot|y|e)\s*(\d{1,2}|` + numWord + `)\s*\+?\s*)?` +
		`(?:years?|yrs?|jahre[n]?|ans|années|años|año|anos|ano|anni|anno|jaar|lat|lata|rok|roku|års?|år)(?:\b|$|[^\pL])(\+)?`)
	// What must follow (within a few words) or precede a years phrase to
	// make it experience; with "+" or "at least" no more is needed.
	expAfterRe  = lazyMustCompile(`(?i)^(?:'s|’s|'|’)?\s*(?:\+\s*)?(?:of\s+|in\s+|as\s+|with\s+|working\s+|at\s+|de\s+|d'|d’|of\s+(?:hands-on|relevant|professional|proven|progressive|prior)\s+)?(?:[\pL/&+#-]+\s+){0,5}?(?:experience|exp\b|expérience|experiencia|erfahrung|berufserfahrung|esperienza|experiência|erfarenhet|[\pL]*ervaring|doświadczenia|[\pL]*erfahrung|work(?:ing)?\b|track record|background)`)
	expBeforeRe = lazyMustCompile(`(?i)(?:experience|expérience|experiencia|experiência|esperienza|erfahrung|berufserfahrung|\bexp\.?)(?:\s+\pL+)?\s*(?:[:(]|of|de|di|von)?\s*(?:at least|almeno|pelo menos|al menos|minimum(?: of| de)?|mínim[ao] de|min\.?|over|more than|mindestens)?\s*$`)
	minBeforeRe = lazyMustCompile(`(?i)(?:pelo menos|at least|minimum(?: of)?|min\.?|over|more than|mindestens|au moins|al menos|plus de|más de)\s*$`)
	// "5-8 years in cloud security", "2 years of project coordination",
	// "3 years supporting WAN": experience unless the line speaks of the
	// company (companyRe).
	expLooseRe = lazyMustCompile(`(?i)^\s*(?:(?:of|in)\s+\pL|\pL+ing\b|(?:min\.?|minimum)(?:\W|$))`)
	companyRe  = lazyMustCompile(`(?i)\b(?:we|we've|we're|we’ve|we’re|our|us|founded|company|since|history|established)\b`)
	notExpRe   = lazyMustCompile(`(?i)^(?:'s|’s)?\s*(?:old|ago|history|in business|of history|of growth|running(?:\s*[.,;:!)]|\s*$)|warranty|contract|guarantee|runway|anniversary|young|since|later|from now|of age|of operation|in operation)\b`)
)

// monthsRe: "6+ months of customer support experience".
var monthsRe = lazyMustCompile(`(?i)\b(\d{1,2})\s*\+?\s*months?'?\s+(?:of\s+)?(?:[\pL/&+#-]+\s+){0,4}?(?:experience|exp\b)|` +
	`(?:minimum of|at least|min\.?)\s+(\d{1,2})\s*\+?\s*months?'?\s+(?:in|of|as|with)\b|` +
	`experience of (\d{1,2})\s*\+?\s*months?|` +
	`\b(\d{1,2})\s*[-–]\s*\d{1,2}\s*months?\s+(?:in|as)\b`)

// subReqRe: words before a years phrase that make it a part of an
// earlier one ("including 3+ years", "with at least 1 year as a lead",
// "dont 2 en B2G", "davon 2 Jahre").
var subReqRe = lazyMustCompile(`(?i)(?:including|incl\.?|with at least|with|of which|of them|dont|davon|de los cuales|waarvan)\s*(?:at least|a minimum of|minimum|min\.?)?\s*$`)

// cjkYearsRe: "3年以上" (three years or more) in a line about 経験/经验.
var cjkYearsRe = lazyMustCompile(`(\d{1,2})\s*年以上`)

// decadeRe: "over a decade of product experience" is 10 years.
var decadeRe = lazyMustCompile(`(?i)\b(?:over|more than|at least|nearly)?\s*(a|one|two)\s+decades?\s+(?:of\s+)?(?:[\pL/&+#-]+\s+){0,4}?(?:experience|in\b|building|leading|working)`)

// ExperienceFromText returns the fewest years of experience text asks
// for: "3+ years" and "at least 3 years" are 3, "3-5 years" is 3, "five
// years" 5, "1.5 years" 1.5. A years phrase counts when the words after
// it mention experience ("years of experience", "years of hands-on
// product experience", "years working in…"), or when it has "+" or
// "at least"/"minimum" and is followed by "in", "of", "as" ("5+ years in
// product management"). Company ages ("founded 20 years ago", "10 years
// of history") do not count. 0 when none is stated.
func ExperienceFromText(text string) float64 {
	best := 0.0
	for _, line := range strings.Split(text, "\n") {
		low := strings.ToLower(line)
		if strings.Contains(low, "month") {
			for _, m := range monthsRe.FindAllStringSubmatch(line, -1) {
				n, _ := strconv.ParseFloat(m[1]+m[2]+m[3]+m[4], 64)
				if n > 0 && n < 24 && (best == 0 || n/12 < best) {
					best = math.Round(n/12*100) / 100
				}
			}
		}
		if strings.Contains(line, "年以上") && (strings.Contains(line, "経験") || strings.Contains(line, "经验")) {
			for _, m := range cjkYearsRe.FindAllStringSubmatch(line, -1) {
				if n, _ := strconv.ParseFloat(m[1], 64); n > 0 && n <= 40 && (best == 0 || n < best) {
					best = n
				}
			}
		}
		if strings.Contains(low, "decade") {
			if m := decadeRe.FindStringSubmatch(line); m != nil {
				n := 10.0
				if strings.EqualFold(m[1], "two") {
					n = 20
				}
				if best == 0 || n < best {
					best = n
				}
			}
		}
		if !mayHoldYears(low) {
			continue // yearsRe cannot match: spare the costliest regexp
		}
		// Whether the sentence speaks of the company: read once a
		// sentence (up to 300 bytes around), so that a long line of "N
		// years in …" stays linear.
		companyAt, companyOK := -1, false
		company := func(at int) bool {
			s := strings.LastIndex(line[max(0, at-300):at], ". ")
			if s < 0 {
				s = max(0, at-300)
			} else {
				s += max(0, at-300) + 2
			}
			if s != companyAt {
				e := strings.Index(line[at:min(len(line), at+300)], ". ")
				if e < 0 {
					e = min(len(line), at+300)
				} else {
					e += at
				}
				companyAt, companyOK = s, companyRe.MatchString(line[s:e])
			}
			return companyOK
		}
		seenInLine := false
		for _, m := range yearsRe.FindAllStringSubmatchIndex(line, -1) {
			get := func(g int) string {
				if m[2*g] < 0 {
					return ""
				}
				return line[m[2*g]:m[2*g+1]]
			}
			var n float64
			switch {
			case get(2) != "":
				n, _ = strconv.ParseFloat(get(2), 64)
			case get(1) != "":
				n = numberWords[strings.ToLower(get(1))]
			default:
				n, _ = strconv.ParseFloat(get(3), 64)
			}
			if n <= 0 || n > 40 {
				continue
			}
			after := line[m[1]:min(len(line), m[1]+100)]
			before := line[:m[0]+1]
			if m[2*3] >= 0 {
				before = line[:m[2*3]]
			} else if m[2*1] >= 0 {
				before = line[:m[2*1]]
			}
			before = tail(before, 60)
			plus := get(4) != "" || get(6) != ""
			// "8+ years in product, including 3+ years managing PMs": the
			// second is part of the first, not a lower minimum.
			if seenInLine && subReqRe.MatchString(before) {
				continue
			}
			if notExpRe.MatchString(after) {
				continue
			}
			// "5+ years" and "at least 5 years" are experience unless
			// they are a company's age (checked above).
			ok := expAfterRe.MatchString(after) || expBeforeRe.MatchString(before) ||
				plus || minBeforeRe.MatchString(before) ||
				expLooseRe.MatchString(after) && !company(m[0])
			if !ok {
				continue
			}
			seenInLine = true
			if best == 0 || n < best {
				best = n
			}
		}
	}
	return best
}

// Education levels, lowest first.
var educationRank = map[string]int{"secondary": 1, "associate": 2, "bachelor": 3, "master": 4, "doctorate": 5}

var (
	eduRes = []struct {
		level string
		re    *lazyRE
	}{
		{"secondary", lazyMustCompile(`(?i)\b(high school|high-school|secondary school|secondary education|GED|A-levels?|GCSEs?|BTEC|NVQ|level 3 (?:qualification|diploma)|matura|abitur|baccalauréat|diploma de bachillerato|ensino médio|scuola superiore|diploma di maturità|mbo-niveau|mbo-opleiding|mbo 4|mbo-4|mbo niveau)\b`)},
		{"associate", lazyMustCompile(`(?i)\b(associate'?s? degree|associate'?s? or bachelor|associate’s degree|associates degree|associate of (?:arts|science|applied science)|two-year degree|2-year degree|FP Superior|FP de grado superior|grado superior|ciclo formativo de grado superior|HND)\b`)},
		{"bachelor", lazyMustCompile(`(?i)\b(bachelor'?s?|bachelor’s|bachelors|undergraduate degree|university degree|college degree|4-year degree|four-year degree|b\.?\s?sc\b|b\.s\.|b\.a\.|BS/BA|BA/BS|BS or BA|BA or BS|BS in|BA in|BSc|BEng|B\.Eng|B\.?Tech|Licenciatura|Hochschulabschluss|Studium|Bac\s?\+\s?[34]|laurea triennale|graduate\s*/\s*post-?graduate|graduate in any (?:discipline|stream|field)|graduates? (?:from|in|of) any (?:stream|discipline|field)|any graduate|tertiary qualification|tertiary degree|a BS with|or a BS|BS degree|BS/MS|BSc/MSc|B\.S\./M\.S\.|BA/MA|grado en|titulación universitaria|titulo universitario|título universitario|ensino superior|curso superior|graduação|formação superior|superior complet[oa]|laurea in|BSN|hbo-opleiding|hbo- of wo|hbo/wo|hbo of wo|hbo-niveau|hbo-diploma|wykształcenie wyższe|studia wyższe|ingeniero|ingeniera|ingeniero/a|titulado|titulada|titulado/a|licenciado|licenciada)\b`)},
		{"master", lazyMustCompile(`(?i)\b(master'?s?(?: degree| in| of| en)|master [12]\b|masterstudium|master-studium|wo-opleiding|wo-niveau|mestrado|master’s|(?:a|or|and) master's|master's (?:or|and)|MS or|MS/|M\.S\. or|masters degree|MBA|M\.?Sc|M\.S\.|MS in|MA in|M\.A\.|MEng|M\.Eng|graduate degree|postgraduate degree|advanced degree|Bac\s?\+\s?5|laurea magistrale|máster|MSN)\b`)},
		{"doctorate", lazyMustCompile(`(?i)\b(ph\.?\s?d\.?|doctorate|doctoral degree|doctoral|DPhil|dottorato|doctorat|doctorado|doutorado|pharm\.?\s?d|doctor of (?:pharmacy|medicine|nursing practice|physical therapy|osteopathic medicine)|DNP)\b`)},
	}
	degreeRe   = lazyMustCompile(`(?i)\bdegree\b`)
	noDegreeRe = lazyMustCompile(`(?i)\b(no degree|degree(?: is)? not required|without a degree|degree not necessary|don't need a degree|do not need a degree|no college degree|no university degree|regardless of degree)\b`)
)

// EducationFromText returns the lowest degree text asks for:
// "secondary", "associate", "bachelor", "master" or "doctorate"; "" when
// none. "Bachelor's required, Master's preferred" is bachelor; a bare
// "degree in Computer Science" is bachelor; "MBA a plus" alone is
// master. A line saying no degree is needed is skipped. "Associate" or
// "Master" alone (Associate Product Manager, Scrum Master) is not a
// degree.
func EducationFromText(text string) string {
	best := ""
	take := func(l string) {
		if best == "" || educationRank[l] < educationRank[best] {
			best = l
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if !hasEducationWord(line) {
			continue // no match of eduRes, degreeRe or noDegreeRe can be in it
		}
		if noDegreeRe.MatchString(line) {
			continue
		}
		found := false
		for _, e := range eduRes {
			if e.re.MatchString(line) {
				take(e.level)
				found = true
			}
		}
		if !found && degreeRe.MatchString(line) && !strings.Contains(strings.ToLower(line), "degrees of") &&
			!strings.Contains(strings.ToLower(line), "360 degree") && !strings.Contains(strings.ToLower(line), "360-degree") {
			take("bachelor")
		}
	}
	return best
}

var (
	hybridRe  = lazyMustCompile(`(?i)\b(?:hybrid|hybride|hybrides|hybrider|hybridem|híbrido|híbrida|hybrydowa|hybrydowy|hybrydowo|ibrido|ibrida)\b(\s+(cloud|app|apps|mobile|infrastructure|multi-cloud|vehicles?|engines?|integration|architecture|environments? (?:on|across)|model(?:s|ing)? (?:of|for) (?:ml|ai)))?`)
	daysOffRe = lazyMustCompile(`(?i)\b([1-4]|one|two|three|four)\s*(?:-\s*[1-4]\s*)?days?\s*(?:a|per|each|/)?\s*(?:week)?\s*(?:in|at|from)\s*(?:the|our)?\s*(?:\pL+\s+)?(?:office|hq|studio)|(?:office|hq|studio)\s*,?\s*(?:at least\s+|a minimum of\s+)?([1-4]|one|two|three|four)\s*days?\s*(?:/|a|per)\s*week|\b([1-4]|one|two|three|four)\s*days?\s*(?:a week\s*|per week\s*)?(?:on[- ]?site|in office|in the office)\b`)
	// "2 days a week in Bristol", "週2日出社".
	daysCityRe = lazyMustCompile(`\b(?:[1-4]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our)\s*days?\s*(?:a|per|each|/)\s*week\s*(?:in|at)\s+\p{Lu}|週[1-4１-４]日(?:出社|出勤)`)
	// "2 jours de télétravail par semaine", "bis zu 2 Tage Homeoffice",
	// "Smart working 2 giorni", "Tue–Thu in the office".
	daysRemoteRe = lazyMustCompile(`(?i)\b([1-4]|one|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|due|tre|quattro|een|twee|drie|vier)\s*(?:-\s*[1-4]\s*)?(?:days?|tage?n?|jours?|días|giorni|dni|dagen|dag)\s*(?:de\s+|of\s+|per week\s+|a week\s+)?(?:remote|remotely|homeoffice|home office|home-office|mobiles arbeiten|mobile arbeit|mobilem arbeiten|télétravail|teletrabajo|from home|wfh|smart working|zdalnie|pracy zdalnej|thuis|thuiswerken)|(?:télétravail|teletrabajo|homeoffice|home office|remote|thuiswerken)\s*:?\s*(?:de\s*)?[1-4]\s*(?:jours?|días|tage?|days?|dagen)|\b\d{2}\s?%\s*(?:in the office|from home|remote|remotely|im büro|op kantoor)|\bsmart working\s+(?:[1-4]|due|tre)\s+giorni`)
	// "3 jours au bureau", "2 Tage im Büro", "twee dagen op kantoor".
	daysBureauRe     = lazyMustCompile(`(?i)\b([1-4]|deux|trois|quatre|zwei|drei|vier|twee|drie|dos|tres|cuatro|due|tre)\s*(?:jours?|tage?n?|dagen|días|giorni|dni)\s*(?:au|en|im|op|in|na|w|z|de|a)?\s*(?:le |het |el |la |l')?(?:bureau|büro|kantoor|oficina|ufficio|biurze|biura)|z domova\s*[1-4]\s*dn|dni[eu]m? pracy zdalnej|(?:zwei|drei|[1-4])\s*tage?\s+(?:\pL+\s+){0,5}?(?:im\s+)?homeoffice|télétravail partiel|teletrabajo parcial|[1-4]\s*(?:home[- ]office|homeoffice|remote|wfh)\s*days?|(?:on-?site|in office|in-office)\s*[1-4]\s*(?:x|days?)\s*/?\s*(?:wk|week)|週[1-4１-４]日(?:まで)?(?:在宅|リモート)|(?:mobile working|remote working|working from home|work from home|home working)\s+(?:up to\s+)?[1-4](?:\s*-\s*[1-4])?\s*days?|télétravail occasionnel`)
	weekdaysOfficeRe = lazyMustCompile(`(?i)\b(mon|tue|tues|wed|thu|thur|thurs)[a-z]*\.?\s*(?:-|–|to|&|and)\s*(tue|wed|thu|fri)[a-z]*\.?\s*(?:in|at)\s*(?:the|our)?\s*(?:office|hq|studio)`)
	fullOfficeRe     = lazyMustCompile(`(?i)\b((?:5|five)[- ]day work ?week in (?:our|the)|office full[- ]time|in the office full[- ]time|in office five days|in office 5 days|in the office five days|100% on[- ]?site|fully on[- ]?site)\b`)
	remoteOrHybridRe = lazyMustCompile(`(?i)(?:teletrabajo|remoto|télétravail)[^.;\n]{0,40}\b(?:o|ou)\b[^.;\n]{0,20}\bh[íiy]brid|\b(?:fully )?remote\b[^.;\n]{0,60}\bor\b[^.;\n]{0,20}\bhybrid\b|\bhybrid\b[^.;\n]{0,60}\bor\b[^.;\n]{0,20}\b(?:fully )?remote\b`)
	notRemote        = lazyMustCompile(`(?i)\b(not (?:a )?remote|no remote|kein homeoffice|keine remote|kein remote|no home office|remote (?:work )?is not|isn't remote|is not remote|not (?:open to|available for) remote|not eligible for remote)\b`)
	remoteRe         = lazyMustCompile(`(?i)\b(fully remote|100% remote|remote-first|remote first|remote-friendly|remote position|remote role|remote job|remote opportunity|work remotely|working remotely|work from anywhere|work from home|work-from-home|wfh|remote \((?:[^)]{1,40})\)|remote - |remote,|location: remote|remote only|is remote|be remote|are remote|remote within|remote in the|remote across|remote anywhere|remote \x{2013}|remote-based|remote based|télétravail complet|100 % télétravail|vollständig remote|komplett remote|100% remoto|trabajo remoto|teletrabajo 100%|100% teletrabajo|full remote|en remoto|100% zdalnie|praca zdalna|100 % remote|télétravail total|full télétravail|100 % remoto|remote anywhere|w pełni zdaln|home office 100|100% home office|work-from-anywhere|home-based|home based|remote with|remote zu arbeiten|remote arbeiten|trabalho remoto|(?:modelo|modalidade|modalidad|regime|formato)(?: de trabalho| de trabajo)?\s*:\s*(?:100\s?%\s*)?remot[oa])|\b[Rr]emote in \p{Lu}|フルリモート|完全リモート|(?:^|[,;|·•]\s+)remote(?:\s*[,.;|)]|\s*$|\s+on\s)`)
	remoteLine       = lazyMustCompile(`(?i)^\s*(?:location|workplace|work model|work type|arrangement)?\s*:?\s*remote\.?\s*$`)
	onsiteRe         = lazyMustCompile(`(?i)\b(on-site role|onsite role|on-site position|onsite position|fully on-site|fully onsite|100% on-site|100% onsite|work on-site|work onsite|working on-site|working onsite|on-site 5 days|onsite 5 days|in-office role|office-based|office based|in the office five days|in the office 5 days|5 days a week in (?:the|our) office|five days a week in (?:the|our) office|this role is on-site|this role is onsite|this is an on-site|this is an onsite|this position is on-site|this position is onsite|in-person role|in person role|location: on-site|location: onsite|on-site at|onsite at|on-site in|onsite in|on site in|on site at|work on site|based on site|in-office position|in-office role|fully in-office|in office position|work from office|work from the office|wfo|vor ort|sur site|presencial|présentiel|on-site only|onsite only|on site daily|on-site daily|in the office daily|site-based|site based|op locatie|präsenz am standort|präsenzarbeit|in presenza|på plats|på kontoret)\b|\(on-?site\)|\bbased (?:in|at|out of) (?:our|the) (?:\pL+\s+){0,3}office\b|\bon[- ]?site\s*(?:[.;,]|$)|(?:^|[,;:|·•.]\s*|-\s+)(?:on[- ]?site|in-office|office-based)\s*(?:[,.;|)]|$|across\b)`)
)

// WorkplaceFromText returns "remote", "hybrid" or "onsite" from what
// text says of where the work is done; "" when it says nothing clear.
// "Hybrid" (not "hybrid cloud" or "hybrid app") and "N days a week in
// the office" (N < 5) are hybrid; an explicit "not remote" is onsite;
// remote needs a phrase about the role ("fully remote", "remote-first",
// "work from home", "Remote (US)", a line that says only "Remote"), not
// the word alone ("remote teams"); onsite needs a phrase about the role
// ("on-site role", "office-based", "5 days a week in the office").
func WorkplaceFromText(text string) string {
	// Each pattern is run only on the lines that may hold a match of it
	// (see workplacePattern): the regexps are the costliest step of
	// extraction. The text is split and lower-cased once for all.
	lower := strings.ToLower(text)
	lines := &lowerText{text: text, lower: lower}
	if hasAny(lower, []string{"hybrid", "híbrid", "hybryd", "ibrid"}) {
		for _, m := range hybridRe.FindAllStringSubmatch(text, -1) {
			if m[1] == "" {
				// "Remote within Germany, or hybrid from Berlin": remote is
				// on offer.
				if matchLines(lines, remoteOrHybrid) {
					return "remote"
				}
				return "hybrid"
			}
		}
	}
	if strings.Contains(lower, "day") && matchLines(lines, daysOff) {
		return "hybrid"
	}
	if matchLines(lines, daysRemote) || matchLines(lines, weekdaysOffice) || matchLines(lines, daysCity) ||
		matchLines(lines, daysBureau) {
		return "hybrid"
	}
	// A role the posting puts in the office full time, even at a
	// remote-first company.
	if matchLines(lines, fullOffice) {
		return "onsite"
	}
	if !strings.Contains(lower, "remot") && !hasAny(lower, onsiteWords) && !hasAny(lower, remoteWords) {
		return ""
	}
	if matchLines(lines, notRemoteP) {
		return "onsite"
	}
	if matchLines(lines, remoteP) || matchLines(lines, remoteLineP) {
		return "remote"
	}
	if matchLines(lines, onsiteP) {
		return "onsite"
	}
	return ""
}

// onsiteWords holds a word of every match of onsiteRe, lower-cased.
var onsiteWords = []string{"site", "office", "person", "vor ort", "presencial", "présentiel", "wfo", "op locatie", "präsenz", "presenza", "på plats", "kontoret"}

// remoteWords holds a word of every match of remoteRe, lower-cased.
var remoteWords = []string{"remot", "work from", "work-from", "wfh", "télétravail", "teletrabajo", "zdaln", "remote", "home office", "home-based", "home based", "リモート"}

// A workplacePattern is a regexp of WorkplaceFromText with the tests that
// spare running it on most lines. Both read a line lower-cased and only
// ever turn away lines where the regexp cannot match:
//   - words holds a word of every match (of old, the only test);
//   - may, when set, tells more closely whether a line may hold a match:
//     a number right before "days", one of the phrases of the regexp.
//
// They look for the lower-cased words of the regexp, which reads text
// case-insensitively; that holds for every letter but the long s (ſ),
// which the regexp takes for an s and ToLower keeps as it is, so may is
// not asked about a line with one. TestWorkplaceFilters checks both tests
// against their regexp on generated matches of it and on the test texts.
type workplacePattern struct {
	re    *lazyRE
	words []string
	may   func(low string) bool
}

var (
	remoteOrHybrid = workplacePattern{re: remoteOrHybridRe, words: []string{"remot", "teletrabajo", "télétravail"}}
	daysOff        = workplacePattern{re: daysOffRe, words: []string{"office", "hq", "studio", "site"},
		may: func(low string) bool { return numberThen(low, []string{"day"}, numberWords1to4, "") }}
	daysRemote = workplacePattern{re: daysRemoteRe,
		words: []string{"remot", "home", "mobil", "télétravail", "teletrabajo", "wfh", "smart working", "zdaln", "thuis", "%"},
		may: func(low string) bool {
			return strings.Contains(low, "%") || numberThen(low, dayWords, daysRemoteNumbers, "")
		}}
	weekdaysOffice = workplacePattern{re: weekdaysOfficeRe, words: []string{"office", "hq", "studio"},
		may: func(low string) bool {
			return hasAny(low, []string{"mon", "tue", "wed", "thu"}) && hasAny(low, []string{"tue", "wed", "thu", "fri"})
		}}
	daysCity = workplacePattern{re: daysCityRe, words: []string{"week", "週"},
		may: func(low string) bool {
			return strings.Contains(low, "週") || numberThen(low, []string{"day"}, numberWords1to4, "")
		}}
	daysBureau = workplacePattern{re: daysBureauRe,
		words: []string{"bureau", "büro", "kantoor", "oficina", "ufficio", "biur", "domova", "zdalnej", "home", "remote", "wfh", "site", "office", "週", "télétravail", "teletrabajo", "mobile"},
		may: func(low string) bool {
			// A word for the office or another of a phrase without one, or
			// a digit 1-4 and "day" or "week".
			return hasAny(low, []string{"bureau", "büro", "kantoor", "oficina", "ufficio", "biur", "domova", "zdalnej", "homeoffice", "partiel", "parcial", "occasionnel", "週"}) ||
				strings.ContainsAny(low, "1234") && hasAny(low, []string{"day", "wk", "week"})
		}}
	fullOffice = workplacePattern{re: fullOfficeRe, words: []string{"office", "site", "week"},
		may: func(low string) bool {
			return hasAny(low, []string{"work week", "workweek", "office full", "office five", "office 5", "% on", "fully on"})
		}}
	notRemoteP = workplacePattern{re: notRemote, words: []string{"remot", "homeoffice", "home office"},
		may: func(low string) bool { return hasAny(low, []string{"not", "no ", "kein", "isn't"}) }}
	remoteP = workplacePattern{re: remoteRe, words: remoteWords,
		may: func(low string) bool {
			return hasAny(low, []string{"remotely", "remoto", "remota", "work from", "work-from", "wfh", "télétravail", "teletrabajo", "zdaln",
				"home office", "home-based", "home based", "リモート"}) || remotePhrase(low)
		}}
	remoteLineP = workplacePattern{re: remoteLine, words: []string{"remote"}}
	onsiteP     = workplacePattern{re: onsiteRe, words: onsiteWords,
		may: func(low string) bool {
			return hasAny(low, []string{"onsite", "on-site", "on site", "sur site", "site-based", "site based", "office-based",
				"office based", "in-office", "in office", "in the office", "in our office", "from office", "from the office",
				"based ", "person role", "wfo", "vor ort", "presencial", "présentiel", "op locatie", "präsenz", "presenza",
				"på plats", "på kontoret"})
		}}
)

// Number words of the workplace patterns, and the words for days.
var (
	numberWords1to4   = []string{"one", "two", "three", "four"}
	daysRemoteNumbers = []string{"one", "two", "three", "four", "zwei", "drei", "vier", "deux", "trois", "quatre", "dos", "tres",
		"cuatro", "due", "tre", "quattro", "een", "twee", "drie"}
	dayWords = []string{"day", "tag", "jour", "día", "giorni", "dni", "dag"}
)

// remotePhrase reports whether low, a lower-cased line, has "remote" in
// one of the phrases of remoteRe: "fully remote", "remote-first", "remote
// (US)", "is remote", a "remote" followed by punctuation or nothing…
func remotePhrase(low string) bool {
	for off := 0; ; {
		i := strings.Index(low[off:], "remote")
		if i < 0 {
			return false
		}
		i += off
		before, after := low[:i], low[i+len("remote"):]
		for _, a := range remoteAfter {
			if strings.HasPrefix(after, a) {
				return true
			}
		}
		for _, b := range remoteBefore {
			if strings.HasSuffix(before, b) {
				return true
			}
		}
		// "…, remote" at the end of a line, or before punctuation or
		// "on". low may be a whole text (matchLines tries it first), where
		// a line's end is a line break, not the end of low.
		rest := strings.TrimLeft(after, " \t\f\r")
		if rest == "" || rest[0] == '\n' || strings.ContainsRune(",.;|)", rune(rest[0])) || strings.HasPrefix(rest, "on") {
			return true
		}
		off = i + 1
	}
}

// remoteAfter and remoteBefore are what follows and what comes before
// "remote" in the phrases of remoteRe that have it.
var (
	remoteAfter = []string{"-first", " first", "-friendly", " position", " role", " job", " opportunity", " (", " - ", ",",
		" only", " within", " in ", " across", " anywhere", " \u2013", "-based", " based", " with", " zu arbeiten", " arbeiten"}
	remoteBefore = []string{"fully ", "100% ", "100 % ", "location: ", "is ", "be ", "are ", "vollständig ", "komplett ", "full "}
)

// numberThen reports whether low, a lower-cased line, has one of units
// right after, but for spaces (\s of a regexp), a number: a digit, one
// of marks, or a word ending with one of ends. Anything beyond ASCII
// there counts as a number too (yes when unsure).
func numberThen(low string, units, ends []string, marks string) bool {
	for _, u := range units {
		for off := 0; ; {
			i := strings.Index(low[off:], u)
			if i < 0 {
				break
			}
			if numberBefore(low[:off+i], ends, marks) {
				return true
			}
			off += i + 1
		}
	}
	return false
}

// numberBefore reports whether s, the lower-cased line before a unit,
// may end with a number: after spaces (\s of a regexp), a digit, one of
// marks, a word ending with one of ends, or anything not ASCII (yes when
// unsure).
func numberBefore(s string, ends []string, marks string) bool {
	s = strings.TrimRight(s, " \t\n\f\r")
	if s == "" {
		return false
	}
	switch c := s[len(s)-1]; {
	case c >= '0' && c <= '9', strings.IndexByte(marks, c) >= 0, c >= utf8.RuneSelf:
		return true
	case c < 'a' || c > 'z':
		return false
	}
	// The word the line ends with: ASCII letters, or anything beyond
	// ASCII, which may fold to a letter of a number word.
	w := len(s)
	for w > 0 && (s[w-1] >= 'a' && s[w-1] <= 'z' || s[w-1] >= utf8.RuneSelf) {
		w--
	}
	word := s[w:]
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			return true
		}
	}
	for _, n := range ends {
		if strings.HasSuffix(word, n) {
			return true
		}
	}
	return false
}

// lowerText is a text, its lower-cased copy, and both split into lines
// when first needed.
type lowerText struct {
	text, lower string
	lines       []lowerLine
}

// lowerLine is a line of a text and the same line lower-cased.
type lowerLine struct{ line, low string }

// mayMatch reports whether p's tests let low, a lower-cased line or
// text, through.
func (p workplacePattern) mayMatch(low string) bool {
	if p.may != nil && !p.may(low) && !strings.Contains(low, "ſ") {
		return false
	}
	return hasAny(low, p.words)
}

// matchLines reports whether p's regexp matches a line of t that p's
// tests let through. A text whose every line they turn away they turn
// away as a whole (what they look for in a line, they find in the text,
// a line break being a space to numberThen), which spares splitting it.
func matchLines(t *lowerText, p workplacePattern) bool {
	if !p.mayMatch(t.lower) {
		return false
	}
	if t.lines == nil {
		// ToLower maps rune by rune and never makes or removes a "\n", so
		// the lines pair up.
		ls, lows := strings.Split(t.text, "\n"), strings.Split(t.lower, "\n")
		t.lines = make([]lowerLine, len(ls))
		for i := range ls {
			t.lines[i] = lowerLine{ls[i], lows[i]}
		}
	}
	for _, l := range t.lines {
		if p.mayMatch(l.low) && p.re.MatchString(l.line) {
			return true
		}
	}
	return false
}

// hasAny reports whether s contains any of subs.
func hasAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// yearUnits are the unit words of yearsRe in lower case: a line with
// none of them cannot hold a years phrase. Every unit yearsRe reads
// starts with one of them.
var yearUnits = []string{"year", "yr", "jahr", "ans", "année", "año", "ano", "anni", "anno", "jaar", "lat", "rok", "år"}

// yearsNumberEnds are the words a number of yearsRe, or what may follow
// the number, ends with: its number words, "plus" and "or more".
var yearsNumberEnds = append(strings.Split(numWord, "|"), "plus", "more")

// mayHoldYears reports whether low, a lower-cased line, may hold a match
// of yearsRe. A match ends with a unit (yearUnits) that follows, but for
// spaces, a number ("3", "five"), "+", "plus", "or more", "-" (as in "3-
// years") or ")" (as in "five (5) years"). Most lines with a unit have
// none of these before it ("plans", "platform", "planning", "years of
// history"), and reading such a line costs a small part of running
// yearsRe on it. The test only ever says yes when unsure:
// TestMayHoldYears and FuzzFactsReference check it against yearsRe.
func mayHoldYears(low string) bool {
	if strings.Contains(low, "ſ") {
		// yearsRe reads the long s as "s" (case folding), but ToLower
		// leaves it as it is: fall back to the units alone.
		return hasAny(low, yearUnits)
	}
	return numberThen(low, yearUnits, yearsNumberEnds, "+-)")
}

// educationWords holds, lower-cased, a word of every match of eduRes,
// degreeRe and noDegreeRe, split as hasEducationWord splits ("B.Sc" gives
// "b" and "sc"; "Ph.D" gives "ph").
var educationWords = map[string]bool{
	"school": true, "secondary": true, "ged": true, "level": true, "levels": true, "matura": true, "abitur": true,
	"baccalauréat": true, "bachillerato": true, "associate": true, "associates": true, "degree": true,
	"degrees": true, "bachelor": true, "bachelors": true, "undergraduate": true, "b": true, "bs": true, "ba": true,
	"bsc": true, "beng": true, "btech": true, "licenciatura": true, "hochschulabschluss": true, "studium": true,
	"bac": true, "laurea": true, "master": true, "masters": true, "mba": true, "m": true, "ms": true, "ma": true,
	"msc": true, "meng": true, "ph": true, "phd": true, "doctorate": true, "doctoral": true, "dphil": true,
	"máster": true, "graduate": true, "graduates": true, "grado": true, "titulación": true, "titulo": true, "título": true,
	"ensino": true, "curso": true, "graduação": true, "hbo": true, "wo": true, "fp": true, "gcse": true, "gcses": true,
	"btec": true, "nvq": true, "mestrado": true, "hnd": true, "mbo": true, "scuola": true, "maturità": true,
	"wykształcenie": true, "studia": true, "masterstudium": true, "tertiary": true, "any": true, "dottorato": true, "doctorat": true, "doctorado": true, "doutorado": true,
	"ingeniero": true, "ingeniera": true, "titulado": true, "titulada": true, "licenciado": true, "licenciada": true,
	"formação": true, "superior": true, "bsn": true, "msn": true, "pharm": true, "pharmd": true, "doctor": true, "dnp": true,
}

func hasEducationWord(line string) bool {
	for w := range strings.FieldsFuncSeq(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if educationWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

var employmentRes = []struct {
	kind string
	re   *lazyRE
}{
	{"internship", lazyMustCompile(`(?i)\b(internship|intern\b|interns\b|praktikum|stage de fin d'études|stage de|stagiaire|co-op|estágio|estagiário|estagiária|staż|stażysta|stażystka|tirocinio|pasantía)`)},
	{"part_time", lazyMustCompile(`(?i)\b(part-time|part time|parttime|teilzeit|temps partiel|media jornada|medio tiempo|werkstudent|working student|minijob|deltid|0\.\d\s*fte|\d{1,2}\s*-\s*\d{1,2} hours (?:per|a) week)\b|(?:^|[^\d.,])(?:[1-9]|[12]\d) hours (?:per|a) week`)},
	{"contract", lazyMustCompile(`(?i)\((?:b2b|pj|incorporated)\)|\b(contract role|contract position|contract basis|contract-to-hire|contract to hire|as a contractor|independent contractor|contractor role|contractor position|1099 contractor|freelance|freelancer|\d{1,2}[- ]months? contract|contract \(\d|1099|c2c|outside ir35|inside ir35|freiberuflich|contract length|\d{1,2}[- ]years? contract|umowa b2b|kontrakt b2b|modelo pj|contratação pj|contratação:\s*pj|regime pj|por honorarios|interim|contract \d{1,2} months?|modalidad contractor|corp-to-corp|type: contract|employment type: contract)\b`)},
	{"temporary", lazyMustCompile(`(?i)\b(temporary|temp role|seasonal|maternity cover|maternity leave cover|maternity leave coverage|parental leave cover|fixed-term|fixed term|\d{1,2}[- ]weeks? assignment|travel assignment|temp-to-perm|temp to perm|cdd|tempo determinato|contrato temporal|tijdelijk contract|locum|grant-funded|befristete?[nr]?|elternzeitvertretung|elternzeit-vertretung)\b`)},
	{"full_time", lazyMustCompile(`(?i)\b(full-time|full time|fulltime|permanent|vollzeit|temps plein|cdi|jornada completa|tiempo completo|pełny etat|pełen etat|tempo integral|heltid|fuld tid|fuldtid|tillsvidareanställning|fast stilling|tempo pieno|vast contract|vollzeit\pL*|(?:3[5-9]|40)(?:\.5)? (?:hours|uur|stunden) (?:per|a|pro) (?:week|woche)|hours:\s*(?:3[5-9]|40)(?:\.5)?)\b`)},
}

// partTimeRe is the part_time pattern of employmentRes.
var partTimeRe = func() *lazyRE {
	for _, e := range employmentRes {
		if e.kind == "part_time" {
			return e.re
		}
	}
	panic("no part_time pattern")
}()

var strongTemporaryRe = lazyMustCompile(`(?i)\b(fixed[- ]term|maternity (?:leave )?cover(?:age)?|parental leave cover(?:age)?|befristete?[nr]?)\b`)

var titleContractRe = lazyMustCompile(`(?i)\b(contract|contractor|freelance)\b`)

var internshipRe = lazyMustCompile(`(?i)\b(internship|praktikum|estágio|staż|stażysta|tirocinio|stage de fin d'études|stage de \d)`)

// EmploymentFromText returns the employment type text states:
// "full_time", "part_time", "contract", "temporary" or "internship", ""
// when it states none. The title is read first ("Product Intern",
// "Contract Product Owner"), then the text, where the earliest phrase
// wins. "Contract" alone is not enough (contract negotiation is a
// skill): it takes "contract role", "contractor", "6-month contract",
// "freelance"…
func EmploymentFromText(title, text string) string {
	for _, e := range employmentRes {
		if e.re.MatchString(title) {
			return e.kind
		}
	}
	if titleContractRe.MatchString(title) {
		return "contract"
	}
	lower := strings.ToLower(text)
	// A fixed term or a cover is temporary however the post calls itself:
	// "6-month fixed-term contract", "12-month contract (maternity leave
	// coverage)".
	if hasAny(lower, []string{"fixed", "maternity", "parental", "befrist"}) && strongTemporaryRe.MatchString(text) {
		return "temporary"
	}
	// "Permanent part-time": part time; "permanent" says how long, not
	// how many hours.
	if hasAny(lower, employmentWords["part_time"]) && partTimeRe.MatchString(text) &&
		!hasAny(lower, []string{"full-time", "full time", "fulltime", "vollzeit", "temps plein"}) {
		return "part_time"
	}
	return employmentByPatterns(text, lower, true)
}

// employmentByPatterns returns the kind whose pattern matches text
// earliest. With prefilter, a pattern runs only when the text has a word
// it needs: the regexps are slow on long text.
func employmentByPatterns(text, lower string, prefilter bool) string {
	best, at := "", -1
	for _, e := range employmentRes {
		if prefilter && !hasAny(lower, employmentWords[e.kind]) {
			continue
		}
		if e.kind == "internship" {
			// "intern" in prose (mentoring interns) says little of this role.
			if loc := internshipRe.FindStringIndex(text); loc != nil && (at < 0 || loc[0] < at) {
				best, at = e.kind, loc[0]
			}
			continue
		}
		if loc := e.re.FindStringIndex(text); loc != nil && (at < 0 || loc[0] < at) {
			best, at = e.kind, loc[0]
		}
	}
	return best
}

// employmentWords holds, lower-cased, a part of every phrase each
// pattern of employmentRes matches in text (TestEmploymentPrefilter
// checks that no labelled posting reads differently without them).
var employmentWords = map[string][]string{
	"internship": {"internship", "praktikum", "estágio", "staż", "tirocinio", "stage de"},
	"part_time": {"part", "teilzeit", "partiel", "media jornada", "medio tiempo", "werkstudent", "working student",
		"minijob", "deltid", "fte", "hours"},
	"contract": {"contract", "freelance", "1099", "c2c", "corp-to-corp", "ir35", "b2b", "(pj)", "pj", "honorarios",
		"interim", "type:", "freiberuflich", "incorporated"},
	"temporary": {"temp", "seasonal", "cover", "fixed", "assignment", "cdd", "determinato", "temporal", "tijdelijk",
		"locum", "grant-funded", "befrist", "elternzeit", "maternity", "parental"},
	"full_time": {"full", "permanent", "vollzeit", "temps plein", "cdi", "jornada completa", "tiempo completo",
		"etat", "tempo integral", "heltid", "fuld", "tillsvidare", "fast stilling", "tempo pieno", "vast contract",
		"hours", "uur", "stunden"},
}
