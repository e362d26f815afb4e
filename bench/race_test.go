//go:build race

package bench

// raceEnabled: under the race detector, extraction is about ten times
// slower, and this test checks answers, not concurrency.
const raceEnabled = true
