package extract

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/jobgap/jobgap/extract/taxonomy"
)

// TestExtractAllMatchesExtract checks that extracting on all cores gives,
// record by record, what extracting one at a time gives (run it with
// -race: the Extractor is shared).
func TestExtractAllMatchesExtract(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor(tax)
	var raws []Raw
	for i := range 60 {
		body := fmt.Sprintf("Product Owner %d\n\nRequirements\n- CSPO certification\n- SQL and Jira\nSalary: $%d,000 per year", i, 90+i)
		if i%10 == 0 {
			body = "" // no title: an error, kept in its place
		}
		raws = append(raws, Raw{Format: FormatText, Source: "test", Origin: fmt.Sprintf("t:%d", i), Body: body})
	}
	posts, errs := x.ExtractAll(raws)
	failed := 0
	for i, r := range raws {
		want, wantErr := x.Extract(r)
		if (errs[i] == nil) != (wantErr == nil) {
			t.Fatalf("record %d: error %v, want %v", i, errs[i], wantErr)
		}
		if errs[i] != nil {
			failed++
		}
		if !reflect.DeepEqual(posts[i], want) {
			t.Fatalf("record %d differs:\n got %+v\nwant %+v", i, posts[i], want)
		}
	}
	if failed != 6 || len(posts[1].Tags) == 0 {
		t.Fatalf("%d records failed (want the 6 without a title); record 1 has tags %v", failed, posts[1].Tags)
	}
}
