//go:build race

package extract

// raceEnabled: under the race detector, the regexps run about fifteen
// times slower, and the tests of the fast fact readers against their
// references check answers, not concurrency: they read a sample of
// their texts (see testTexts).
const raceEnabled = true
