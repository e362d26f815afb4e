package crawl

import (
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// linkCases are documents where a scanner could part ways with the
// Tokenizer.
var linkCases = []string{
	``,
	`<a href="/x">`,
	`<a href="/x"`,
	`<a href="/x`,
	`<a href=/x`,
	`<a href=/x>`,
	`<a href=/x/>`,
	`<a href = "/x" >`,
	`<a  href='/x'>`,
	`<A HREF="/x">`,
	`<a/href=/x>`,
	`<a href>`,
	`<a href=>`,
	`<a href="">`,
	`<a href="  /x  ">`,
	`<a =href="/x">`,
	`<a href="/x" href="/y">`,
	`<a HREF="/x" href="/y">`,
	`<a title=">" href="/x">`,
	`<a title='"' href="/x">`,
	`<a title=a"b href=/x>`,
	`<a href=a"b'c>`,
	`<a href="/x?a=1&amp;b=2">`,
	`<a href="/x?a=1&copy=2">`,
	`<a href="/x?a=1&copy;=2">`,
	`<a href="/x&#47;y">`,
	"<a href=\"/x\r\ny\">",
	"<a href=\"/x\x00y\">",
	`<area href="/x"><base href="/y/"><a href="z">`,
	`<base href="http://other.example/b/"><a href="z">`,
	`<base href=""><a href="z">`,
	`<abbr href="/x"><areas href="/y"><bases href="/z">`,
	`< a href="/x">`,
	`<<a href="/x">`,
	`</a href="/x"><a href="/y">`,
	`</><a href="/x">`,
	`</ a href="/x"><a href="/y">`,
	`</`,
	`<`,
	`<!--<a href="/x">--><a href="/y">`,
	`<!--><a href="/x">`,
	`<!---><a href="/x">`,
	`<!-- --!><a href="/x">`,
	`<!-- --!-><a href="/x">--><a href="/y">`,
	`<!-- -- ><a href="/x">--><a href="/y">`,
	`<!-- <a href="/x">`,
	`<!DOCTYPE html><a href="/x">`,
	`<!doctype><a href="/x">`,
	`<!DOCTY`,
	`<!x <a href="/x">><a href="/y">`,
	`<![CDATA[<a href="/x">]]><a href="/y">`,
	`<?xml <a href="/x">?><a href="/y">`,
	`<!`,
	`<!-`,
	`<script><a href="/x"></script><a href="/y">`,
	`<script><a href="/x"></script ><a href="/y">`,
	`<script><a href="/x"></scriptx><a href="/y"></SCRIPT><a href="/z">`,
	`<script><a href="/x"></script`,
	`<script/><a href="/x"></script><a href="/y">`,
	`<script>x = "<!--"; <a href="/x"></script><a href="/y">`,
	`<script><!--<script></script><a href="/x">--></script><a href="/y">`,
	`<script><!-- </script><a href="/x">`,
	`<script><!- </script><a href="/x">`,
	`<script></</script><a href="/x">`,
	`<title><a href="/x"></title><a href="/y">`,
	`<TITLE><a href="/x"></TiTlE><a href="/y">`,
	`<textarea><a href="/x"></textarea/><a href="/y">`,
	`<style><a href="/x"></style><a href="/y">`,
	`<noscript><a href="/x"></noscript><a href="/y">`,
	`<iframe><a href="/x"></iframe><a href="/y">`,
	`<xmp><a href="/x"></xmp><a href="/y">`,
	`<noembed><a href="/x"></noembed><a href="/y">`,
	`<noframes><a href="/x"></noframes><a href="/y">`,
	`<plaintext><a href="/x"></plaintext><a href="/y">`,
	`<scripts><a href="/x">`,
	`<div title="<a href='/x'>"><a href="/y">`,
	`<a href="javascript:void(0)"><a href="mailto:a@b"><a href="#top"><a href="//h.example/x">`,
	`<a href="http://[::1">`,
	`<a href="/é">`,
}

// linkFragments build random documents for TestHTMLLinksAsTokenizer.
var linkFragments = []string{
	"<", ">", "/", "!", "-", "--", "?", "=", `"`, "'", " ", "\n", "\r", "\x00", "&", "&amp;", "&copy", ";",
	"a", "A", "area", "base", "href", "HREF", "x", "/p", "q=1",
	"<a ", "<a href=", `<a href="/j/1">`, "</a>", "<area href=", "<base href=",
	"<!--", "-->", "--!>", "<!DOCTYPE html>", "<?", "</",
	"<script>", "</script>", "</script", "<title>", "</title>", "<style>", "</style>",
	"<textarea>", "</textarea>", "<plaintext>", "<div>", "text ",
}

func TestHTMLLinksAsTokenizer(t *testing.T) {
	base, _ := url.Parse("http://h.example/dir/page.html")
	docs := slices.Clone(linkCases)
	for _, name := range []string{"careers.html", "job_page.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(linkFragments[r.IntN(len(linkFragments))])
		}
		docs = append(docs, b.String())
	}
	for _, d := range docs {
		got, want := strs(htmlLinks([]byte(d), base)), strs(tokenizerLinks([]byte(d), base))
		if !slices.Equal(got, want) {
			t.Errorf("htmlLinks(%q)\n = %q\nTokenizer: %q", d, got, want)
		}
	}
}

// The scanner reads ordinary pages itself, without the Tokenizer.
func TestHTMLLinksScannerReadsPlainPages(t *testing.T) {
	for _, name := range []string{"careers.html", "job_page.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		s := linkScanner{b: b}
		n := 0
		for {
			_, href, ok := s.next()
			if !ok {
				break
			}
			if href != nil {
				n++
			}
		}
		if s.hard || n == 0 {
			t.Errorf("%s: hard = %v, %d links", name, s.hard, n)
		}
	}
}

func FuzzHTMLLinks(f *testing.F) {
	for _, d := range linkCases {
		f.Add(d)
	}
	base, _ := url.Parse("http://h.example/dir/page.html")
	f.Fuzz(func(t *testing.T, d string) {
		got, want := strs(htmlLinks([]byte(d), base)), strs(tokenizerLinks([]byte(d), base))
		if !slices.Equal(got, want) {
			t.Errorf("htmlLinks(%q)\n = %q\nTokenizer: %q", d, got, want)
		}
	})
}

func BenchmarkHTMLLinks(b *testing.B) {
	page := fixture(b, "careers.html", "")
	base, _ := url.Parse("http://h.example/careers/")
	b.Run("scanner", func(b *testing.B) {
		for range b.N {
			htmlLinks(page, base)
		}
	})
	b.Run("tokenizer", func(b *testing.B) {
		for range b.N {
			tokenizerLinks(page, base)
		}
	})
}

func strs(us []*url.URL) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.String())
	}
	return out
}

// linkHrefs are hrefs whose URLs could come out differently when taken
// from a parsed URL (scope.inLink, urlKey) instead of from its String
// parsed again (scope.in, normURL), as the crawler did before.
var linkHrefs = []string{
	"", "/", "/careers/", "/careers", "careers/x", "../x", "?q=1", "#f", "/careers/x#f", "/careers/x?#",
	"/careers/x?", "//H.example:8080/careers/", "HTTP://H.EXAMPLE:8080/Careers/x", "http://www.h.example:8080/jobs/1",
	"http://h.example:8080", "http://h.example:8080?x", "http://h.example:8080#x", "https://h.example:8080/jobs",
	"http://h.example/jobs/1", "http://user:pw@h.example:8080/jobs/1", "http://[::1]:8080/jobs",
	"/careers/a%2Fb", "/careers/a%2fb/../c", "/careers/%7e", "/careers/~x", "/careers/a b", "/careers/ä", "/careers/%C3%A4",
	"/careers/a;b=c", "/careers/a?b=%zz", "/careers/%zz", "/careers/a.PDF", "/x/Jobs", "/x/ſtelle", "/careers/x.json?y",
	"/careers/x?a=1&b=2", "mailto:x@h.example", "javascript:x", "http:/careers/x", "http:careers", "/careers/\u00e9#\u00e9",
	"http://h.example:8080/careers/x#%41", "http://h.example:8080/careers/x#a%20b", "http://h.EXAMPLE:8080/careers/x",
	"http://h.example:8080/careers//x", "http://h.example:8080/careers/./x", "/careers/x%23y", "/careers/x?y#z#w", "?a #", "?a #f", "?a\u00a0", "?a\u00a0#",
}

func TestLinkURLsAsBefore(t *testing.T) {
	start, _ := url.Parse("http://h.example:8080/careers/")
	sc := newScope(start)
	bases := []string{"http://h.example:8080/careers/page.html", "http://H.example:8080/Careers/", "https://www.h.example:8080/a/b?c#d"}
	hrefs := slices.Clone(linkHrefs)
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(linkHrefs[r.IntN(len(linkHrefs))])
		}
		hrefs = append(hrefs, b.String())
	}
	for _, bs := range bases {
		base, _ := url.Parse(bs)
		for _, h := range hrefs {
			compareLinkURL(t, sc, base, h)
		}
	}
}

func compareLinkURL(t *testing.T, sc scope, base *url.URL, href string) {
	href = strings.TrimSpace(href) // as htmlLinks
	u1, err := base.Parse(href)
	if err != nil || href == "" {
		return
	}
	before := u1.String()
	var item, key string
	u2, ok := sc.in(before)
	if ok {
		item = u2.String()
		key = normURL(item)
		if k := urlKey(u2, item); k != key { // as for sitemap entries
			t.Errorf("%q on %s: urlKey = %q, normURL = %q", href, base, k, key)
		}
	}
	u3, ok3 := sc.inLink(u1)
	if u1.String() != before {
		t.Fatalf("inLink changed %q to %q", before, u1)
	}
	var item3, key3 string
	if ok3 {
		item3 = u3.String()
		key3 = urlKey(u3, item3)
	}
	if ok3 != ok || item3 != item || key3 != key {
		t.Errorf("%q on %s: inLink, urlKey = %v %q %q; in, normURL = %v %q %q", href, base, ok3, item3, key3, ok, item, key)
	}
}

func FuzzLinkURLs(f *testing.F) {
	for _, h := range linkHrefs {
		f.Add(h)
	}
	start, _ := url.Parse("http://h.example:8080/careers/")
	sc := newScope(start)
	base, _ := url.Parse("http://h.example:8080/careers/page.html")
	f.Fuzz(func(t *testing.T, href string) {
		compareLinkURL(t, sc, base, href)
	})
}
