package extract

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled when first used. The package
// has about seventy patterns; compiling them all when it loads cost every
// command about 8 ms (GODEBUG=inittrace=1), though most commands
// (stats, compare, audit) never extract anything.
type lazyRE struct {
	once    sync.Once
	pattern string
	re      *regexp.Regexp
}

// lazyMustCompile returns a lazyRE for pattern; like regexp.MustCompile
// it panics on a bad pattern, but when the pattern is first used
// (TestLazyPatternsCompile compiles every one of the package's).
func lazyMustCompile(pattern string) *lazyRE {
	l := &lazyRE{pattern: pattern}
	allLazy = append(allLazy, l)
	return l
}

// allLazy lists every lazyRE of the package, for the test.
var allLazy []*lazyRE

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

// The methods of regexp.Regexp that the package uses.

func (l *lazyRE) MatchString(s string) bool            { return l.get().MatchString(s) }
func (l *lazyRE) FindStringIndex(s string) []int       { return l.get().FindStringIndex(s) }
func (l *lazyRE) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRE) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRE) FindAllString(s string, n int) []string { return l.get().FindAllString(s, n) }
func (l *lazyRE) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRE) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}
func (l *lazyRE) String() string { return l.pattern }
