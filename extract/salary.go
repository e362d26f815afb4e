package extract

import (
	"math"
	"strconv"
	"strings"
)

// Structured salary only: the amounts a source states in fields of their
// own. Salaries written in the description are not read here.

// annualMultiplier turns pay per period into pay per year, assuming 40
// hours a week, 5 days a week and 52 weeks a year.
var annualMultiplier = map[string]float64{
	"hour":  2080,
	"day":   260,
	"week":  52,
	"month": 12,
	"year":  1,
}

// normPeriod maps a period as sources write it ("HOUR", "1 YEAR",
// "per-year-salary", "per-hour-wage", "monthly", "annual") to "hour",
// "day", "week", "month" or "year"; "" when unknown or when it does not
// fit one of those (bi-weekly, semi-monthly, one-time).
func normPeriod(s string) string {
	s = strings.ToLower(s)
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "bi") && strings.Contains(s, "week"),
		strings.Contains(s, "semi"), strings.Contains(s, "one-time"), strings.Contains(s, "once"):
		return ""
	case strings.Contains(s, "hour"), s == "h", s == "hr":
		return "hour"
	case strings.Contains(s, "day"), strings.Contains(s, "daily"):
		return "day"
	case strings.Contains(s, "week"):
		return "week"
	case strings.Contains(s, "month"):
		return "month"
	case strings.Contains(s, "year"), strings.Contains(s, "annual"), strings.Contains(s, "annum"), s == "yr", s == "y":
		return "year"
	}
	return ""
}

// newSalary builds a Salary, annualised when the period is known; nil when
// there is no positive amount. A range given backwards is swapped.
func newSalary(lo, hi float64, currency, period string) *Salary {
	if lo < 0 || math.IsNaN(lo) || math.IsInf(lo, 0) {
		lo = 0
	}
	if hi < 0 || math.IsNaN(hi) || math.IsInf(hi, 0) {
		hi = 0
	}
	if lo <= 0 && hi <= 0 {
		return nil
	}
	if lo > 0 && hi > 0 && lo > hi {
		lo, hi = hi, lo
	}
	s := &Salary{Min: lo, Max: hi, Currency: strings.ToUpper(strings.TrimSpace(currency)), Period: normPeriod(period)}
	if m, ok := annualMultiplier[s.Period]; ok {
		s.AnnualMin = round2(lo * m)
		s.AnnualMax = round2(hi * m)
	}
	return s
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// ldSalary reads a JSON-LD baseSalary: a MonetaryAmount whose value is a
// QuantitativeValue (minValue, maxValue, value, unitText) or a number; a
// bare number; or an array of those (the first usable one wins). Without
// a unitText the period stays unknown and nothing is annualised.
func ldSalary(v any) *Salary {
	for _, e := range jlist(v) {
		if s := ldAmount(e); s != nil {
			return s
		}
	}
	return nil
}

func ldAmount(v any) *Salary {
	m, ok := v.(map[string]any)
	if !ok {
		if n, ok := jnum(v); ok {
			return newSalary(n, n, "", "")
		}
		return nil
	}
	currency := jstr(m["currency"])
	unit := jstr(m["unitText"])
	val := jfirst(m["value"])
	if val == nil {
		val = m // a QuantitativeValue given as the amount
	}
	if q, ok := val.(map[string]any); ok {
		if u := jstr(q["unitText"]); u != "" {
			unit = u
		}
		if c := jstr(q["currency"]); currency == "" {
			currency = c
		}
		lo, okLo := jnum(q["minValue"])
		hi, okHi := jnum(q["maxValue"])
		if !okLo && !okHi {
			n, ok := jnum(q["value"])
			if !ok {
				return nil
			}
			lo, hi = n, n
		}
		return newSalary(lo, hi, currency, unit)
	}
	if n, ok := jnum(val); ok {
		return newSalary(n, n, currency, unit)
	}
	return nil
}

// leverSalary reads Lever's salaryRange {min, max, currency, interval}.
func leverSalary(v any) *Salary {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	lo, _ := jnum(m["min"])
	hi, _ := jnum(m["max"])
	return newSalary(lo, hi, jstr(m["currency"]), jstr(m["interval"]))
}

// ashbySalary reads Ashby's compensation: the Salary component of
// summaryComponents if there is one, else the widest range over the Salary
// components of all tiers that share the first one's currency and
// interval. Equity and bonus components are ignored, as are null values.
func ashbySalary(v any) *Salary {
	isSalary := func(c any) bool { return strings.EqualFold(jstr(jget(c, "compensationType")), "salary") }
	for _, c := range jlist(jget(v, "summaryComponents")) {
		if isSalary(c) {
			lo, _ := jnum(jget(c, "minValue"))
			hi, _ := jnum(jget(c, "maxValue"))
			if s := newSalary(lo, hi, jstr(jget(c, "currencyCode")), jstr(jget(c, "interval"))); s != nil {
				return s
			}
		}
	}
	var (
		lo, hi           float64
		currency, period string
		found            bool
	)
	for _, tier := range jlist(jget(v, "compensationTiers")) {
		for _, c := range jlist(jget(tier, "components")) {
			if !isSalary(c) {
				continue
			}
			l, okL := jnum(jget(c, "minValue"))
			h, okH := jnum(jget(c, "maxValue"))
			if !okL && !okH {
				continue
			}
			cur, per := jstr(jget(c, "currencyCode")), jstr(jget(c, "interval"))
			if !found {
				lo, hi, currency, period, found = l, h, cur, per, true
				continue
			}
			if cur != currency || per != period {
				continue
			}
			if okL && (lo == 0 || l < lo) {
				lo = l
			}
			if h > hi {
				hi = h
			}
		}
	}
	if !found {
		return nil
	}
	return newSalary(lo, hi, currency, period)
}

// csvSalary reads the salary columns of a CSV row: salary_min, salary_max,
// currency and salary_period; or a salary column holding one amount or a
// range ("$90,000 - $110,000", "90k-110k", "45.50"). A salary column that
// is not amounts is kept as Salary.Text only.
func csvSalary(row map[string]any) *Salary {
	currency, period := jstr(row["currency"]), jstr(row["salary_period"])
	lo, okLo := parseAmount(jstr(row["salary_min"]))
	hi, okHi := parseAmount(jstr(row["salary_max"]))
	if okLo || okHi {
		return newSalary(lo, hi, currency, period)
	}
	text := jstr(row["salary"])
	if text == "" {
		return nil
	}
	if currency == "" {
		currency = currencyOf(text)
	}
	if period == "" {
		period = normPeriod(text)
	}
	var s *Salary
	if lo, hi, ok := parseRange(text); ok {
		s = newSalary(lo, hi, currency, period)
	}
	if s == nil {
		s = &Salary{Currency: strings.ToUpper(currency), Period: normPeriod(period)}
	}
	s.Text = text
	return s
}

var (
	amountRe  = lazyMustCompile(`(?i)^\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k)?\s*$`)
	amountTok = lazyMustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*[kK]?\b|\d+(?:\.\d+)?\s*[kK]?\b`)
)

// parseAmount parses "85000", "85,000", "85.5", "85k".
func parseAmount(s string) (float64, bool) {
	m := amountRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "")+m[2], 64)
	if err != nil {
		return 0, false
	}
	if m[3] != "" {
		f *= 1000
	}
	return f, true
}

// parseRange finds one or two amounts in s ("$90,000 - $110,000 a year",
// "90k-110k"); more than two is not a range.
func parseRange(s string) (lo, hi float64, ok bool) {
	toks := amountTok.FindAllString(s, 3)
	if len(toks) == 0 || len(toks) > 2 {
		return 0, 0, false
	}
	if lo, ok = parseAmount(toks[0]); !ok {
		return 0, 0, false
	}
	hi = lo
	if len(toks) == 2 {
		if hi, ok = parseAmount(toks[1]); !ok {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// currencyOf guesses an ISO code from a sign or code in s ("$" is taken
// as USD).
func currencyOf(s string) string {
	u := strings.ToUpper(s)
	for _, code := range []string{"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY", "SEK", "NOK", "DKK", "PLN"} {
		if strings.Contains(u, code) {
			return code
		}
	}
	switch {
	case strings.Contains(s, "€"):
		return "EUR"
	case strings.Contains(s, "£"):
		return "GBP"
	case strings.Contains(s, "₹"):
		return "INR"
	case strings.Contains(s, "$"):
		return "USD"
	}
	return ""
}
