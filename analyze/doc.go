// Package analyze turns counts of postings into the numbers jobgap shows:
// shares with their 95% Wilson score intervals, ranked items, and flags
// for samples too small to trust. Every function is pure: it reads its
// arguments and returns values, and never prints or touches the disk.
package analyze
