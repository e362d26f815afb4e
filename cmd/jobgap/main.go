// Command jobgap tells a person changing careers what the job market for
// their target role asks for, and how far they are from it. See doc.go for
// the manual.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/jobgap/jobgap/corpus"
)

func main() {
	os.Exit(Main())
}

// Exit codes.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitPartial     = 3 // finished, but some items (files, records, sources) failed
	exitInterrupted = 130
)

// Main runs jobgap with the process's arguments and standard streams and
// returns the exit code.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	io := systemIO()
	err := run(ctx, os.Args[1:], io)
	return exitCode(err, io)
}

// exitCode prints err (if any) and maps it to an exit code: the one place
// that does.
func exitCode(err error, io *IO) int {
	if err == nil {
		return exitOK
	}
	var usage *usageError
	var partial *partialError
	var inUse *corpus.InUseError
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(io.Err, "jobgap: interrupted; everything reported as saved is kept")
		return exitInterrupted
	case errors.As(err, &partial):
		fmt.Fprintf(io.Err, "jobgap: %v\n", err)
		return exitPartial
	case errors.As(err, &usage):
		fmt.Fprintf(io.Err, "jobgap: %v\n", err)
		return exitUsage
	case errors.As(err, &inUse):
		fmt.Fprintf(io.Err, "jobgap: %v; wait for it to finish, or use another --data directory\n", err)
		return exitFailure
	default:
		fmt.Fprintf(io.Err, "jobgap: %v\n", err)
		return exitFailure
	}
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// partialError says a command finished but some items failed: exit 3.
type partialError struct {
	failed int
	what   string // "records", "sources"
}

func (e *partialError) Error() string {
	return fmt.Sprintf("finished with %d failed %s (listed above)", e.failed, e.what)
}
