package demo

import (
	"fmt"
	"html"
	"strings"
)

// block is one line of description markup.
type block struct {
	kind byte // 'h' heading, 'p' paragraph, 'i' list item
	text string
}

// section is a heading (empty for text before the first heading) and the
// paragraphs or list items under it.
type section struct {
	heading string
	blocks  []block
}

func (s section) hasItems() bool { return len(s.blocks) > 0 && s.blocks[0].kind == 'i' }

// parseMarkup splits description markup into sections, and checks that
// no section mixes paragraphs and list items.
func parseMarkup(text string) ([]section, error) {
	var out []section
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		var b block
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "## "):
			out = append(out, section{heading: strings.TrimSpace(line[3:])})
			continue
		case strings.HasPrefix(line, "- "):
			b = block{'i', strings.TrimSpace(line[2:])}
		default:
			b = block{'p', line}
		}
		if len(out) == 0 {
			out = append(out, section{})
		}
		s := &out[len(out)-1]
		if len(s.blocks) > 0 && s.blocks[0].kind != b.kind {
			return nil, fmt.Errorf("line %d: section %q mixes paragraphs and list items", n+1, s.heading)
		}
		s.blocks = append(s.blocks, b)
	}
	for _, s := range out {
		if len(s.blocks) == 0 {
			return nil, fmt.Errorf("section %q is empty", s.heading)
		}
	}
	return out, nil
}

// mustSections parses markup already checked by Load.
func mustSections(text string) []section {
	ss, _ := parseMarkup(text)
	return ss
}

// renderHTML renders sections as <h3>, <p> and <ul><li>, escaping text.
func renderHTML(ss []section) string {
	var b strings.Builder
	for _, s := range ss {
		if s.heading != "" {
			b.WriteString("<h3>" + html.EscapeString(s.heading) + "</h3>")
		}
		b.WriteString(renderBlocks(s))
	}
	return b.String()
}

// renderBlocks renders the body of one section.
func renderBlocks(s section) string {
	var b strings.Builder
	if s.hasItems() {
		b.WriteString("<ul>")
		for _, x := range s.blocks {
			b.WriteString("<li>" + html.EscapeString(x.text) + "</li>")
		}
		b.WriteString("</ul>")
		return b.String()
	}
	for _, x := range s.blocks {
		b.WriteString("<p>" + html.EscapeString(x.text) + "</p>")
	}
	return b.String()
}

// renderPlain renders sections as text: one heading, paragraph or list
// item a line, list items bulleted, a blank line between sections.
func renderPlain(ss []section) string {
	var parts []string
	for _, s := range ss {
		var lines []string
		if s.heading != "" {
			lines = append(lines, s.heading)
		}
		for _, x := range s.blocks {
			if x.kind == 'i' {
				lines = append(lines, "• "+x.text)
			} else {
				lines = append(lines, x.text)
			}
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	return strings.Join(parts, "\n\n")
}
