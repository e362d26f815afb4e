package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/jobgap/jobgap/corpus"
)

// writePostingFiles writes files JSON Lines files of per postings each and
// returns their paths. Titles are "Product Owner F-I" so a test can tell
// which file each posting came from.
func writePostingFiles(t *testing.T, dir string, files, per int) []string {
	t.Helper()
	var paths []string
	for f := range files {
		var b strings.Builder
		for i := range per {
			p := map[string]any{
				"@context":           "https://schema.org/",
				"@type":              "JobPosting",
				"title":              fmt.Sprintf("Product Owner %d-%d", f, i),
				"description":        fmt.Sprintf("<p>Posting %d of file %d.</p><ul><li>CSPO required</li><li>SQL and Jira</li></ul>", i, f),
				"url":                fmt.Sprintf("https://jobs.example.com/%d/%d", f, i),
				"datePosted":         "2026-10-01",
				"hiringOrganization": map[string]any{"@type": "Organization", "name": "Example"},
			}
			line, _ := json.Marshal(p)
			b.Write(line)
			b.WriteByte('\n')
		}
		path := filepath.Join(dir, fmt.Sprintf("batch%03d.jsonl", f))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// jobgapCmd runs this test binary as jobgap (see TestMain).
func jobgapCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	path, err := exec.LookPath("jobgap")
	if err != nil {
		t.Fatalf("jobgap test command not installed: %v", err)
	}
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "JOBGAP_DATA=")
	return cmd
}

// TestKillDuringImport kills jobgap with SIGKILL while it imports, then
// checks that the store opens cleanly and holds every posting that jobgap
// had reported as saved. The moment of the kill varies from run to run;
// the property must hold at any moment.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess crash test")
	}
	src, data := t.TempDir(), t.TempDir()
	const files, per = 40, 60
	paths := writePostingFiles(t, src, files, per)

	cmd := jobgapCmd(t, append([]string{"--data", data, "import"}, paths...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		// "PATH: N postings (...)" is printed only after PATH's postings
		// are committed.
		if name, _, ok := strings.Cut(line, ": "); ok && strings.HasSuffix(name, ".jsonl") {
			acked[name] = true
		}
		if len(acked) >= files/4 {
			break
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	if len(acked) == 0 {
		t.Fatal("jobgap acknowledged no file before it was killed")
	}

	exp := jobgapCmd(t, "--data", data, "export", "--format", "jsonl")
	b, err := exp.Output()
	if err != nil {
		t.Fatalf("export after kill: %v", err)
	}
	have := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var p struct{ Title string }
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		have[p.Title] = true
	}
	for f, path := range paths {
		if !acked[path] {
			continue
		}
		for i := range per {
			if title := fmt.Sprintf("Product Owner %d-%d", f, i); !have[title] {
				t.Errorf("%s was reported saved, but %q is missing after the kill", path, title)
			}
		}
	}
	t.Logf("%d files acknowledged before the kill; %d postings present after", len(acked), len(have))
}

// TestSecondProcessGetsLockError holds the data dir in this process and
// checks that jobgap refuses it at once, naming the holder's pid.
func TestSecondProcessGetsLockError(t *testing.T) {
	data := t.TempDir()
	s, err := corpus.Open(context.Background(), data, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := jobgapCmd(t, "--data", data, "stats")
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != exitFailure {
		t.Fatalf("jobgap stats on a held dir: err %v, output %s; want exit %d", err, out, exitFailure)
	}
	want := fmt.Sprintf("is in use by another jobgap (pid %d)", os.Getpid())
	if !strings.Contains(string(out), want) {
		t.Fatalf("output %q does not say %q", out, want)
	}
}
