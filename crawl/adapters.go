package crawl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// single fetches one URL and hands it on: greenhouse, ashby, workable,
// recruitee.
func (j *job) single(ctx context.Context, u, format string) error {
	f, err := j.get(ctx, u, false, true)
	if errors.Is(err, errNotModified) {
		j.notModified()
		return nil
	}
	if err != nil {
		return notFound(err)
	}
	j.fetchedOK()
	if err := j.hand(ctx, f, format); err != nil && !errors.Is(err, errLimit) {
		return err
	}
	return nil
}

const pageSize = 100

// lever asks for pages of 100 postings while a page is full. A page
// answered 304 is taken as full: the next one is asked for too.
func (j *job) lever(ctx context.Context) error {
	for skip, n := 0, 0; n < j.c.opts.MaxPages; n++ {
		u := fmt.Sprintf("%s/v0/postings/%s?mode=json&skip=%d&limit=%d", j.t.base(), url.PathEscape(j.t.Board), skip, pageSize)
		f, err := j.get(ctx, u, false, true)
		if errors.Is(err, errNotModified) {
			j.notModified()
			skip += pageSize
			continue
		}
		if err != nil {
			if skip == 0 {
				return notFound(err)
			}
			j.problem(err)
			return nil
		}
		j.fetchedOK()
		if err := j.hand(ctx, f, FormatLever); err != nil {
			if errors.Is(err, errLimit) {
				return nil
			}
			return err
		}
		var items []json.RawMessage
		if err := json.Unmarshal(f.body, &items); err != nil {
			// Not a postings array: the parser will say what it is;
			// there is no next page to ask for.
			return nil
		}
		if len(items) < pageSize {
			return nil
		}
		skip += len(items)
	}
	return nil
}

// flexString takes a JSON string or number.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		*s = flexString(v)
	case float64:
		*s = flexString(strings.TrimSpace(string(b)))
	}
	return nil
}

// smartRecruiters pages through the postings list, then hands on one page
// per posting detail.
func (j *job) smartRecruiters(ctx context.Context) error {
	base := j.t.base() + "/v1/companies/" + url.PathEscape(j.t.Board) + "/postings"
	var ids []string
	want := j.c.opts.MaxPages
	if l := j.c.opts.Limit; l > 0 {
		want = min(want, l)
	}
	for offset := 0; len(ids) < want; {
		u := fmt.Sprintf("%s?offset=%d&limit=%d", base, offset, pageSize)
		f, err := j.get(ctx, u, false, false)
		if err != nil {
			if offset == 0 {
				return notFound(err)
			}
			j.problem(err)
			break
		}
		j.fetchedOK()
		var list struct {
			TotalFound int `json:"totalFound"`
			Content    []struct {
				ID flexString `json:"id"`
			} `json:"content"`
		}
		if err := json.Unmarshal(f.body, &list); err != nil {
			err = fmt.Errorf("postings list %s: %w", f.url, err)
			if offset == 0 {
				return err
			}
			j.problem(err)
			break
		}
		for _, p := range list.Content {
			if p.ID != "" && len(ids) < want {
				ids = append(ids, string(p.ID))
			}
		}
		offset += len(list.Content)
		if len(list.Content) == 0 || offset >= list.TotalFound {
			break
		}
	}
	fr := newFrontier(len(ids))
	for _, id := range ids {
		fr.add(item{url: base + "/" + url.PathEscape(id), kind: kindDetail})
	}
	j.pool(ctx, fr, func(ctx context.Context, it item, fr *frontier) {
		f, err := j.get(ctx, it.url, false, true)
		if errors.Is(err, errNotModified) {
			j.notModified()
			return
		}
		if err != nil {
			if ctx.Err() == nil {
				j.problem(err)
			}
			return
		}
		j.fetchedOK()
		if err := j.hand(ctx, f, FormatSmartRecruiters); err != nil {
			fr.stop()
		}
	})
	return ctx.Err()
}
