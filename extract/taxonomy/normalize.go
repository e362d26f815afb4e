package taxonomy

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// normalize writes the normalised form of text to norm (case kept) and
// low (ASCII lower-cased, hyphen as space), and for every byte of norm
// its offset in text to pos (when pos is not nil). Normalising:
//   - runs of blanks (space, tab, CR, NBSP, other Unicode spaces) become
//     one space; a newline stays a newline;
//   - ® ™ © ℠ and zero-width characters are dropped;
//   - Unicode hyphens and dashes become '-', curly quotes straight ones;
//   - everything else is kept byte for byte.
func normalize(text string, norm, low []byte, pos []int32) ([]byte, []byte, []int32) {
	withPos := pos != nil
	emit := func(c byte, at int) {
		norm = append(norm, c)
		l := c
		if 'A' <= c && c <= 'Z' {
			l = c + 'a' - 'A'
		} else if c == '-' {
			l = ' '
		}
		low = append(low, l)
		if withPos {
			pos = append(pos, int32(at))
		}
	}
	space := func(at int) {
		if n := len(norm); n > 0 && norm[n-1] == ' ' {
			return
		}
		emit(' ', at)
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\r', '\f', '\v':
				space(i)
			default:
				// Inlined emit for the common case.
				norm = append(norm, c)
				l := c
				if 'A' <= c && c <= 'Z' {
					l = c + 'a' - 'A'
				} else if c == '-' {
					l = ' '
				}
				low = append(low, l)
				if withPos {
					pos = append(pos, int32(i))
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '®' || r == '™' || r == '©' || r == '℠' || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF || r == 0xAD:
			// dropped
		case r == 0xA0 || r == 0x202F || r == 0x205F || r == 0x3000 || (0x2000 <= r && r <= 0x200A):
			space(i)
		case r == 0x2028 || r == 0x2029 || r == 0x85:
			emit('\n', i)
		case (0x2010 <= r && r <= 0x2015) || r == 0x2212 || r == 0xFE63 || r == 0xFF0D:
			emit('-', i)
		case r == 0x2018 || r == 0x2019 || r == 0x201B || r == 0x2032:
			emit('\'', i)
		case r == 0x201C || r == 0x201D || r == 0x201E:
			emit('"', i)
		default:
			for k := 0; k < size; k++ {
				emit(text[i+k], i+k)
			}
		}
		i += size
	}
	return norm, low, pos
}

// normalizeForm normalises a surface form: as normalize, trimmed of
// blanks and with newlines as spaces.
func normalizeForm(s string) []byte {
	norm, _, _ := normalize(s, nil, nil, nil)
	for i, c := range norm {
		if c == '\n' {
			norm[i] = ' '
		}
	}
	for len(norm) > 0 && norm[0] == ' ' {
		norm = norm[1:]
	}
	for len(norm) > 0 && norm[len(norm)-1] == ' ' {
		norm = norm[:len(norm)-1]
	}
	return norm
}

// lowerKey returns the matching key of a normalised form: ASCII
// lower-cased, hyphens as spaces.
func lowerKey(norm []byte) []byte {
	out := make([]byte, len(norm))
	for i, c := range norm {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '-':
			c = ' '
		}
		out[i] = c
	}
	return out
}

// isWordByte reports whether an ASCII byte is part of a word.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// wordBefore reports whether the character ending at b[:i] is a letter or digit.
func wordBefore(b []byte, i int) bool {
	if i <= 0 {
		return false
	}
	if c := b[i-1]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return isWordRune(r)
}

// wordAfter reports whether the character starting at b[i:] is a letter or digit.
func wordAfter(b []byte, i int) bool {
	if i >= len(b) {
		return false
	}
	if c := b[i]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	r, _ := utf8.DecodeRune(b[i:])
	return isWordRune(r)
}

// isWordRune reports whether a non-ASCII rune continues a word. Letters
// of scripts written without spaces (Han, Kana, Hangul, Thai) do not:
// "SQLを使った" holds the word SQL.
func isWordRune(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// edgeIsWord reports whether a form's first (or last) character is a
// letter or digit, so that a word boundary is needed on that side.
func edgeIsWord(form []byte, last bool) bool {
	if len(form) == 0 {
		return false
	}
	if last {
		return wordBefore(form, len(form))
	}
	return wordAfter(form, 0)
}

// hasWord reports whether the lower-cased phrase occurs in hay with word
// boundaries on both sides (where the phrase's edge is a word character).
func hasWord(hay, phrase []byte) bool {
	return indexWord(hay, phrase, 0) >= 0
}

// indexWord returns the first index >= from of phrase in hay at word
// boundaries, or -1.
func indexWord(hay, phrase []byte, from int) int {
	if len(phrase) == 0 {
		return -1
	}
	lb, rb := edgeIsWord(phrase, false), edgeIsWord(phrase, true)
	for from <= len(hay)-len(phrase) {
		j := bytes.Index(hay[from:], phrase)
		if j < 0 {
			return -1
		}
		s := from + j
		e := s + len(phrase)
		if (!lb || !wordBefore(hay, s)) && (!rb || !wordAfter(hay, e)) {
			return s
		}
		from = s + 1
	}
	return -1
}
