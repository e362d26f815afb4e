package extract

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Salary written in a description.
//
// SalaryFromText reads the base pay a posting states in prose: an amount
// or a range with a currency (a sign before or after it, or an ISO code),
// optionally "k", and a period. What it returns and why:
//   - A currency is required: "10-15 hours per week", "travel 80%",
//     "401(k)" and "70,000+ companies" have none and are not pay.
//   - Amounts with a scale of millions or billions ("$200B", "$3M") and
//     amounts next to words of other money (bonus, equity, stock, RSU,
//     commission, budget, stipend, allowance, relocation, spend, revenue,
//     funding, raised, valuation, 401k match…) are not base pay.
//   - A statement must look like pay: a pay word in its line or the line
//     before (salary, pay, compensation, base, range, wage, rate,
//     remuneration, Gehalt, salaire, sueldo…), a range with a stated
//     period, or an hourly or daily rate. "OTE" figures are not base pay.
//   - "up to $90k" gives Max only, "from €50k" Min only; a single amount
//     gives Min = Max.
//   - The period is read after the amount ("per year", "/hr", "an hour",
//     "p.a.", "monthly", "day rate", "pro Jahr", "par mois"…), else
//     before it ("hourly rate of", "annual salary", "monthly salary").
//     With no period stated, amounts of 10,000 or more are taken as
//     yearly; smaller ones keep no period and are not annualised; in
//     reais, złoty and Mexican pesos, whose postings state monthly pay,
//     amounts under 100,000 (300,000 pesos) are monthly. A period may
//     follow each amount of a range: "$93,500/yr - $137,500/yr".
//     Annualising multiplies an hour by 2080, a day by 260, a week by 52
//     and a month by 12.
//   - Several statements: one on a line naming base pay (salary,
//     compensation, wage…, or the line before) beats one that only has a
//     period ("Tuition support up to $5,000 a year"); then the first
//     statement in prefer (the currency of the posting's location, if
//     known) wins; else the first one.
//     "$" is USD unless prefer is another dollar (CAD, AUD, NZD, SGD,
//     HKD), which it then is, or a code of a currency written "$" stands
//     next to it or alone in the line: "CAD $120,000 - $140,000",
//     "$45,000 - $55,000 MXN", "$120k - $135k + super (AUD)".
//   - The period may also come later in the statement ("PLN netto + VAT
//     miesięcznie"), or before it in Japanese (年収, 月給, 時給); "万" is
//     ten thousand and 円 the yen.
//   - A range of yearly-salary-sized amounts (10,000 to 1,000,000) that
//     starts its line or list item is pay without a pay word ("- €55k–€65k
//   - 30 days off" under Perks); "Stipend: $X" labels pay, though a
//     stipend is other money elsewhere; amounts by ad metrics (CPA, CPC,
//     ROAS…) are not pay.
//   - A single amount with its period stated counts when it is a
//     salary's size (10,000 a year or more annualised): "Starting at
//     $52,000/year". Under 3,000 a year annualised is never a salary;
//     single amounts on a "Perks:" or "Benefits:" line are not pay.
//     "FTE", "pro rata", RAL (Italian gross yearly pay) and Swedish
//     "månadslön" mark pay lines.
//   - "DOE", "competitive", "negotiable" and the like state no amount:
//     the result is nil.
//   - Numbers: "120,000", "120.000" and "120 000" are thousands;
//     "120'000" too (Swiss); "45.50" and "45,50" decimals; "12,00,000" an Indian grouping;
//     "12-18 LPA" and "lakh" are hundreds of thousands of rupees a year.
//
// Salary.Text keeps the statement as written (the amounts and the
// period, up to 200 bytes).
func SalaryFromText(text, prefer string) *Salary {
	if len(text) == 0 {
		return nil
	}
	// best[rank]: the first statement of each rank; a lower rank wins.
	// Rank 0: a salary word and the preferred currency; 1: a salary word;
	// 2: only a period and the preferred currency; 3: only a period. So
	// "Tuition support up to $5,000 a year" in the benefits loses to
	// "The base salary range is $120,000–$145,000" further down.
	var best [4]*Salary
	lines := strings.Split(text, "\n")
	prev := ""
	for _, line := range lines {
		found := salariesInLine(line, prev, prefer)
		strong := len(found) > 0 && (salaryRe.MatchString(line) || salaryRe.MatchString(prev))
		for _, s := range found {
			rank := 3
			if strong {
				rank = 1
			}
			if prefer == "" || s.Currency == prefer {
				rank--
			}
			if best[rank] == nil {
				best[rank] = s
			}
		}
		if best[0] != nil {
			break
		}
		if strings.TrimSpace(line) != "" {
			prev = line
		}
	}
	for _, s := range best {
		if s != nil {
			return s
		}
	}
	return nil
}

// salaryRe finds words that name base pay itself, not just a period.
var salaryRe = lazyMustCompile(`(?i)\b(salary|salaries|base pay|basic salary|basic|stundensatz|pay range|pay rate|compensation|wage|wages|remuneration|gehalt|jahresgehalt|vergütung|salaire|rémunération|sueldo|salario|retribución|stipendio|retribuzione|ral|vencimento|løn|lønn|mzda|salaris|lön|[\pL]*lön|ctc|wynagrodzenie|pensja|salário|remuneração|[\pL]*gehalt)\b|年収|月給|時給|日給|給与|年薪|月薪|薪资|薪酬|연봉|월급|급여`)

// A money token: optional currency before, a number, optional scale,
// optional currency after. The number allows 1,234,567 / 1.234.567 /
// 1 234 567 (with NBSP or narrow NBSP too) / 12,00,000 / 45.50.
var moneyRe = lazyMustCompile(`(?i)` +
	`(?P<pre>(?:USD|CAD|AUD|NZD|SGD|HKD|MXN|BRL|EUR|GBP|JPY|INR)[ ]?[$€£¥₹]|US\$|USD|CA\$|C\$|CAD|AU\$|A\$|AUD|NZ\$|NZD|S\$|SGD|HK\$|HKD|R\$|BRL|EUR|GBP|CHF|INR|JPY|SEK|NOK|DKK|PLN|ZAR|MXN|COP|MYR|RM|AED|CNY|RMB|PHP|SAR|KES|NGN|ILS|CZK|HUF|KRW|Rs\.?|[$€£¥₹₦₪])?` +
	`[ \x{00A0}\x{202F}]?` +
	`(?P<num>\d{1,3}(?:,\d{2})+,\d{3}|\d{1,3}(?:[,.](?:\d{3}))+|\d{1,3}(?:['’]\d{3})+|\d{1,3}(?:[ \x{00A0}\x{202F}]\d{3})+|\d+)(?P<dec>[.,]\d{1,2})?` +
	`(?P<scale>[ ]?(?:k|K|thousand|lakhs?|lacs?|Lacs?|LPA|lpa|m|M|mm|MM|mn|million|bn|b|B|billion)\b|万|만)?` +
	`(?P<post>[ \x{00A0}]?(?:€|£|\$|¥|₹|₦|₪|円|원|元|kr\b|zł|Kč|Ft\b|(?:PHP|SAR|KES|NGN|ILS|CZK|HUF|KRW|USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SEK|NOK|DKK|PLN|NZD|SGD|ZAR|MXN|BRL|COP|MYR|AED|CNY|RMB)\b|euros?\b|dollars?\b|pounds?\b))?`)

// The groups of moneyRe, by number: asking moneyRe.SubexpIndex when the
// package loads would compile it then (TestMoneyGroups checks them).
const (
	moneyPre   = 1
	moneyNum   = 2
	moneyDec   = 3
	moneyScale = 4
	moneyPost  = 5
)

// maxAmountsPerLine bounds the amounts read in one line: a paragraph
// with more than this is a price list or junk, not a pay statement, and
// reading every amount of a 1 MiB line of them would take seconds.
const maxAmountsPerLine = 64

// money is one amount found in a line.
type money struct {
	s, e     int // byte offsets in the line
	amount   float64
	currency string
	k        bool // had a "k" (or lakh) scale
	big      bool // millions or billions: not pay
	lakh     string
	explicit bool // the number had a currency of its own
	kr       bool // its currency is "kr", which Danes and Norwegians write too
	bare     bool // its currency is a bare "$", which other dollars and pesos write too
}

var currencyCodes = map[string]string{
	"US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD", "AU$": "AUD", "A$": "AUD", "AUD": "AUD",
	"NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD", "R$": "BRL", "BRL": "BRL",
	"EUR": "EUR", "EURO": "EUR", "EUROS": "EUR", "GBP": "GBP", "POUND": "GBP", "POUNDS": "GBP", "CHF": "CHF",
	"INR": "INR", "RS": "INR", "RS.": "INR", "JPY": "JPY", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN",
	"ZAR": "ZAR", "MXN": "MXN", "COP": "COP", "MYR": "MYR", "RM": "MYR", "AED": "AED", "CNY": "CNY", "RMB": "CNY", "PHP": "PHP", "SAR": "SAR",
	"KES": "KES", "NGN": "NGN", "₦": "NGN", "ILS": "ILS", "₪": "ILS", "CZK": "CZK", "KČ": "CZK", "HUF": "HUF",
	"FT": "HUF", "KRW": "KRW", "원": "KRW", "元": "CNY", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "ZŁ": "PLN", "KR": "SEK",
	"DOLLAR": "USD", "DOLLARS": "USD", "$": "USD", "円": "JPY",
}

// currencyMarkers are, lower-cased, the strings of which a line holding
// pay has at least one: every currency form moneyRe reads (currencyCodes)
// and the scales that imply rupees. Lines without one skip the regexps.
var currencyMarkers = func() []string {
	m := []string{"lakh", "lpa", "lac", "ft/", " ft ", "薪"}
	for k := range currencyCodes {
		if !slices.Contains(casedCodes, k) {
			m = append(m, strings.ToLower(k))
		}
	}
	return m
}()

// casedCodes are codes looked for in their own case only: in lower case
// they are parts of common words ("skills", "makes", "software").
var casedCodes = []string{"PHP", "SAR", "KES", "NGN", "ILS", "CZK", "HUF", "KRW", "FT", "COP", "MYR", "RM", "AED", "CNY", "RMB"}

func hasCurrencyMarker(line string) bool {
	if hasAny(strings.ToLower(line), currencyMarkers) {
		return true
	}
	return hasAny(line, casedCodes)
}

// minAmount: the smallest amount read in a currency whose code or sign
// is also a common word or unit.
var minAmount = map[string]float64{"PHP": 1000, "HUF": 10000, "KRW": 10000, "NGN": 1000}

var otherDollars = map[string]bool{"CAD": true, "AUD": true, "NZD": true, "SGD": true, "HKD": true}

// dollarSigns: currencies written with "$": a code of one of them next
// to a bare "$" amount, or alone in its statement, names the currency
// ("CAD $120,000", "$45,000 - $55,000 MXN", "$120k + super (AUD)").
var dollarSigns = map[string]bool{"USD": true, "CAD": true, "AUD": true, "NZD": true, "SGD": true, "HKD": true,
	"MXN": true, "BRL": true}

func currencyCode(tok, prefer string) string {
	t := strings.ToUpper(strings.TrimSpace(tok))
	if t == "" {
		return ""
	}
	if len(t) > 3 && strings.IndexAny(t, "$€£¥₹") > 0 {
		t = strings.TrimSpace(strings.TrimRight(t, "$€£¥₹")) // "CAD $": the code
	}
	c := currencyCodes[t]
	if (t == "$" || t == "DOLLAR" || t == "DOLLARS") && otherDollars[prefer] {
		return prefer
	}
	return c
}

// parseNumber reads the num and dec groups of moneyRe.
func parseNumber(num, dec string) (float64, bool) {
	n := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, num)
	if len(n) > 15 {
		return 0, false
	}
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return 0, false
	}
	if dec != "" {
		d, err := strconv.ParseFloat("0."+dec[1:], 64)
		if err == nil {
			f += d
		}
	}
	return f, true
}

func findMoney(line, prefer string) []money {
	var out []money
	for _, m := range moneyMatches(line, maxAmountsPerLine) {
		s, e := m[0], m[1]
		get := func(g int) string {
			if m[2*g] < 0 {
				return ""
			}
			return line[m[2*g]:m[2*g+1]]
		}
		// The number must not continue a word or a longer number: "A4",
		// "401(k)" (no currency anyway), "COVID-19".
		ns := m[2*moneyNum]
		if ns > 0 {
			r, _ := utf8.DecodeLastRuneInString(line[:ns])
			if isLetterOrDigit(r) && get(moneyPre) == "" && !noSpaceScript(r) {
				continue
			}
		}
		if e < len(line) {
			r, _ := utf8.DecodeRuneInString(line[e:])
			if isLetterOrDigit(r) {
				// "120k-150k" is fine (e at '-'); "12abc" is not a number.
				if get(moneyScale) == "" && get(moneyPost) == "" {
					continue
				}
			}
		}
		amount, ok := parseNumber(get(moneyNum), get(moneyDec))
		if !ok {
			continue
		}
		mo := money{s: s, e: e, amount: amount}
		switch sc := strings.ToLower(strings.TrimSpace(get(moneyScale))); sc {
		case "":
		case "k", "thousand":
			mo.amount *= 1000
			mo.k = true
		case "万", "만":
			mo.amount *= 10000
			mo.k = true
		case "lakh", "lakhs", "lac", "lacs", "lpa":
			mo.amount *= 100000
			mo.k = true
			mo.lakh = sc
			if mo.currency == "" {
				mo.currency = "INR"
			}
		default:
			mo.big = true
		}
		pre, post := currencyCode(get(moneyPre), prefer), currencyCode(get(moneyPost), prefer)
		switch {
		case pre != "" && strings.TrimSpace(get(moneyPre)) == "$" && dollarSigns[post]:
			mo.currency, mo.explicit = post, true // "$55,000 MXN"
		case pre != "":
			mo.currency, mo.explicit = pre, true
			mo.bare = strings.TrimSpace(get(moneyPre)) == "$"
		case post != "":
			mo.currency, mo.explicit = post, true
			mo.bare = strings.TrimSpace(get(moneyPost)) == "$"
		}
		if mo.lakh != "" && mo.currency == "" {
			mo.currency = "INR"
		}
		mo.kr = strings.EqualFold(strings.TrimSpace(get(moneyPost)), "kr")
		// Codes that are also words or units need a pay-sized amount:
		// "PHP 8" is the language, "6 ft" a height.
		if min, ok := minAmount[mo.currency]; ok && mo.amount < min {
			continue
		}
		out = append(out, mo)
	}
	return out
}

// moneyMatches returns what moneyRe.FindAllStringSubmatchIndex(line, n)
// does, at a fraction of the cost: moneyRe runs on a short window of the
// line around each number instead of searching the line.
//
// Every match of moneyRe holds a number, and the first digit from where
// the search starts always begins a match (the currency and all after
// the number being optional). So the next match starts at that digit or
// before it, at a currency and a space before it (moneyBefore), and its
// number starts at the digit. Nothing of it lies further than moneyAfter
// bytes past the digits and separators that follow the digit. Within
// such a window the regexp finds what it would in the whole line: none
// of its assertions looks at the window's start, and no path of its
// search reaches the window's end unless that is the line's.
func moneyMatches(line string, n int) [][]int {
	var out [][]int
	for pos := 0; pos < len(line) && len(out) < n; {
		d := strings.IndexAny(line[pos:], "0123456789")
		if d < 0 {
			break
		}
		d += pos
		start := max(pos, d-moneyBefore(line[max(pos, d-maxMoneyBefore):d]))
		for start < d && !utf8.RuneStart(line[start]) {
			start++
		}
		end := d
		for end < len(line) && isNumberByte(line[end]) {
			end++
		}
		end = min(len(line), end+moneyAfter)
		for end < len(line) && !utf8.RuneStart(line[end]) {
			end++
		}
		m := moneyRe.FindStringSubmatchIndex(line[start:end])
		if m == nil {
			break // cannot be: a digit always begins a match
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += start
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// maxMoneyBefore is the most bytes a match of moneyRe has before its
// number: a code, a space and a sign ("HKD ₹", 9 bytes when the K is the
// Kelvin sign, which (?i) reads as K), then a narrow no-break space (3).
const maxMoneyBefore = 12

// moneyBefore returns how many bytes a match of moneyRe may have before
// a number that before follows: in plain ASCII without "$" or ".", where
// the currency can only be a code of up to three letters, four (the code
// and a space); else maxMoneyBefore. The regexp tries each of them as a
// start, which is most of its cost.
func moneyBefore(before string) int {
	for i := 0; i < len(before); i++ {
		if c := before[i]; c >= utf8.RuneSelf || c == '$' || c == '.' {
			return maxMoneyBefore
		}
	}
	return 4
}

// moneyAfter bounds the bytes of a match of moneyRe after its number's
// digits and separators, with a margin: a scale (" thousand", 10 bytes
// with ſ, which (?i) reads as s), a currency (" dollars", 10) and the
// rune a \b looks at (4).
const moneyAfter = 32

// isNumberByte reports whether b may be part of a number of moneyRe: a
// digit, a separator, or a byte of a rune beyond ASCII (narrow and
// no-break spaces, ’), which may be one.
func isNumberByte(b byte) bool {
	return b >= '0' && b <= '9' || b == ',' || b == '.' || b == '\'' || b == ' ' || b >= utf8.RuneSelf
}

// noSpaceScript reports whether r is of a script written without spaces
// between words, where a number may follow a letter: "年収600万円".
func noSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isLetterOrDigit(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Words that make an amount something other than base pay, looked for
// in the few words around it.
var notPayWords = map[string]bool{
	"bonus": true, "bonuses": true, "equity": true, "stock": true, "stocks": true, "rsu": true, "rsus": true,
	"options": true, "commission": true, "commissions": true, "budget": true, "budgets": true, "stipend": true,
	"stipends": true, "allowance": true, "allowances": true, "relocation": true, "reimbursement": true,
	"reimbursed": true, "spend": true, "spending": true, "revenue": true, "revenues": true, "arr": true,
	"funding": true, "raised": true, "raise": true, "valuation": true, "valued": true, "401k": true, "401(k)": true,
	"signing": true, "sign-on": true, "sign": true, "referral": true, "ote": true, "customers": true,
	"companies": true, "users": true, "gmv": true, "sales": true, "saved": true, "save": true, "savings": true,
	"fund": true, "invested": true, "investment": true, "grant": true, "credit": true, "credits": true,
	"voucher": true, "vouchers": true, "gift": true, "per-diem": true, "learning": true, "wellness": true,
	"home-office": true, "coworking": true, "prize": true, "award": true, "fee": true, "fees": true, "cost": true,
	"costs": true, "deductible": true, "premiums": true, "match": true, "matching": true, "tuition": true,
	"aktien": true, "prime": true, "variable": true, "packaging": true, "sacrifice": true,
	// advertising metrics: "a target CPA under $40"
	"cpa": true, "cpc": true, "cpm": true, "cpl": true, "cpi": true, "cac": true, "roas": true, "ltv": true,
	"arpu": true, "aov": true, "acv": true, "tcv": true, "mrr": true, "quota": true, "quotas": true, "deal": true,
	"deals": true, "pipeline": true,
}

// payWords make a line (or the line before it) a pay statement.
var payRe = lazyMustCompile(`(?i)\b(salary|salaries|pay|pays|paid|compensation|base|basic|stundensatz|range|wage|wages|rate|rates|earn|earning|remuneration|package|gehalt|jahresgehalt|vergütung|salaire|rémunération|sueldo|salario|retribución|stipendio|retribuzione|ral|tjm|lordo|lorda|vencimento|løn|lønn|mzda|bruttó|salaris|lön|[\pL]*lön|ctc|lpa|fte|pro rata|pro-rata|per annum|p\.?a\.?|annually|per year|a year|per hour|an hour|hourly|doe|pro jahr|brutto|gross|super|superannuation|wynagrodzenie|pensja|salário|remuneração|[\pL]*gehalt)\b|年収|月給|時給|日給|給与|年薪|月薪|薪资|薪酬|연봉|월급|급여`)

// Period phrases, after or before the amount.
var (
	periodAfterRe = lazyMustCompile(`(?i)^[\s,.)]*(?:\(?\s*(?:gross|brutto|brut|bruts|bruto|brutos|bruta|brutas|netto|neto|base|before tax|pre-tax|usd|eur|gbp|cad|aud|chf)\b\s*\)?\s*)?` +
		`(?:(?:/|(?:per|an?|each|every|pro|par|al|por|le|la|im|om|pr)\b|p\.)\s*\.?\s*)?` +
		`(p\.?\s?a|par an|hó|havonta|hours?|hr|hrs|h|days?|d|weeks?|wk|wks|months?|mo|mos|mth|years?|yr|yrs|y|annum|annually|annual|yearly|monthly|weekly|daily|hourly|jahr|jahre|monat|monatlich|jährlich|stunde|stündlich|tag|année|mois|heure|jour|año|mes|mês|hora|día|maand|jaar|uur|månad|mån|år|lpa|mensuel|mensuelle|mensuels|annuel|annuelle|annuels|mensual|mensuales|anual|anuales|mensal|miesięcznie|rocznie|maandelijks|jaarlijks|měsíčně|hó|havonta|mensais|måneden|måned)(?:\b|[^\pL\pN]|$)`)
	// periodLaterRe finds a period word further on in the statement:
	// "20 000 - 26 000 PLN netto + VAT (B2B) miesięcznie".
	periodLaterRe = lazyMustCompile(`(?i)(?:^|[\s(/])(per month|a month|monthly|mensais|měsíčně|om måneden|per maand|monatlich|pro monat|im monat|par mois|al mes|por mes|por mês|miesięcznie|mensuel|mensuelle|mensual|mensal|per year|a year|per annum|annually|yearly|pro jahr|jährlich|par an|al año|rocznie|per hour|an hour|hourly|per day|a day|daily)\b`)
	// periodBeforeCJK: "年収 800万円" is a year, "月給" a month, "時給" an hour.
	periodBeforeCJK = lazyMustCompile(`(年収|月給|時給|日給|年薪|月薪|薪资|薪酬|연봉|월급|시급)[^\d]{0,12}$`)
	periodBeforeRe  = lazyMustCompile(`(?i)\b(hourly|per hour|daily|day rate|per day|weekly|monthly|per month|annual|annually|yearly|per year|per annum|jahresgehalt|monatsgehalt|stundenlohn|stundensatz|tagessatz|salaire annuel|salaire mensuel|sueldo mensual|sueldo anual|ctc|ral|tjm|månadslön|årslön|timlön)\b[^$€£¥₹\d]{0,40}$`)
)

func periodWord(w string) string {
	switch strings.ToLower(strings.TrimRight(w, ".")) {
	case "hour", "hours", "hr", "hrs", "h", "hourly", "per hour", "timlön", "시급", "stundensatz", "stunde", "stündlich", "stundenlohn", "heure", "hora", "uur", "an hour", "時給":
		return "hour"
	case "day", "days", "d", "daily", "day rate", "per day", "tjm", "tag", "tagessatz", "jour", "día", "a day", "日給":
		return "day"
	case "week", "weeks", "wk", "wks", "weekly":
		return "week"
	case "month", "months", "mo", "mos", "mth", "monthly", "per month", "monat", "monatlich", "monatsgehalt", "mois", "mes", "maand", "månad", "mån", "salaire mensuel", "sueldo mensual",
		"mês", "mensuel", "mensuelle", "mensuels", "mensual", "mensuales", "mensal", "miesięcznie", "maandelijks", "a month", "per maand",
		"pro monat", "im monat", "par mois", "al mes", "por mes", "por mês", "månadslön", "月給", "月薪", "薪资", "薪酬", "월급",
		"měsíčně", "hó", "havonta", "mensais", "måned", "måneden", "om måneden", "per måned", "mesečno":
		return "month"
	case "year", "years", "yr", "yrs", "y", "annum", "a", "annually", "annual", "yearly", "per year", "per annum", "jahr", "jahre",
		"jährlich", "jahresgehalt", "par an", "p.a", "pa", "p. a", "p a", "pa.", "année", "año", "jaar", "år", "lpa", "salaire annuel", "sueldo anual", "ctc",
		"annuel", "annuelle", "annuels", "anual", "anuales", "rocznie", "jaarlijks", "a year", "pro jahr", "al año", "ral", "årslön", "年収", "年薪", "연봉":
		return "year"
	}
	return ""
}

// statement is one pay statement found in a line.
type statement struct {
	lo, hi float64
	cur    string
	period string
	s, e   int
	rng    bool
}

// rangeSep matches what joins the two amounts of a range.
var rangeSepRe = lazyMustCompile(`(?i)^\s*(?:-|–|—|~|〜|～|to|and|bis|und|à|a|au|et|hasta|y|tot|en|til|do|até|e)\s*$`)

var (
	upToRe   = lazyMustCompile(`(?i)(?:^|[\s(:])(?:up to|upto|as much as|maximum of|max\.?|max of|bis zu|jusqu'à|hasta)\s*$`)
	fromRe   = lazyMustCompile(`(?i)(?:^|[\s(:])(?:mindestgehalt(?: von)?|mindestlohn(?: von)?|mindestens|from|starting at|starting from|starts at|at least|minimum of|min\.?|ab|à partir de|desde|vanaf)\s*$`)
	beforeWs = lazyMustCompile(`[\pL\pN()'’-]+`)
)

func salariesInLine(line, prev, prefer string) []*Salary {
	// "Kč" would read as a "K" scale: parse a copy with the code instead
	// (the same length, so offsets hold), keep the text as written.
	orig := line
	if strings.Contains(line, "Kč") {
		line = strings.ReplaceAll(line, "Kč", "CZK")
	}
	if !strings.ContainsAny(line, "0123456789") || !hasCurrencyMarker(line) {
		return nil // no amount, or none could have a currency: no pay
	}
	ms := findMoney(line, prefer)
	// Amounts without a currency are never pay, and only a "薪" gives
	// them one below: a line of only those (most lines with a number)
	// needs no more reading.
	if !slices.ContainsFunc(ms, func(m money) bool { return m.currency != "" }) && !strings.Contains(line, "薪") {
		return nil
	}
	payLine := payRe.MatchString(line) || payRe.MatchString(prev)
	label := lineLabel(line)
	if payLabels[label] {
		payLine = true
	}
	// A code standing alone in the line names the currency of its bare
	// "$" amounts: "$120k - $135k + super (AUD)".
	code := ""
	if strings.Contains(line, "$") {
		for _, c := range codeRe.FindAllString(line, -1) {
			c = strings.ToUpper(c)
			if !dollarSigns[c] || code != "" && code != c {
				code = ""
				break
			}
			code = c
		}
	}
	for i := range ms {
		if ms[i].bare && code != "" {
			ms[i].currency = code
		}
		// "kr" is the krone in Danish and Norwegian text.
		if ms[i].kr {
			if c := kroneOf(line + " " + prev); c != "" {
				ms[i].currency = c
			}
		}
		// Chinese pay in "K" without a sign: "薪资：15-25K·14薪" is yuan.
		if ms[i].currency == "" && strings.Contains(line, "薪") {
			ms[i].currency = "CNY"
		}
	}
	var out []*Salary
	var spans [][2]int // out[i]'s offsets in the line
	for i := 0; i < len(ms); i++ {
		a := ms[i]
		st := statement{lo: a.amount, hi: a.amount, cur: a.currency, s: a.s, e: a.e}
		// A range: the next amount, joined by a separator, perhaps after
		// the first amount's period ("$93,500/yr - $137,500/yr").
		sep := ""
		if i+1 < len(ms) {
			sep = line[a.e:ms[i+1].s]
			if pm := periodAfterRe.FindStringIndex(sep); pm != nil && pm[1] < len(sep) {
				sep = sep[pm[1]:]
			}
		}
		if i+1 < len(ms) && rangeSepRe.MatchString(sep) {
			b := ms[i+1]
			switch {
			case st.cur == "" || a.bare && !b.bare && dollarSigns[b.currency]:
				st.cur = b.currency // "$45,000 - $55,000 MXN"
			case b.bare && dollarSigns[st.cur]:
				b.currency = st.cur // "CAD $120,000 - $140,000"
			}
			if b.currency == "" || b.currency == st.cur || a.currency == "" || a.bare && dollarSigns[b.currency] {
				lo, hi := a.amount, b.amount
				// "120-150k": the k of the second applies to the first.
				if b.k && !a.k && lo < 1000 {
					if b.lakh != "" {
						lo *= 100000
					} else {
						lo *= 1000
					}
				}
				if a.k && !b.k && hi < 1000 {
					hi *= 1000
				}
				st.lo, st.hi, st.e, st.rng = lo, hi, b.e, true
				a.big = a.big || b.big
				a.lakh = a.lakh + b.lakh
				i++
			}
		}
		if st.cur == "" || a.big {
			continue
		}
		// Lakhs per annum are pay even on a "Budget:" line (as Indian
		// postings write the salary budget of the role).
		if notPay(line, st.s, st.e, label) && !(a.lakh != "" && label == "budget") {
			continue
		}
		// Period.
		rest := line[st.e:min(len(line), st.e+60)]
		if pm := periodAfterRe.FindStringSubmatch(rest); pm != nil {
			st.period = periodWord(pm[1])
			st.e += len(pm[0])
		}
		if st.period == "" {
			if pm := periodBeforeRe.FindStringSubmatch(tail(line[:st.s], 80)); pm != nil {
				st.period = periodWord(pm[1])
			} else if pm := periodBeforeCJK.FindStringSubmatch(tail(line[:st.s], 40)); pm != nil {
				st.period = periodWord(pm[1])
			}
		}
		if st.period == "" {
			// Further on in the statement, up to its end or the next amount.
			rest := line[st.e:]
			if i+1 < len(ms) {
				rest = line[st.e:ms[i+1].s]
			}
			if k := strings.IndexAny(rest, ".;!?"); k >= 0 {
				rest = rest[:k]
			}
			if pm := periodLaterRe.FindStringSubmatch(tail(rest, 80)); pm != nil {
				st.period = periodWord(strings.ToLower(pm[1]))
			}
		}
		if a.lakh != "" && st.period == "" {
			st.period = "year"
		}
		// A range of yearly-salary-sized amounts that starts its line or
		// list item is pay ("- €55k–€65k + 30 days off" under Perks):
		// budgets, funding and revenue were ruled out by notPay above.
		// (Bullets, dashes and emoji may come before it: "💷 £60k–£72k".)
		// Or that follows a label: "Zone A (SF Bay Area, NYC): $176,000 - $207,000 USD".
		// Or that is a field of a header line of fields between "|" or
		// "·", as boards write them: "London (Hybrid) | £60,000 -
		// £70,000 + bonus | Permanent".
		salaryRange := st.rng && st.lo >= 10000 && st.hi <= 1000000 && st.lo < st.hi &&
			(strings.TrimLeftFunc(line[:st.s], func(r rune) bool { return !isLetterOrDigit(r) }) == "" ||
				hasAnySuffix(strings.TrimSpace(line[:st.s]), ":", "|", "·", "•"))
		// A single amount with its period stated that is a salary's size
		// for that period: "Starting at $52,000/year"; budgets and
		// allowances were ruled out by notPay above.
		salarySized := st.period != "" && annualMultiplier[st.period]*max(st.lo, st.hi) >= 10000 ||
			// "From $95,000 depending on licensure"
			!st.rng && st.lo >= 10000 && st.lo <= 1000000 && (fromRe.MatchString(tail(line[:st.s], 40)) || upToRe.MatchString(tail(line[:st.s], 40)))
		if !payLine && !(st.rng && st.period != "") && st.period != "hour" && st.period != "day" && !salaryRange && !salarySized {
			continue
		}
		// A "Perks:" or "Benefits:" line names other money unless it
		// states a range: "Perks: cycle to work up to £2,000".
		if offerLabels[label] && !st.rng {
			continue
		}
		before := tail(line[:st.s], 40)
		switch {
		case upToRe.MatchString(before) && !st.rng:
			st.lo = 0
		case fromRe.MatchString(before) && !st.rng:
			st.hi = 0
		case !st.rng && a.e < len(line) && line[a.e] == '+':
			st.hi = 0 // "$210k+ base"
		case !st.rng && orMoreAfter(line[a.e:]):
			st.hi = 0 // "5,000만원 이상"
		}
		if st.period == "" {
			// Brazil, Poland and Mexico state pay by the month: "R$ 8.000
			// a R$ 10.000" is monthly; amounts above the ceiling are yearly.
			if ceil, ok := monthlyCurrencies[st.cur]; ok && max(st.lo, st.hi) < ceil {
				st.period = "month"
			} else if max(st.lo, st.hi) >= 10000 {
				st.period = "year"
			}
		}
		// Under 3,000 a year in any currency is not a salary: "Home
		// internet covered up to $900 a year".
		if m := annualMultiplier[st.period]; st.period != "hour" && st.period != "day" && m > 0 && max(st.lo, st.hi)*m < 3000 {
			continue
		}
		if st.hi > 0 && st.lo > st.hi*100 {
			continue // "$120,000 - 5" is not a range
		}
		s := newSalary(st.lo, st.hi, st.cur, st.period)
		if s == nil {
			continue
		}
		if s.Min == 0 && s.Max == 0 {
			continue
		}
		txt := clip(strings.TrimSpace(orig[st.s:st.e]), 200)
		s.Text = txt
		if math.IsInf(s.AnnualMax, 0) || math.IsInf(s.AnnualMin, 0) {
			continue
		}
		out = append(out, s)
		spans = append(spans, [2]int{st.s, st.e})
	}
	// "ranges from $158,000/year in our lowest market up to $248,000/year
	// in our highest": a minimum then a maximum of one currency and period
	// are one range.
	for i := 0; i+1 < len(out); i++ {
		a, b := out[i], out[i+1]
		if a.Max == 0 && a.Min > 0 && b.Min == 0 && b.Max > a.Min && a.Currency == b.Currency && a.Period == b.Period {
			if m := newSalary(a.Min, b.Max, a.Currency, a.Period); m != nil {
				m.Text = clip(strings.ToValidUTF8(strings.TrimSpace(orig[spans[i][0]:spans[i+1][1]]), ""), 200)
				out = append(out[:i], append([]*Salary{m}, out[i+2:]...)...)
				spans = append(spans[:i], append([][2]int{{spans[i][0], spans[i+1][1]}}, spans[i+2:]...)...)
			}
		}
	}
	return out
}

// clip cuts s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// orMoreAfter reports whether rest, after an amount, starts with "or
// more" in Korean, Chinese or Japanese (이상, 以上).
func orMoreAfter(rest string) bool {
	rest = strings.TrimSpace(rest)
	return strings.HasPrefix(rest, "이상") || strings.HasPrefix(rest, "以上")
}

// tail returns the last n bytes of s or fewer, starting on a rune. The
// words before an amount are read from it: reading the whole line
// before every amount would be quadratic on a line of many amounts.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// notPay reports whether the words just around [s,e) of line make the
// amount something other than base pay: up to five words before it and
// three after it, each side stopping at a joint ("+", ",", "plus",
// "and"…) so that "$150k + bonus" stays pay and "$10k signing bonus"
// does not.
func notPay(line string, s, e int, label string) bool {
	check := func(ws []string) bool {
		for _, w := range ws {
			w = strings.ToLower(strings.Trim(w, "()'’"))
			if notPayWords[w] && !(payLabels[label] && strings.Contains(label, w)) {
				return true
			}
		}
		return false
	}
	before := tail(line[:s], 80)
	if i := strings.LastIndexAny(before, "+,;/|•·!?"); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.LastIndex(before, ". "); i >= 0 {
		before = before[i+1:]
	}
	// Five words before: "Tuition support up to $5,000" names its kind
	// of money four words back.
	const wordsBefore = 5
	bw := beforeWs.FindAllString(before, -1)
	for i := len(bw) - 1; i >= 0 && i >= len(bw)-wordsBefore; i-- {
		if joint[strings.ToLower(bw[i])] {
			bw = bw[i+1:]
			break
		}
	}
	if len(bw) > wordsBefore {
		bw = bw[len(bw)-wordsBefore:]
	}
	after := line[e:min(len(line), e+80)]
	if i := strings.IndexAny(after, "+,;/|•·:!?"); i >= 0 {
		after = after[:i]
	}
	if i := strings.Index(after, ". "); i >= 0 {
		after = after[:i]
	}
	aw := beforeWs.FindAllString(after, 3)
	for i, w := range aw {
		if joint[strings.ToLower(w)] {
			aw = aw[:i]
			break
		}
	}
	return check(bw) || check(aw)
}

var (
	danishRe    = lazyMustCompile(`(?i)(?:^|[^\pL])(løn|årsløn|månedsløn|om måneden|pr\. måned)(?:[^\pL]|$)`)
	norwegianRe = lazyMustCompile(`(?i)(?:^|[^\pL])(lønn|årslønn|månedslønn|per måned|i måneden)(?:[^\pL]|$)`)
)

// kroneOf returns DKK or NOK when text is Danish or Norwegian pay, "" else.
func kroneOf(text string) string {
	switch {
	case norwegianRe.MatchString(text):
		return "NOK"
	case danishRe.MatchString(text):
		return "DKK"
	}
	return ""
}

// codeRe finds currency codes of dollars and pesos in a line.
var codeRe = lazyMustCompile(`\b(?:USD|CAD|AUD|NZD|SGD|HKD|MXN|BRL)\b`)

// payLabels are line labels ("Stipend: $7,500 per month") that name the
// pay itself, though the word is other money elsewhere ("a $3,000
// learning stipend").
var payLabels = map[string]bool{"stipend": true, "monthly stipend": true, "internship stipend": true,
	"intern stipend": true, "stipendio": true}

// monthlyCurrencies are currencies whose postings state monthly pay when
// they state no period, with the amount from which a figure is yearly.
var monthlyCurrencies = map[string]float64{"BRL": 100000, "PLN": 100000, "MXN": 300000}

// offerLabels are line labels of benefits, whose single amounts are not
// pay even when the line also says "Salary is competitive".
var offerLabels = map[string]bool{"perks": true, "benefits": true, "what we offer": true, "we offer": true,
	"extras": true, "benefits & perks": true, "perks & benefits": true, "perks and benefits": true,
	"benefits and perks": true}

// lineLabel returns the lower-cased label of a line ("stipend" of
// "Stipend: $7,500"), "" when it has none.
func lineLabel(line string) string {
	l := strings.TrimLeft(line, "-*• \t")
	i := strings.IndexByte(l, ':')
	if i <= 0 || i > 30 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(l[:i]))
}

var joint = map[string]bool{"plus": true, "and": true, "with": true, "&": true, "or": true, "und": true, "et": true, "y": true}
