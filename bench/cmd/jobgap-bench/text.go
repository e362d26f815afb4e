package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jobgap/jobgap/extract"
	"github.com/jobgap/jobgap/extract/taxonomy"
)

// separator ends each posting's text in the files text writes.
const separator = "\f\n"

func runText(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	out := fs.String("out", "", "directory for the text files")
	terms := fs.String("terms", "", "file to write the taxonomy's surface forms to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("text: give -out DIR")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if *terms != "" {
		if err := writeTerms(*terms); err != nil {
			return err
		}
	}
	files := fs.Args()
	var wg sync.WaitGroup
	errs := make([]error, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, path := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if ctx.Err() == nil {
				errs[i] = writeText(path, filepath.Join(*out, strings.TrimSuffix(filepath.Base(path), ".jsonl")+".txt"))
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

func writeText(in, out string) error {
	body, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	raws, errs := extract.Split(extract.Document{Name: in, Source: "file", Body: body, FetchedAt: time.Now().UTC()})
	if len(errs) > 0 {
		return fmt.Errorf("%s: %w", in, errs[0])
	}
	var b bytes.Buffer
	for _, r := range raws {
		p, err := extract.Parse(r)
		if err != nil {
			return err
		}
		b.WriteString(p.Description)
		b.WriteString("\n" + separator)
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// writeTerms writes every surface form of every term, one a line, sorted.
func writeTerms(path string) error {
	tax, err := taxonomy.Default()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var forms []string
	for _, t := range tax.Terms("") {
		for _, list := range [][]string{{t.Name}, t.Acronyms, t.Aliases, t.Exact} {
			for _, f := range list {
				if f != "" && !seen[f] {
					seen[f] = true
					forms = append(forms, f)
				}
			}
		}
	}
	sort.Strings(forms)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, s := range forms {
		fmt.Fprintln(w, s)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
