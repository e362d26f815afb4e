package taxonomy

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// defaultFiles are the sources of data/compiled.json.
var defaultFiles = []string{"data/certifications.yaml", "data/skills.yaml", "data/titles.yaml"}

// parseDefaultYAML parses the YAML files, the source of
// data/compiled.json.
func parseDefaultYAML() (*fileData, []error) {
	var all fileData
	var errs []error
	for _, name := range defaultFiles {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, []error{fmt.Errorf("taxonomy: read %s: %w", name, err)}
		}
		fd, ferrs := parseFile(b, name)
		errs = append(errs, ferrs...)
		if fd == nil {
			continue
		}
		all.terms = append(all.terms, fd.terms...)
		all.families = append(all.families, fd.families...)
		all.contexts = append(all.contexts, fd.contexts...)
	}
	return &all, errs
}

var update = flag.Bool("update", false, "rewrite data/compiled.json from data/*.yaml")

// TestCompiledUpToDate checks that data/compiled.json, which Default
// decodes, is exactly the embedded YAML files parsed.
func TestCompiledUpToDate(t *testing.T) {
	fd, errs := parseDefaultYAML()
	if len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
	// The YAML files build without errors, surface-form collisions
	// included: Default, built from data/compiled.json, skips that check.
	if _, errs := build(nil, fd); len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
	want, err := encodeCompiled(fd)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/compiled.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(compiledJSON, want) {
		t.Fatal("data/compiled.json does not match data/*.yaml: run go test ./extract/taxonomy -run TestCompiledUpToDate -update")
	}
	// And it decodes to the same data.
	got, err := decodeCompiled(compiledJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.terms, fd.terms) || !reflect.DeepEqual(got.families, fd.families) || !reflect.DeepEqual(got.contexts, fd.contexts) {
		t.Fatal("data/compiled.json decodes to other data than data/*.yaml parses to")
	}
}

// BenchmarkLoad compares building the default taxonomy from
// compiled.json with parsing the YAML files.
func BenchmarkLoad(b *testing.B) {
	b.Run("compiled", func(b *testing.B) {
		for b.Loop() {
			fd, err := decodeCompiled(compiledJSON)
			if err != nil {
				b.Fatal(err)
			}
			if _, errs := build(nil, fd); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			fd, errs := parseDefaultYAML()
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			if _, errs := build(nil, fd); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
}
