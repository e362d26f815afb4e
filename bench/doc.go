// Package bench measures jobgap at the size a career coach or a
// workforce board works at (100,000 postings), side by side with what
// such a user would otherwise do, and keeps a small version of the same
// pipeline in CI.
//
//   - bench/run (a bash script; see its header and docs/bench.md) builds
//     jobgap and the tools below, generates the postings, measures every
//     step with /usr/bin/time -v against its baseline, and writes the
//     table to bench/RESULTS.md.
//   - bench/gen generates realistic postings deterministically; its
//     command is bench/cmd/jobgap-gen.
//   - bench/cmd/jobgap-bench holds the baselines: bleve's own batch
//     indexing, taxonomy tagging throughput (against ripgrep), and a full
//     rescan of the store (against the index).
//   - The tests of this package run the same pipeline on 1,000 generated
//     postings and check its answers (never its speed): stats through the
//     index equal a full rescan, exactly, and the generator's known rates
//     come back out.
package bench
