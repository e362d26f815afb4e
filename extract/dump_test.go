package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jobgap/jobgap/bench/gen"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// dumpTo names the file TestDumpExtracted writes; the test is skipped
// without it.
var dumpTo = flag.String("dump", "", "TestDumpExtracted: write every extracted posting and fact, as JSON Lines, to this file")

// TestDumpExtracted writes, one JSON value a line, what extraction makes
// of a fixed set of inputs, so that a change meant to keep extraction's
// output (a speed-up) can be checked byte for byte against the code
// before it:
//
//	go test ./extract -run TestDumpExtracted -dump /tmp/before.jsonl
//	(change the code)
//	go test ./extract -run TestDumpExtracted -dump /tmp/after.jsonl
//	cmp /tmp/before.jsonl /tmp/after.jsonl
//
// The inputs: 5,000 postings of bench/gen (seed 1), split and extracted
// as import does; every document of the Split tests; every labelled and
// held-out snippet, tagged as a whole; and every distinct line of all of
// these read by each fact function alone, so that a difference a whole
// posting hides (the lowest of several years, the earliest employment
// phrase) still shows.
func TestDumpExtracted(t *testing.T) {
	if *dumpTo == "" {
		t.Skip("no -dump file")
	}
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(tax)
	f, err := os.Create(*dumpTo)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	emit := func(kind, name string, v any) {
		if err := enc.Encode(map[string]any{"kind": kind, "name": name, "value": v}); err != nil {
			t.Fatal(err)
		}
	}
	// Distinct lines, in the order first seen, with the title of the
	// first posting that had them.
	type titled struct{ title, line string }
	var lines []titled
	seen := map[string]bool{}
	addLines := func(title, text string) {
		for l := range strings.SplitSeq(text, "\n") {
			if !seen[l] {
				seen[l] = true
				lines = append(lines, titled{title, l})
			}
		}
	}
	extractDoc := func(doc Document) {
		raws, errs := Split(doc)
		for _, err := range errs {
			emit("split-error", doc.Name, err.Error())
		}
		for _, r := range raws {
			p, err := x.Extract(r)
			if err != nil {
				emit("extract-error", r.Origin, err.Error())
				continue
			}
			emit("posting", r.Origin, p)
			addLines(p.Title, p.Description)
		}
	}

	g, err := gen.New(tax, gen.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	const n = 5000
	for from := 0; from < n; from += gen.PerFile {
		var buf bytes.Buffer
		if err := g.WriteJSONL(&buf, from, min(from+gen.PerFile, n)); err != nil {
			t.Fatal(err)
		}
		extractDoc(Document{Name: gen.FileName(from), Source: "file", Body: buf.Bytes(),
			FetchedAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	}
	for _, c := range splitCases {
		extractDoc(loadCase(t, c))
	}
	for _, dir := range []string{"labelled", "heldout"} {
		for _, c := range loadLabelled(t, dir) {
			desc := c.Text
			if c.HTML {
				desc = HTMLToText(desc)
			}
			p := Posting{Title: c.Title, Description: desc}
			x.Tag(&p)
			emit("snippet", c.ID, p)
			addLines(c.Title, desc)
		}
	}
	for _, l := range lines {
		emit("line", l.title, []any{l.line, SalaryFromText(l.line, ""), SalaryFromText(l.line, "CAD"),
			DollarFromText(l.line), ExperienceFromText(l.line), EducationFromText(l.line),
			WorkplaceFromText(l.line), EmploymentFromText(l.title, l.line), EmploymentFromText("", l.line)})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d distinct lines and their postings to %s", len(lines), *dumpTo)
}
