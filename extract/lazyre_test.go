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

func TestMoneyGroups(t *testing.T) {
	for name, want := range map[string]int{"pre": moneyPre, "num": moneyNum, "dec": moneyDec, "scale": moneyScale, "post": moneyPost} {
		if got := moneyRe.get().SubexpIndex(name); got != want {
			t.Errorf("moneyRe group %q is %d, the constant says %d", name, got, want)
		}
	}
	if n := moneyRe.get().NumSubexp(); n != 5 {
		t.Errorf("moneyRe has %d groups, want 5", n)
	}
}
