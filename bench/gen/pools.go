package gen

// pools are the sentence templates that tag nothing.
type pools struct {
	about, role, req, nice, pay, benefits, closers []string
}

var payLines = []string{"The base salary range for this position is", "The expected pay for this role is",
	"We offer a salary of", "Pay:"}

// buildPools keeps the templates that, filled with every value a
// placeholder can take in turn, tag nothing.
func buildPools(clean func(string) bool) pools {
	ok := func(heading string) func(string) bool {
		return func(s string) bool { return clean(heading + "\n" + fillNeutral(s)) }
	}
	return pools{
		about:    filter(aboutTemplates, ok("About Kalomi")),
		role:     filter(roleTemplates, ok("About the role")),
		req:      filter(reqFiller, ok("Requirements")),
		nice:     filter(niceFiller, ok("Nice to have")),
		pay:      filter(payLines, ok("Compensation")),
		benefits: filter(benefits, ok("Benefits")),
		closers:  filter(closers, ok("Benefits")),
	}
}

func filter(in []string, keep func(string) bool) []string {
	var out []string
	for _, s := range in {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}
