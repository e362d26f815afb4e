package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var htmlToTextCases = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"plain text", "just  text", "just text"},
	{"entities", "<p>Tom &amp; Jerry &lt;3 &eacute;t&eacute;&nbsp;x &#8211; &#x2713;</p>", "Tom & Jerry <3 été x – ✓"},
	{"paragraphs and headings", "<h2>About</h2><p>We bake.</p><h3>You</h3><p>Knead.</p>", "About\n\nWe bake.\n\nYou\n\nKnead."},
	{"nested lists", "<ul><li>A<ul><li>A1</li><li>A2</li></ul></li><li>B</li></ul>", "- A\n- A1\n- A2\n- B"},
	{"list items without ul, as Lever sends", "\n<li>One</li>\n<li>Two &amp; three</li>\n", "- One\n- Two & three"},
	{"paragraphs inside a list item", "<ul><li><p>x</p><p>y</p></li></ul>", "- x\ny"},
	{"empty list item", "<ul><li> </li><li>x</li></ul>", "- x"},
	{"br", "line1<br>line2<br/><br>line3", "line1\nline2\nline3"},
	{"double-escaped", "&lt;p&gt;Hi &amp;amp; bye&amp;nbsp;now&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x&lt;/li&gt;&lt;/ul&gt;", "Hi & bye now\n\n- x"},
	{"escaped tag as text is not double-escaped", "<p>Use &lt;b&gt; tags</p>", "Use <b> tags"},
	{"script and style dropped", "<style>p{color:red}</style><p>A</p><script>alert(1)</script><noscript>B</noscript>", "A"},
	{"table rows", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
	{"white space collapsed", "<div>  a \n\t b  </div>\n\n\n<div>c</div>", "a b\nc"},
	{"at most one blank line", "<p>a</p><p></p><p>&nbsp;</p><p>b</p>", "a\n\nb"},
	{"divs with br as Lever sends", "<div><b>Perks</b></div><div><br></div><div>A bike.</div>", "Perks\nA bike."},
	{"inline elements keep words together", "<p><b>Go</b><i>lang</i> and <a href=\"x\">SQL</a></p>", "Golang and SQL"},
	{"unclosed tags", "<p>a<li>b<div>c", "a\n\n- b\nc"},
	{"invalid UTF-8", "<p>caf\xe9</p>", "caf\uFFFD"},
}

func TestHTMLToText(t *testing.T) {
	for _, tt := range htmlToTextCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextOrHTML(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Line one\n\n\n\nLine   two", "Line one\n\nLine two"},
		{`\n\nEscaped\nbreaks &amp; entities`, "Escaped\nbreaks & entities"},
		{"<p>HTML</p>\\n<p>with a literal escape</p>", "HTML\n\nwith a literal escape"},
		{"&lt;p&gt;escaped&lt;/p&gt;", "escaped"},
	} {
		if got := textOrHTML(tt.in); got != tt.want {
			t.Errorf("textOrHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRepairJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"{\"a\": \"x\ny\"}", `{"a": "x\ny"}`},
		{`{"a": [1, 2, ], }`, `{"a": [1, 2 ] }`},
		{`{"a": "keep, ]"}`, `{"a": "keep, ]"}`},
		{`{"a": "q\"}"}`, `{"a": "q\"}"}`},
	} {
		if got := string(repairJSON([]byte(tt.in))); got != tt.want {
			t.Errorf("repairJSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTMLToText(f *testing.F) {
	for _, tt := range htmlToTextCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := HTMLToText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("output is not UTF-8: %q", out)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("more than one blank line: %q", out)
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("leading or trailing space: %q", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if line != strings.Join(strings.Fields(line), " ") {
				t.Fatalf("white space not collapsed in line %q", line)
			}
		}
		if again := cleanLines(out); again != out {
			t.Fatalf("cleanLines not idempotent: %q then %q", out, again)
		}
	})
}

// collapseCases are lines for TestCollapseSpaces and the seeds of
// FuzzCollapseSpaces.
var collapseCases = []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u3000b", "a\u0085b",
	"\xff \xfe", "é è", "-", " - ", "a\u200bb", "a\fb", "a \u2028"}

func TestCollapseSpaces(t *testing.T) {
	for _, s := range collapseCases {
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range collapseCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}
