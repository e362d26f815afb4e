package extract

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// salaryTextTests: text, preferred currency, and the salary wanted as
// "min-max CUR period" ("" for none).
var salaryTextTests = []struct {
	name, text, prefer, want string
}{
	{"range with dashes", "Salary: $120,000–$150,000 per year", "", "120000-150000 USD year"},
	{"header field after |", "London (Hybrid) | £60,000 - £70,000 + bonus | Permanent", "", "60000-70000 GBP year"},
	{"header field after ·", "Manchester or Remote (UK) · £45k - £55k + bonus", "", "45000-55000 GBP year"},
	{"header field before · equity", "£85k - £100k · Equity", "", "85000-100000 GBP year"},
	{"header field beats salary packaging", "Newcastle NSW · Full time · $105,000 – $115,000 + super\n- Salary packaging up to $15,900 tax-free", "AUD", "105000-115000 AUD year"},
	{"salary packaging alone", "Benefits\n- Salary packaging up to $15,900 tax-free", "AUD", ""},
	{"header field needs a range", "Berlin | 2 teams | €5,000 budget", "", ""},
	{"range k", "The pay range is $120k-150k.", "", "120000-150000 USD year"},
	{"range k both", "Base salary $120K - $150K + equity", "", "120000-150000 USD year"},
	{"euro dots", "Gehalt: €60.000 - €75.000 brutto jährlich", "", "60000-75000 EUR year"},
	{"pound per annum", "£45,000 per annum plus benefits", "", "45000-45000 GBP year"},
	{"code to", "Compensation: USD 120,000 to 150,000", "", "120000-150000 USD year"},
	{"hourly", "Pay: $55/hour", "", "55-55 USD hour"},
	{"hourly no pay word", "- $55 per hour, 10-15 hours per week", "", "55-55 USD hour"},
	{"hourly range", "Rate: $45 - $60/hr", "", "45-60 USD hour"},
	{"up to", "Salary up to $90k", "", "0-90000 USD year"},
	{"from", "Salary from €50k depending on experience", "", "50000-0 EUR year"},
	{"doe", "Salary: DOE", "", ""},
	{"benefit before salary", "Benefits\n- Tuition support up to $5,000 a year\nCompensation\nThe base salary range for this role is $120,000–$145,000.", "USD", "120000-145000 USD year"},
	{"benefit alone is not pay", "- Tuition support up to $5,000 a year", "", ""},
	{"competitive", "Competitive salary and great benefits", "", ""},
	{"hours per week", "This part-time role is 10-15 hours per week.", "", ""},
	{"401k", "We offer a 401(k) with 4% match and a competitive salary.", "", ""},
	{"travel", "Travel up to 80% of the time.", "", ""},
	{"billions", "You will manage $200B in annualized spend.", "", ""},
	{"companies", "Trusted by 70,000+ companies worldwide.", "", ""},
	{"signing bonus", "We pay a $10,000 signing bonus.", "", ""},
	{"bonus then base", "Bonus: $10,000. Base salary: $100,000 - $120,000", "", "100000-120000 USD year"},
	{"equity plus", "Salary $150k base + bonus + equity", "", "150000-150000 USD year"},
	{"learning budget", "Pay is great and there is a $2,000 annual learning budget.", "", ""},
	{"two currencies first", "Salary: €60,000 - €75,000 (approx. $65,000 - $82,000)", "", "60000-75000 EUR year"},
	{"two currencies prefer", "Salary: €60,000 - €75,000 (approx. $65,000 - $82,000)", "USD", "65000-82000 USD year"},
	{"day rate", "Day rate: £500-£600", "", "500-600 GBP day"},
	{"per day", "£550 per day outside IR35", "", "550-550 GBP day"},
	{"weekly", "Pay: $1,200 per week", "", "1200-1200 USD week"},
	{"monthly", "Salary: €4,000 - €5,000 per month", "", "4000-5000 EUR month"},
	{"monthly german", "Gehalt: 4.500 € brutto monatlich", "", "4500-4500 EUR month"},
	{"between and", "The salary is between $100,000 and $120,000 a year.", "", "100000-120000 USD year"},
	{"cad by location", "Salary: $90,000 - $110,000", "CAD", "90000-110000 CAD year"},
	{"cad code", "Salary: CA$90,000 - CA$110,000", "", "90000-110000 CAD year"},
	{"decimal hourly", "Hourly rate: $27.50", "", "27.5-27.5 USD hour"},
	{"lpa", "CTC: 12-18 LPA", "", "1200000-1800000 INR year"},
	{"indian grouping", "Salary: ₹12,00,000 - ₹18,00,000 per annum", "", "1200000-1800000 INR year"},
	{"space thousands", "Salaire : 55 000 € - 65 000 € par an", "", "55000-65000 EUR year"},
	{"euro after", "Salario: 40.000€ - 50.000€ brutos al año", "", "40000-50000 EUR year"},
	{"pa", "£60k - £70k p.a.", "", "60000-70000 GBP year"},
	{"ote only", "OTE $160k", "", ""},
	{"heading above", "Compensation\n$130,000 - $160,000", "", "130000-160000 USD year"},
	{"funding", "We raised $50 million and pay well.", "", ""},
	{"no currency", "Salary: 100,000 - 120,000", "", ""},
	{"empty", "", "", ""},
	{"chf", "Salary: CHF 120'000", "", "120000-120000 CHF year"},
	{"sek", "Lön: 45 000 SEK per month", "", "45000-45000 SEK month"},
	// A code next to a bare "$", or alone in the statement, names the dollar.
	{"code before symbol", "Base pay: AUD $95,000 - $110,000", "", "95000-110000 AUD year"},
	{"code after range", "Salario: $30,000 - $38,000 MXN mensuales", "", "30000-38000 MXN month"},
	{"code elsewhere", "$150k - $170k + super (AUD) for this Sydney role", "", "150000-170000 AUD year"},
	{"symbol real", "Remuneração: R$ 9.500 a R$ 12.000 por mês", "", "9500-12000 BRL month"},
	// Period words of other languages, and later in the statement.
	{"brut mensuel", "Salaire : 2 900 € brut mensuel", "", "2900-2900 EUR month"},
	{"bruto per maand", "Salaris: € 3.900 - € 4.700 bruto per maand", "", "3900-4700 EUR month"},
	{"period later", "Wynagrodzenie: 14 000 - 18 000 PLN brutto (UoP) miesięcznie", "", "14000-18000 PLN month"},
	{"zwischen und", "Das Bruttojahresgehalt liegt zwischen 64.000 und 76.000 Euro.", "", "64000-76000 EUR year"},
	{"man yen", "月給 30万円〜40万円", "", "300000-400000 JPY month"},
	{"man yen year", "年収 600万円〜900万円（経験による）", "", "6000000-9000000 JPY year"},
	{"stipend label", "Stipend: $4,000 per month for the summer.", "", "4000-4000 USD month"},
	{"stipend benefit", "We add a $1,500 annual conference stipend.", "", ""},
	{"salary-sized range alone", "Perks\n- €70k–€80k + 28 days off", "", "70000-80000 EUR year"},
	{"emoji before range", "🤑 €65k–€80k + 30 days off, remote", "", "65000-80000 EUR year"},
	{"single with period", "Starts at $61,500/year with full benefits.", "", "61500-0 USD year"},
	{"single small with period", "Home internet covered up to $900 a year.", "", ""},
	{"italian ral", "RAL 42-50k € più welfare aziendale", "", "42000-50000 EUR year"},
	{"swedish monthly", "Månadslön: 38 500 kr, tjänstepension ingår", "", "38500-38500 SEK month"},
	{"fte", "£29,400 FTE, term time only", "", "29400-29400 GBP year"},
	{"perks label", "Perks: gym up to £600 a year and a $1,000 laptop fund. Salary is competitive.", "", ""},
	{"we offer label range", "We offer: 48.000 - 56.000 € brutto jährlich", "", "48000-56000 EUR year"},
	{"period after each", "Base pay range $88,000/yr - $121,000/yr", "", "88000-121000 USD year"},
	{"k period after each", "Estimated: $48K/yr - $59K/yr", "", "48000-59000 USD year"},
	{"brl monthly", "Salário: R$ 7.200,00 a R$ 9.800,00", "", "7200-9800 BRL month"},
	{"pln monthly", "Wynagrodzenie: 16 000 - 21 000 PLN", "", "16000-21000 PLN month"},
	{"tjm", "TJM : 600 € HT", "", "600-600 EUR day"},
	{"à partir de", "Salaire à partir de 3 100 € bruts par mois", "", "3100-0 EUR month"},
	{"zone label", "Zone B (other US locations): $158,000 - $186,000 USD", "", "158000-186000 USD year"},
	{"from single", "From $72,000 depending on licensure.", "", "72000-0 USD year"},
	{"myr", "Salary: RM 7,500 - RM 9,000 per month", "", "7500-9000 MYR month"},
	{"aed", "AED 18,000 – 22,000 per month, tax-free", "", "18000-22000 AED month"},
	{"cop", "Salario: COP 6.500.000 mensuales", "", "6500000-6500000 COP month"},
	{"lacs", "CTC: ₹ 10-14 Lacs P.A.", "", "1000000-1400000 INR year"},
	{"k euro", "Rémunération : 50-58 K€ brut annuel", "", "50000-58000 EUR year"},
	{"mindestgehalt", "Mindestgehalt von € 2.980,- brutto pro Monat, Überzahlung möglich", "", "2980-0 EUR month"},
	{"danish krone", "Løn: 38.000 kr. om måneden", "", "38000-38000 DKK month"},
	{"norwegian krone", "Lønn: 650 000 kr per år", "", "650000-650000 NOK year"},
	{"czech", "Mzda: 55 000 Kč měsíčně", "", "55000-55000 CZK month"},
	{"hungarian", "Bruttó 750 000 Ft/hó", "", "750000-750000 HUF month"},
	{"japanese no space", "給与：年収500万円〜700万円", "", "5000000-7000000 JPY year"},
	{"chinese k", "薪资：20-30K·13薪", "", "20000-30000 CNY month"},
	{"korean", "연봉 4,000만원 이상", "", "40000000-0 KRW year"},
	{"lpa budget", "Budget: up to 18 LPA", "", "0-1800000 INR year"},
	{"php peso", "Salary: PHP 45,000 monthly", "", "45000-45000 PHP month"},
	{"php language", "Stack: PHP 8 and Laravel. Salary: competitive.", "", ""},
	{"naira", "₦600,000 monthly (net)", "", "600000-600000 NGN month"},
	{"shekel", "₪22,000–₪27,000 per month", "", "22000-27000 ILS month"},
	{"plus after k", "$185k+ base plus equity", "", "185000-0 USD year"},
	{"mensais", "Vencimento: 1.500€ brutos mensais", "", "1500-1500 EUR month"},
	{"basic", "£38,000 basic, £70,000 OTE", "", "38000-38000 GBP year"},
	{"stundensatz", "Stundensatz: 80 – 90 € (freiberuflich)", "", "80-90 EUR hour"},
	{"from up to", "Base pay ranges from $140,000/year in our lowest market up to $210,000/year in our highest.", "", "140000-210000 USD year"},
	{"based on hours", "A gross monthly salary between €5,100 and €6,900 (based on 36 hours)", "", "5100-6900 EUR month"},
	{"pln yearly", "Wynagrodzenie: 180 000 PLN", "", "180000-180000 PLN year"},
	// Not pay.
	{"ad metric", "Scale spend at a target CPA under $25 and a CAC payback of 9 months.", "", ""},
	{"and is not a day", "Keep CPC under $2 and grow ROAS.", "", ""},
}

func salaryString(s *Salary) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf("%s-%s %s %s", strconv.FormatFloat(s.Min, 'f', -1, 64), strconv.FormatFloat(s.Max, 'f', -1, 64), s.Currency, s.Period)
}

func TestSalaryFromText(t *testing.T) {
	for _, tt := range salaryTextTests {
		t.Run(tt.name, func(t *testing.T) {
			s := SalaryFromText(tt.text, tt.prefer)
			if got := salaryString(s); got != tt.want {
				t.Errorf("SalaryFromText(%q, %q) = %q, want %q", tt.text, tt.prefer, got, tt.want)
			}
			if s != nil && (s.Text == "" || !strings.Contains(tt.text, s.Text)) {
				t.Errorf("Text %q is not the statement from %q", s.Text, tt.text)
			}
		})
	}
}

func TestSalaryAnnualised(t *testing.T) {
	for _, tt := range []struct {
		text     string
		min, max float64
	}{
		{"Pay: $50/hour", 104000, 104000},
		{"Day rate: £500", 130000, 130000},
		{"Pay: $1,000 per week", 52000, 52000},
		{"Salary: €4,000 per month", 48000, 48000},
		{"Salary: $100k - $120k", 100000, 120000},
	} {
		s := SalaryFromText(tt.text, "")
		if s == nil || s.AnnualMin != tt.min || s.AnnualMax != tt.max {
			t.Errorf("SalaryFromText(%q) = %+v, want annual %g-%g", tt.text, s, tt.min, tt.max)
		}
	}
}

func ExampleSalaryFromText() {
	s := SalaryFromText("Pay: $45 - $60/hr, 10-15 hours per week", "")
	fmt.Println(s.Min, s.Max, s.Currency, s.Period, s.AnnualMin, s.AnnualMax, s.Text)
	// Output: 45 60 USD hour 93600 124800 $45 - $60/hr
}

func FuzzSalaryText(f *testing.F) {
	for _, tt := range salaryTextTests {
		f.Add(tt.text, tt.prefer)
	}
	f.Fuzz(func(t *testing.T, text, prefer string) {
		s := SalaryFromText(text, prefer)
		if s == nil {
			return
		}
		for _, v := range []float64{s.Min, s.Max, s.AnnualMin, s.AnnualMax} {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("bad amount in %+v", s)
			}
		}
		if s.Min == 0 && s.Max == 0 || s.Max > 0 && s.Min > s.Max {
			t.Fatalf("bad range %+v", s)
		}
		if s.Currency == "" || !utf8.ValidString(s.Text) || len(s.Text) > 200 {
			t.Fatalf("bad salary %+v", s)
		}
		if utf8.ValidString(text) && !strings.Contains(text, s.Text) {
			t.Fatalf("Text %q not in input", s.Text)
		}
	})
}

func TestExperienceFromText(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"3+ years of product management experience", 3},
		{"At least 5 years in product management", 5},
		{"3-5 years of experience", 3},
		{"Five years of experience as a product owner", 5},
		{"five (5) years of relevant experience", 5},
		{"5+ years in product, 3+ years of people management experience", 3},
		{"Experience: 4 years minimum", 4},
		{"2 years' experience with Scrum", 2},
		{"1.5 years experience", 1.5},
		{"We were founded 20 years ago.", 0},
		{"Our 10 years of history in payments", 0},
		{"The product is 5 years old.", 0},
		{"a 2 year contract", 0},
		{"mindestens 3 Jahre Berufserfahrung", 3},
		{"5 ans d'expérience en gestion de produit", 5},
		{"No experience needed", 0},
		{"", 0},
		{"7+ years building B2B SaaS products", 7},
		{"Minimum of 2 years as a Scrum Master", 2},
		{"4-6 years in B2B marketing", 4},
		{"3 years of stakeholder-facing delivery; PMP a plus", 3},
		{"2 years leading Salesforce implementations", 2},
		{"Top rated 3 years running", 0},
		{"We have spent 12 years in payments.", 0},
		{"Exp: 3-5 yrs", 3},
		{"Experiencia mínima de 4 años en banca", 4},
		{"min. 2 lata doświadczenia w testowaniu", 2},
		{"mindestens 4 Jahre Projekterfahrung", 4},
		{"Twelve-plus years leading plants", 12},
		{"Three or more years selling SaaS", 3},
		{"9+ months of warehouse experience", 0.75},
		{"Experiência mínima de 4 anos com Python", 4},
		{"4+ years running ML pipelines in production", 4},
		{"A minimum of 9 months in retail", 0.75},
		{"Well over a decade of engineering experience", 10},
		{"Prior experience of 3 months or more", 0.25},
		{"Esperienza di almeno 2 anni nel settore", 2},
		{"3 YRS MIN.", 3},
		{"We started in 2009. You have 4 years selling software.", 4},
		{"Minimaal 2 jaar werkervaring", 2},
		{"Expérience : 3 années minimum en conseil", 3},
		{"Esperienza pregressa di almeno 4 anni", 4},
		{"3 tot 5 jaar ervaring in retail", 3},
		{"Experiência mínima de 1 ano", 1},
		{"Minst tre års erfarenhet av SQL", 3},
		{"Excel業務の経験（2年以上）", 2},
		{"7+ years in product, including 2+ years managing PMs", 7},
		{"10-14 years of IT experience, with 3+ years in delivery management", 10},
		{"Qualified accountant with 4+ years post-qualification experience", 4},
		{"3-6 months in a customer-facing role", 0.25},
		{"Experiência de pelo menos 3 anos com Scrum", 3},
	} {
		if got := ExperienceFromText(tt.text); got != tt.want {
			t.Errorf("ExperienceFromText(%q) = %g, want %g", tt.text, got, tt.want)
		}
	}
}

func TestEducationFromText(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Bachelor's degree in Computer Science or related field", "bachelor"},
		{"BS/BA required; MBA preferred", "bachelor"},
		{"MBA a plus", "master"},
		{"Master's degree in Statistics", "master"},
		{"PhD in Machine Learning", "doctorate"},
		{"Doctor of Pharmacy (PharmD) degree from an accredited college", "doctorate"},
		{"BSN required, MSN preferred.", "bachelor"},
		{"MSN required.", "master"},
		{"Requisiti: laurea in Ingegneria o Economia", "bachelor"},
		{"Laurea magistrale in Statistica", "master"},
		{"Formação superior completa em Marketing", "bachelor"},
		{"Superior completo em Ciência da Computação", "bachelor"},
		{"High school diploma or GED", "secondary"},
		{"Associate's degree or equivalent", "associate"},
		{"Degree in engineering or equivalent experience", "bachelor"},
		{"Work with our Associate Product Managers and the Scrum Master", ""},
		{"No degree required - we care about skills", ""},
		{"Give 360-degree feedback", ""},
		{"Abgeschlossenes Studium der Informatik", "bachelor"},
		{"MS or PhD in physics", "master"},
		{"A PhD, or a Master's and five years in industry", "master"},
		{"Graduate in any discipline; MBA preferred", "bachelor"},
		{"BS/MS in Statistics", "bachelor"},
		{"GCSEs in Maths and English", "secondary"},
		{"Grado en Ingeniería o FP Superior en Sistemas", "associate"},
		{"Afgeronde hbo-opleiding in de richting bedrijfskunde", "bachelor"},
		{"Ensino superior completo em Administração", "bachelor"},
		{"Titulación universitaria en Economía", "bachelor"},
		{"Titulaire d'un Master en marketing", "master"},
		{"Diploma di scuola superiore", "secondary"},
		{"Mbo-niveau 4 in de zorg", "secondary"},
		{"Wykształcenie wyższe techniczne", "bachelor"},
		{"Dottorato di ricerca in Chimica", "doctorate"},
		{"Ingeniero/a titulado/a en Telecomunicaciones", "bachelor"},
		{"Graduates from any stream can apply", "bachelor"},
		{"Tu es en Master 2 de finance", "master"},
		{"Education: Any Graduate", "bachelor"},
		{"Tertiary qualification in IT", "bachelor"},
		{"Een afgeronde wo-opleiding", "master"},
		{"Associate's or Bachelor's degree in Marketing", "associate"},
		{"Abgeschlossenes Masterstudium in Informatik", "master"},
	} {
		if got := EducationFromText(tt.text); got != tt.want {
			t.Errorf("EducationFromText(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestWorkplaceFromText(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"This is a fully remote role.", "remote"},
		{"Modelo de trabalho: remoto", "remote"},
		{"Modalidad de trabajo: 100% remota", "remote"},
		{"- Flexible working hours and the option to work from home 1-2 days a week", "hybrid"},
		{"CDI · Bordeaux · Télétravail occasionnel", "hybrid"},
		{"Location: Remote (US)", "remote"},
		{"Remote", "remote"},
		{"Hybrid: 3 days a week in our Berlin office", "hybrid"},
		{"2 days per week in the office", "hybrid"},
		{"Experience with hybrid cloud infrastructure", ""},
		{"Collaborate with remote teams across time zones", ""},
		{"This role is on-site in Austin, TX.", "onsite"},
		{"This is not a remote position.", "onsite"},
		{"We have an onsite gym.", ""},
		{"Modalidad: híbrido (Bogotá)", "hybrid"},
		{"Praca hybrydowa, Kraków", "hybrid"},
		{"3 jours de télétravail par semaine", "hybrid"},
		{"Bis zu 3 Tage Homeoffice pro Woche", "hybrid"},
		{"Mon–Wed in the office, the rest from home", "hybrid"},
		{"Location: Pune (WFO, 5 days)", "onsite"},
		{"This is an in-office position in Dallas.", "onsite"},
		{"100% teletrabajo desde cualquier lugar de España", "remote"},
		{"Vollzeit, 100 % remote", "remote"},
		{"Bis zu 2 Tage mobiles Arbeiten pro Woche", "hybrid"},
		{"3 days a week in Leeds, the rest from home", "hybrid"},
		{"リモート可（週3日出社）", "hybrid"},
		{"Based in our Denver office 3 days/week", "hybrid"},
		{"Four days a week at our Leeds studio", "hybrid"},
		{"Shift work, on-site only.", "onsite"},
		{"Pay is hourly. On-site, Reno NV.", "onsite"},
		{"Site-based role in Hull", "onsite"},
		{"Poste en présentiel à Lille", "onsite"},
		{"Hybrides Arbeiten mit 2 Bürotagen", "hybrid"},
		{"Je werkt twee dagen thuis", "hybrid"},
		{"Télétravail 2 jours par semaine", "hybrid"},
		{"Flexible working: 70% in the office, 30% from home", "hybrid"},
		{"Praca w pełni zdalna", "remote"},
		{"フルリモート可", "remote"},
		{"6-month contract, remote on Pacific hours.", "remote"},
		{"Präsenz am Standort Mainz, kein Homeoffice", "onsite"},
		{"Volledig op locatie in Breda", "onsite"},
		{"Organisation : 2 jours au bureau, 3 jours en télétravail", "hybrid"},
		{"Praca z biura, z jednym dniem pracy zdalnej w tygodniu", "hybrid"},
		{"Zurich with 2 home-office days a week", "hybrid"},
		{"Onsite 2x/wk in Austin, rest remote", "hybrid"},
		{"勤務地：大阪（週2日まで在宅勤務可）", "hybrid"},
		{"Remote-first company, but this role is in our Porto office full-time.", "onsite"},
		{"Lavoro in presenza a Bari", "onsite"},
		{"A work-from-anywhere role", "remote"},
		{"Home-based with travel to client sites", "remote"},
		{"Remote in Canada.", "remote"},
		{"Shift pattern 4x10, Canberra onsite.", "onsite"},
		{"CDI, télétravail partiel possible", "hybrid"},
		{"Zwei Tage pro Woche arbeitest du im Homeoffice", "hybrid"},
		{"Remote within Spain, or hybrid from our Madrid office", "remote"},
		{"This permanent role is based in our Calgary office.", "onsite"},
		{"Location: Tulsa, OK (on-site)", "onsite"},
		{"Remote with occasional travel to Leeds", "remote"},
		{"You'll work from our Leiden office at least three days a week.", "hybrid"},
		{"Télétravail : 2 jours par semaine", "hybrid"},
		{"Teletrabajo 100% o híbrido, como prefieras", "remote"},
		{"Vancouver office, 3 days on site.", "hybrid"},
		{"Mobile working up to 2 days per week", "hybrid"},
		{"5-day work week in our Jurong office", "onsite"},
		{"Die Möglichkeit, remote zu arbeiten", "remote"},
	} {
		if got := WorkplaceFromText(tt.text); got != tt.want {
			t.Errorf("WorkplaceFromText(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEmploymentFromText(t *testing.T) {
	for _, tt := range []struct{ title, text, want string }{
		{"Product Manager", "This is a full-time position.", "full_time"},
		{"Engenheiro de Dados", "Contratação: PJ\nModelo de trabalho: remoto", "contract"},
		{"Product Intern", "Join us for the summer.", "internship"},
		{"Product Owner (Contract)", "", "contract"},
		{"Product Owner", "6-month contract, outside IR35", "contract"},
		{"Product Manager", "Experience with contract negotiation", ""},
		{"Product Manager", "Part-time, 20 hours per week", "part_time"},
		{"Product Manager", "You will mentor our interns.", ""},
		{"Product Manager", "Temporary maternity cover for 12 months", "temporary"},
		{"Analyst", "Fixed term for 18 months, full-time.", "temporary"},
		{"Site Engineer", "We are a building contractor in Leeds. Permanent, full-time.", "full_time"},
		{"Designer", "Engaged as an independent contractor.", "contract"},
		{"Tester", "£400 per day outside IR35", "contract"},
		{"ICU Nurse", "A 13-week assignment in Tucson", "temporary"},
		{"Werkstudent Marketing", "", "part_time"},
		{"Estagiário de Dados", "", "internship"},
		{"Referent", "Befristete Stelle, Teilzeit", "temporary"},
		{"Interim Head of Product", "", "contract"},
		{"Java Developer", "Umowa: (B2B), 160h/mies.", "contract"},
		{"Analyst", "Medio tiempo, 20 horas", "part_time"},
		{"Team Leader", "Temp-to-perm via agency", "temporary"},
		{"Développeur", "CDD de 12 mois", "temporary"},
		{"Ricercatore", "Contratto a tempo determinato di 24 mesi", "temporary"},
		{"Physiotherapist", "Locum cover for 6 weeks", "temporary"},
		{"Utvecklare", "Heltid, tillsvidareanställning", "full_time"},
		{"Retail Assistant", "16 hours a week", "part_time"},
		{"Nurse", "37.5 hours per week, permanent", "full_time"},
		{"Aushilfe", "Minijob, bis zu 10 Stunden", "part_time"},
		{"Analyst", "This is a 9-month contract (maternity leave coverage).", "temporary"},
		{"Engineer", "6-month fixed-term contract, full-time", "temporary"},
		{"Nurse", "Permanent part-time (0.6 FTE)", "part_time"},
		{"Developer", "Unbefristete Vollzeitstelle", "full_time"},
		{"Analist", "40 uur per week, vast contract", "full_time"},
		{"Entwickler", "Stundensatz 90 € (freiberuflich)", "contract"},
		{"Stagiaire", "Stage de fin d'études de 6 mois", "internship"},
		{"Project Manager", "Rate: $90 per hour (incorporated)", "contract"},
		{"Programme Manager", "Employment type: 2-year contract, renewable", "contract"},
		{"Analyst", "Contract length: 12 months", "contract"},
		{"Officer", "Hours: 37 per week", "full_time"},
	} {
		if got := EmploymentFromText(tt.title, tt.text); got != tt.want {
			t.Errorf("EmploymentFromText(%q, %q) = %q, want %q", tt.title, tt.text, got, tt.want)
		}
	}
}

func TestLocationCurrency(t *testing.T) {
	for _, tt := range []struct {
		locs []string
		want string
	}{
		{[]string{"Berlin, Germany"}, "EUR"},
		{[]string{"Remote - UK"}, "GBP"},
		{[]string{"Austin, TX, US"}, "USD"},
		{[]string{"Toronto, ON"}, "CAD"},
		{[]string{"London", "New York"}, ""},
		{nil, ""},
	} {
		if got := LocationCurrency(tt.locs); got != tt.want {
			t.Errorf("LocationCurrency(%q) = %q, want %q", tt.locs, got, tt.want)
		}
	}
}

func TestDollarFromText(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Salary: $95,000 - $105,000 + superannuation", "AUD"},
		{"$120k + 12% super, Brisbane office", "AUD"},
		{"Salaire : 80 000 $ à 90 000 $, bureaux à Québec.", "CAD"},
		{"Pay: $40/hour. Located in Calgary, Alberta.", "CAD"},
		{"Pay: $40/hour. Offices in Toronto and Sydney.", ""},    // two countries
		{"Base $150k for US hires; Vancouver hires in CAD.", ""}, // "US"
		{"Salary: $150k. Offices in Seattle and Vancouver.", ""}, // an American city
		{"We are super excited to meet you. Salary: $100k.", ""}, // "super" alone
		{"Our Toronto office is lovely.", ""},                    // no "$"
		{"$70/hr contract in Auckland, KiwiSaver contributions", "NZD"},
	} {
		if got := DollarFromText(tt.text); got != tt.want {
			t.Errorf("DollarFromText(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// Facts uses it when the posting's location names no country.
	p := Posting{Description: "Salary: $88,000 – $96,000 plus superannuation."}
	Facts(&p)
	if got := salaryString(p.Salary); got != "88000-96000 AUD year" {
		t.Errorf("Facts salary = %q, want AUD", got)
	}
	p = Posting{Description: "Salary: $88,000 – $96,000 plus superannuation.", Locations: []string{"Denver, CO, US"}}
	Facts(&p)
	if got := salaryString(p.Salary); got != "88000-96000 USD year" {
		t.Errorf("Facts salary with a US location = %q, want USD", got)
	}
}

// TestFactsLargeInput checks that a 256 KiB description of amounts, years
// and degrees is read in linear time (it would take minutes if any
// reader were quadratic).
func TestFactsLargeInput(t *testing.T) {
	for _, unit := range []string{"$1 ", "Salary: $120k - $150k per year ", "5+ years of experience ", "3 years in sales ", "Bachelor's degree, ", "- remote hybrid\n"} {
		text := strings.Repeat(unit, (1<<18)/len(unit))
		SalaryFromText(text, "")
		ExperienceFromText(text)
		EducationFromText(text)
		WorkplaceFromText(text)
		EmploymentFromText("", text)
	}
}

// TestEmploymentPrefilter checks that EmploymentFromText's keyword
// prefilter drops no match: over every labelled and held-out snippet it
// answers as the patterns alone do.
func TestEmploymentPrefilter(t *testing.T) {
	reference := func(text string) string { return employmentByPatterns(text, strings.ToLower(text), false) }
	n := 0
	for _, dir := range []string{"labelled", "heldout"} {
		for _, c := range loadLabelled(t, dir) {
			n++
			if got, want := employmentByPatterns(c.Text, strings.ToLower(c.Text), true), reference(c.Text); got != want {
				t.Errorf("%s: EmploymentFromText = %q, the patterns alone say %q", c.ID, got, want)
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d snippets", n)
	}
}
