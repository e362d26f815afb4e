package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// Handler returns the demo server: the job-board APIs and the career site
// described in the package doc. If the embedded postings are broken every
// request gets 500 with the load error.
func Handler() http.Handler {
	ps, err := load()
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		})
	}
	s := &server{postings: ps}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/boards/{token}/jobs", s.greenhouse)
	mux.HandleFunc("GET /v0/postings/{site}", s.lever)
	mux.HandleFunc("GET /posting-api/job-board/{board}", s.ashby)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.HandleFunc("GET /sitemap.xml", s.sitemap)
	mux.HandleFunc("GET /careers/{$}", s.careersIndex)
	mux.HandleFunc("GET /careers/{key}", s.careersPage)
	mux.HandleFunc("/", http.NotFound)
	return mux
}

type server struct {
	postings []Posting // sorted by key; never modified
}

// baseURL is the scheme and host the request reached, for absolute links.
func baseURL(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// writeJSON writes v as JSON with HTML characters left alone, as the
// job-board APIs send them.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// board returns the postings of kind:token, and whether that board exists.
func (s *server) board(kind, token string) ([]Posting, bool) {
	b := kind + ":" + token
	for _, known := range boards {
		if known == b {
			return byBoard(s.postings, b), true
		}
	}
	return nil, false
}

// department and team name a posting's organisational home from its
// title, as the boards' department and team fields do.
func department(title string) string {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "designer"):
		return "Design"
	case strings.Contains(t, "marketing"):
		return "Marketing"
	case strings.Contains(t, "customer success"):
		return "Customer Success"
	case strings.Contains(t, "project manager"), strings.Contains(t, "program manager"):
		return "Program Management"
	}
	return "Product"
}

func team(title string) string {
	for _, sep := range []string{", ", " - "} {
		if _, after, ok := strings.Cut(title, sep); ok {
			return after
		}
	}
	return department(title)
}
