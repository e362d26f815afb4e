package extract

import (
	"errors"
	"testing"
)

// fuzzHints are the format hints FuzzSplit picks from.
var fuzzHints = []string{"", "html", "json", "jsonl", "csv", "text", "greenhouse", "lever", "ashby", "smartrecruiters"}

func FuzzSplit(f *testing.F) {
	for _, c := range splitCases {
		doc := loadCase(f, c)
		for i, h := range fuzzHints {
			if h == doc.Format {
				f.Add(doc.Body, uint8(i), doc.ContentType)
			}
		}
	}
	f.Add([]byte("<script>self.__next_f.push([1,\"0:{\\\"@type\\\":\\\"JobPosting\\\",\\\"title\\\":\\\"A\\\"}\\n\"])</script>"), uint8(1), "")
	f.Add([]byte(`<div itemscope itemtype="http://schema.org/JobPosting"><span itemprop="title">A</span></div>`), uint8(1), "")
	f.Add([]byte("title,salary\nA,\"1,000 - 2,000\"\n"), uint8(4), "")
	f.Add([]byte(`{"content":[{"id":"1","name":"A"}],"totalFound":1}`), uint8(2), "")
	f.Fuzz(func(t *testing.T, body []byte, hint uint8, contentType string) {
		doc := Document{Name: "fuzz", Source: "fuzz:board", Body: body, ContentType: contentType, Format: fuzzHints[int(hint)%len(fuzzHints)]}
		raws, errs := Split(doc)
		for _, err := range errs {
			var re *RecordError
			if !errors.As(err, &re) || re.Name != "fuzz" || re.Line < 0 {
				t.Fatalf("error %#v is not a *RecordError for this document", err)
			}
		}
		for _, r := range raws {
			switch r.Format {
			case FormatJobPosting, FormatGreenhouse, FormatLever, FormatAshby, FormatSmartRecruiters, FormatCSV, FormatText:
			default:
				t.Fatalf("record format %q", r.Format)
			}
			p, err := Parse(r)
			if err != nil {
				continue
			}
			if p.Title == "" || !idRe.MatchString(p.ID) || p.Remote != (p.Workplace == "remote") {
				t.Fatalf("bad posting: %+v", p)
			}
		}
	})
}
