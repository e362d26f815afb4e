package extract

import (
	"regexp"
	"testing"
)

// TestLazyPatternsCompile compiles every pattern of the package, which
// would otherwise panic only when first used.
func TestLazyPatternsCompile(t *testing.T) {
	if len(allLazy) == 0 {
		t.Fatal("no lazy patterns registered")
	}
	for _, l := range allLazy {
		if _, err := regexp.Compile(l.pattern); err != nil {
			t.Errorf("pattern %q: %v", l.pattern, err)
		}
	}
}
