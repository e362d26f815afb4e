package taxonomy

// MatchRef is Match on the reference implementation (reference_test.go),
// for the benchmarks of package taxonomy_test.
func MatchRef(t *Taxonomy, text string) []Match { return t.matchRef(text) }
