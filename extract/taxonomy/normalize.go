package taxonomy

import (
	"bytes"
	"encoding/binary"
	"slices"
	"unicode"
	"unicode/utf8"
)

// foldRune says what normalize writes for the non-ASCII character r:
// keep, r as it is; else the ASCII byte b standing for it (a space,
// which runs of blanks share, a newline, a hyphen or a straight quote),
// or nothing when b is 0.
func foldRune(r rune) (b byte, keep bool) {
	switch {
	case r == '®' || r == '™' || r == '©' || r == '℠' || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF || r == 0xAD:
		return 0, false // dropped
	case r == 0xA0 || r == 0x202F || r == 0x205F || r == 0x3000 || (0x2000 <= r && r <= 0x200A):
		return ' ', false
	case r == 0x2028 || r == 0x2029 || r == 0x85:
		return '\n', false
	case (0x2010 <= r && r <= 0x2015) || r == 0x2212 || r == 0xFE63 || r == 0xFF0D:
		return '-', false
	case r == 0x2018 || r == 0x2019 || r == 0x201B || r == 0x2032:
		return '\'', false
	case r == 0x201C || r == 0x201D || r == 0x201E:
		return '"', false
	}
	return 0, true
}

// normalize writes the normalised form of text to norm (case kept) and
// low (ASCII lower-cased, hyphen as space), and for every byte of norm
// its offset in text to pos (when pos is not nil). Normalising:
//   - runs of blanks (space, tab, CR, NBSP, other Unicode spaces) become
//     one space; a newline stays a newline;
//   - ® ™ © ℠ and zero-width characters are dropped;
//   - Unicode hyphens and dashes become '-', curly quotes straight ones;
//   - everything else is kept byte for byte.
func normalize(text string, norm, low []byte, pos []int32) ([]byte, []byte, []int32) {
	// The output is never longer than text: write it in place, by index.
	n0, l0, p0 := len(norm), len(low), len(pos)
	norm = slices.Grow(norm, len(text))[:n0+len(text)]
	low = slices.Grow(low, len(text))[:l0+len(text)]
	nb, lb := norm[n0:], low[l0:]
	withPos := pos != nil
	var pb []int32
	if withPos {
		pos = slices.Grow(pos, len(text))[:p0+len(text)]
		pb = pos[p0:]
	}
	spaceBefore := n0 > 0 && norm[n0-1] == ' ' // for j == 0
	j := 0
	emit := func(c byte, at int) {
		nb[j], lb[j] = c, lowerByte[c]
		if withPos {
			pb[j] = int32(at)
		}
		j++
	}
	for i := 0; i < len(text); {
		// Eight bytes at a time while they are kept as they are: ASCII,
		// no blank but single spaces.
		for i+8 <= len(text) {
			x := load64(text, i)
			sp := bytesEqual(x, ' ')
			if x&msb|controls(x)|sp&(sp<<8) != 0 ||
				sp&0x80 != 0 && (j > 0 && nb[j-1] == ' ' || j == 0 && spaceBefore) {
				break
			}
			binary.LittleEndian.PutUint64(nb[j:], x)
			binary.LittleEndian.PutUint64(lb[j:], lowerKey8(x))
			if withPos {
				p, at := pb[j:j+8:j+8], int32(i)
				p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7] = at, at+1, at+2, at+3, at+4, at+5, at+6, at+7
			}
			i += 8
			j += 8
		}
		// Then byte by byte, or character by character, for eight bytes.
		for end := min(i+8, len(text)); i < end; {
			c := text[i]
			if c < utf8.RuneSelf {
				switch c {
				case ' ', '\t', '\r', '\f', '\v':
					if j > 0 && nb[j-1] != ' ' || j == 0 && !spaceBefore {
						emit(' ', i)
					}
				default:
					emit(c, i)
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			switch b, keep := foldRune(r); {
			case keep:
				for k := 0; k < size; k++ {
					emit(text[i+k], i+k)
				}
			case b == ' ':
				if j > 0 && nb[j-1] != ' ' || j == 0 && !spaceBefore {
					emit(' ', i)
				}
			case b != 0:
				emit(b, i)
			}
			i += size
		}
	}
	norm, low = norm[:n0+j], low[:l0+j]
	if withPos {
		pos = pos[:p0+j]
	}
	return norm, low, pos
}

// Bytes of a uint64 with the low and the high bit set, for working on 8
// bytes at a time.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// load64 returns the 8 bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bytesEqual returns the high bit of each byte of x equal to c, the
// others zero.
func bytesEqual(x uint64, c byte) uint64 {
	y := x ^ uint64(c)*lsb
	return ^((y&^msb + 0x7f*lsb) | y) & msb
}

// controls returns the high bit of each ASCII control byte of x but the
// newline (tab, CR, FF, VT and the rest), the others zero; for bytes of
// x of 0x80 and above it may return anything.
func controls(x uint64) uint64 {
	return ^(x + 0x60*lsb) & msb &^ bytesEqual(x, '\n')
}

// lowerKey8 returns the matching key (lowerByte) of 8 ASCII bytes.
func lowerKey8(x uint64) uint64 {
	upper := (x + (0x80-'A')*lsb) &^ (x + (0x80-'Z'-1)*lsb) & msb
	return x + upper>>2 - bytesEqual(x, '-')>>7*('-'-' ')
}

// lowerByte is the matching key of a byte of norm: ASCII lower-cased,
// hyphen as space.
var lowerByte = func() (t [256]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		case c == '-':
			t[c] = ' '
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

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
