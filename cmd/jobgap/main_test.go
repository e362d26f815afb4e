package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes this test binary double as the jobgap command, so that
// scripts and crash tests run the real program as a subprocess.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"jobgap": func() { os.Exit(Main()) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("JOBGAP_DATA", env.WorkDir+"/data")
			return nil
		},
	})
}
