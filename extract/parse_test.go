package extract

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestNormEmployment(t *testing.T) {
	for _, tt := range []struct {
		in   any
		want string
	}{
		{"FULL_TIME", "full_time"},
		{"Full-time", "full_time"},
		{"FullTime", "full_time"},
		{"full time", "full_time"},
		{"Permanent", "full_time"},
		{"PART_TIME", "part_time"},
		{"Part-time", "part_time"},
		{"Contractor", "contract"},
		{"CONTRACT", "contract"},
		{"Freelance", "contract"},
		{"TEMPORARY", "temporary"},
		{"Temp", "temporary"},
		{"Intern", "internship"},
		{"INTERN", "internship"},
		{"Internship", "internship"},
		{[]any{"FULL_TIME", "CONTRACTOR"}, "full_time"},
		{[]any{"OTHER", "CONTRACTOR"}, "contract"},
		{"VOLUNTEER", ""},
		{"", ""},
		{nil, ""},
	} {
		if got := normEmployment(tt.in); got != tt.want {
			t.Errorf("normEmployment(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormWorkplace(t *testing.T) {
	for in, want := range map[string]string{
		"remote": "remote", "Remote": "remote", "Hybrid": "hybrid", "hybrid": "hybrid",
		"OnSite": "onsite", "onsite": "onsite", "on-site": "onsite", "In office": "onsite",
		"unspecified": "", "": "",
	} {
		if got := normWorkplace(in); got != want {
			t.Errorf("normWorkplace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWorkplaceFromLocations(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{[]string{"Remote, Italy"}, "remote"},
		{[]string{"Berlin", "Remote (EU)"}, "remote"},
		{[]string{"Hybrid - London"}, "hybrid"},
		{[]string{"Remoteville, TX"}, ""},
		{[]string{"Oslo"}, ""},
		{nil, ""},
	} {
		if got := workplaceFromLocations(tt.in); got != tt.want {
			t.Errorf("workplaceFromLocations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2026-04-17T05:58:03-04:00", "2026-04-17T09:58:03Z"},
		{"2026-05-13T20:28:09.574+00:00", "2026-05-13T20:28:09.574Z"},
		{"2026-05-13T20:28:09+0200", "2026-05-13T18:28:09Z"},
		{"2026-05-13T20:28:09", "2026-05-13T20:28:09Z"},
		{"2026-05-13 20:28:09", "2026-05-13T20:28:09Z"},
		{"2026-05-13", "2026-05-13T00:00:00Z"},
		{"05/13/2026", "2026-05-13T00:00:00Z"},
		{"01/02/2026", "2026-01-02T00:00:00Z"}, // ambiguous: US order
		{"13/05/2026", "2026-05-13T00:00:00Z"},
		{"31/02/2026", ""},
		{"May 13, 2026", "2026-05-13T00:00:00Z"},
		{"13 May 2026", "2026-05-13T00:00:00Z"},
		{"1779223091267", "2026-05-19T20:38:11.267Z"},
		{"2026", ""},
		{"soon", ""},
		{"", ""},
	} {
		got := parseTime(tt.in)
		s := ""
		if !got.IsZero() {
			s = got.Format(time.RFC3339Nano)
		}
		if s != tt.want {
			t.Errorf("parseTime(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestParseEpochMillis(t *testing.T) {
	want := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, in := range []any{jsonNumber("1767225600000"), 1767225600000.0, "1767225600000", "1767225600"} {
		if got := parseEpochMillis(in); !got.Equal(want) {
			t.Errorf("parseEpochMillis(%v) = %v, want %v", in, got, want)
		}
	}
	for _, in := range []any{nil, "x", -5.0, 12.0} {
		if got := parseEpochMillis(in); !got.IsZero() {
			t.Errorf("parseEpochMillis(%v) = %v, want zero", in, got)
		}
	}
}

func jsonNumber(s string) any {
	v, err := decodeJSON([]byte(s))
	if err != nil {
		panic(err)
	}
	return v
}

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	v, err := decodeJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestLDSalary(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want *Salary
	}{
		{`{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":50,"maxValue":60,"unitText":"HOUR"}}`,
			&Salary{Min: 50, Max: 60, Currency: "USD", Period: "hour", AnnualMin: 104000, AnnualMax: 124800}},
		{`{"currency":"EUR","value":{"value":300,"unitText":"DAY"}}`,
			&Salary{Min: 300, Max: 300, Currency: "EUR", Period: "day", AnnualMin: 78000, AnnualMax: 78000}},
		{`{"currency":"GBP","value":{"minValue":"700","maxValue":"800","unitText":"WEEK"}}`,
			&Salary{Min: 700, Max: 800, Currency: "GBP", Period: "week", AnnualMin: 36400, AnnualMax: 41600}},
		{`{"currency":"USD","value":90000,"unitText":"YEAR"}`,
			&Salary{Min: 90000, Max: 90000, Currency: "USD", Period: "year", AnnualMin: 90000, AnnualMax: 90000}},
		{`{"currency":"USD","value":{"minValue":120000,"maxValue":100000}}`,
			&Salary{Min: 100000, Max: 120000, Currency: "USD"}},
		{`[{"currency":"USD","value":{"minValue":null}}, {"currency":"SEK","value":{"minValue":40000,"unitText":"MONTH"}}]`,
			&Salary{Min: 40000, Currency: "SEK", Period: "month", AnnualMin: 480000}},
		{`75000`, &Salary{Min: 75000, Max: 75000}},
		{`{"currency":"USD","value":{"minValue":0,"maxValue":0}}`, nil},
		{`{"currency":"USD"}`, nil},
		{`"competitive"`, nil},
		{`null`, nil},
	} {
		if got := ldSalary(jsonValue(t, tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ldSalary(%s) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestAshbyAndLeverSalary(t *testing.T) {
	lv := leverSalary(jsonValue(t, `{"interval":"per-month-salary","currency":"eur","min":4000,"max":5000}`))
	if want := (&Salary{Min: 4000, Max: 5000, Currency: "EUR", Period: "month", AnnualMin: 48000, AnnualMax: 60000}); !reflect.DeepEqual(lv, want) {
		t.Errorf("leverSalary = %+v, want %+v", lv, want)
	}
	if s := leverSalary(jsonValue(t, `{"interval":"one-time","currency":"USD","min":5000,"max":5000}`)); s == nil || s.Period != "" || s.AnnualMin != 0 {
		t.Errorf("one-time lever salary = %+v, want no period and no annual amounts", s)
	}
	if s := ashbySalary(jsonValue(t, `{"summaryComponents":[{"compensationType":"EquityCashValue","interval":"1 YEAR","currencyCode":"USD","minValue":null,"maxValue":null}]}`)); s != nil {
		t.Errorf("equity-only ashby compensation = %+v, want nil", s)
	}
}

func TestCSVSalary(t *testing.T) {
	for _, tt := range []struct {
		row  map[string]any
		want *Salary
	}{
		{map[string]any{"salary_min": "50,000", "currency": "usd", "salary_period": "annual"},
			&Salary{Min: 50000, Currency: "USD", Period: "year", AnnualMin: 50000}},
		{map[string]any{"salary": "90k-110k", "currency": "USD"},
			&Salary{Min: 90000, Max: 110000, Currency: "USD", Text: "90k-110k"}},
		{map[string]any{"salary": "£30,000 to £35,000 a year"},
			&Salary{Min: 30000, Max: 35000, Currency: "GBP", Period: "year", AnnualMin: 30000, AnnualMax: 35000, Text: "£30,000 to £35,000 a year"}},
		{map[string]any{"salary": "1, 2, 3"}, &Salary{Text: "1, 2, 3"}},
		{map[string]any{}, nil},
	} {
		if got := csvSalary(tt.row); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("csvSalary(%v) = %+v, want %+v", tt.row, got, tt.want)
		}
	}
}

func TestLDLocations(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{`{"@type":"Place","address":"1 Main St, Springfield"}`, []string{"1 Main St, Springfield"}},
		{`{"@type":"Place","address":{"addressLocality":"Kraków","addressRegion":"Lesser Poland","addressCountry":{"@type":"Country","name":"PL"}}}`,
			[]string{"Kraków, Lesser Poland, PL"}},
		{`{"@type":"Place","address":{"addressLocality":"Singapore","addressCountry":"Singapore"}}`, []string{"Singapore"}},
		{`{"@type":"Place","name":"HQ"}`, []string{"HQ"}},
		{`{"addressLocality":"Turin","addressCountry":"IT"}`, []string{"Turin, IT"}},
		{`[{"address":{"addressLocality":"A","addressCountry":["X","Y"]}},{"address":{"addressLocality":"B"}}]`, []string{"A, X", "B"}},
		{`"Remote"`, []string{"Remote"}},
		{`null`, nil},
	} {
		if got := ldLocations(jsonValue(t, tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ldLocations(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		raw  Raw
		want string
	}{
		{Raw{Format: "xml", Origin: "a.xml:1", Body: "<a/>"}, `parse xml record a.xml:1: unknown record format "xml"`},
		{Raw{Format: FormatLever, Origin: "l.json:3", Body: "[1]"}, "parse lever record l.json:3: body is a JSON array, not an object"},
		{Raw{Format: FormatJobPosting, URL: "https://x/1", Body: "{"}, "parse jobposting record https://x/1: unexpected EOF"},
		{Raw{Format: FormatJobPosting, Body: `{"@type":"JobPosting","description":"x"}`}, "parse jobposting record (unnamed): no title"},
		{Raw{Format: FormatText, Body: "\n\n"}, "no title"},
	} {
		_, err := Parse(tt.raw)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%+v) error %v, want %q", tt.raw, err, tt.want)
		}
	}
	_, err := Parse(Raw{Format: FormatCSV, Body: `{"company":"A"}`})
	if !errors.Is(err, ErrNoTitle) {
		t.Errorf("error %v is not ErrNoTitle", err)
	}
}

func TestCompanyFromSource(t *testing.T) {
	for _, tt := range []struct{ source, want string }{
		{"lever:acme", "acme"},
		{"ashby:larchmont", "larchmont"},
		{"site:jobs.example.com", ""},
		{"file", ""},
	} {
		p, err := Parse(Raw{Format: FormatText, Source: tt.source, Body: "Welder\nTIG"})
		if err != nil {
			t.Fatal(err)
		}
		if p.Company != tt.want {
			t.Errorf("source %q: Company %q, want %q", tt.source, p.Company, tt.want)
		}
	}
}
