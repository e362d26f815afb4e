package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IO carries the standard streams and what is known about them, so that
// commands can be run against buffers in tests.
type IO struct {
	In          io.Reader
	Out         io.Writer
	Err         io.Writer
	ErrIsTerm   bool // progress bars only go to a terminal
	OutIsTerm   bool
	ErrTermCols int
}

func systemIO() *IO {
	s := &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		s.ErrIsTerm = true
		if w, _, err := term.GetSize(int(os.Stderr.Fd())); err == nil {
			s.ErrTermCols = w
		}
	}
	s.OutIsTerm = term.IsTerminal(int(os.Stdout.Fd()))
	return s
}
