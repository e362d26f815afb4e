package taxonomy

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

// data/compiled.json holds the embedded YAML files (data/*.yaml) parsed:
// every term, family and context group with the file:line it came from,
// one per line. The YAML files are the source; TestCompiledUpToDate fails
// when compiled.json no longer matches them, and
//
//	go test ./extract/taxonomy -run TestCompiledUpToDate -update
//
// writes it again.
//
//go:embed data/compiled.json
var compiledJSON []byte

// compiledFamily is a Family with its origin, which Family leaves out of
// its JSON.
type compiledFamily struct {
	Family
	Origin string `json:"origin"`
}

type compiledData struct {
	Terms    []Term           `json:"terms"`
	Families []compiledFamily `json:"families"`
	Contexts []ContextGroup   `json:"contexts"`
}

func decodeCompiled(b []byte) (*fileData, error) {
	var c compiledData
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		return nil, fmt.Errorf("data/compiled.json: %w", err)
	}
	fd := &fileData{terms: c.Terms, contexts: c.Contexts, formsChecked: true}
	for _, f := range c.Families {
		f.Family.Origin = f.Origin
		fd.families = append(fd.families, f.Family)
	}
	return fd, nil
}

// encodeCompiled writes fd as data/compiled.json: one element a line, so
// that a change to one term changes one line.
func encodeCompiled(fd *fileData) ([]byte, error) {
	var buf bytes.Buffer
	list := func(name string, n int, item func(i int) any, last bool) error {
		fmt.Fprintf(&buf, "%q: [\n", name)
		for i := range n {
			b, err := json.Marshal(item(i))
			if err != nil {
				return err
			}
			buf.Write(b)
			if i < n-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString("]")
		if !last {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		return nil
	}
	buf.WriteString("{\n")
	if err := list("terms", len(fd.terms), func(i int) any { return fd.terms[i] }, false); err != nil {
		return nil, err
	}
	if err := list("families", len(fd.families), func(i int) any {
		return compiledFamily{Family: fd.families[i], Origin: fd.families[i].Origin}
	}, false); err != nil {
		return nil, err
	}
	if err := list("contexts", len(fd.contexts), func(i int) any { return fd.contexts[i] }, true); err != nil {
		return nil, err
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}
