package dict

import (
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// Legacy Vietnamese encodings live on in the text layers of old PDFs: the
// fonts (.VnTime for TCVN3, VNI-Times for VNI) draw Vietnamese letters at
// code points a PDF reader takes for Windows-1252, so the text comes out as
// mojibake such as "Céng hßa x· héi" (TCVN3) or "Coäng hoøa" (VNI).

// tcvn3 maps the bytes of TCVN 5712:1993 VN3 (TCVN3, ABC) whose letter
// differs from Latin-1. Generated from glibc's TCVN5712-1 converter.
var tcvn3 = map[byte]rune{
	0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ', 0x11: 'Ứ', 0x12: 'Ự', 0x13: 'Ỳ',
	0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ', 0x80: 'À', 0x81: 'Ả', 0x82: 'Ã', 0x83: 'Á',
	0x84: 'Ạ', 0x85: 'Ặ', 0x86: 'Ậ', 0x87: 'È', 0x88: 'Ẻ', 0x89: 'Ẽ', 0x8A: 'É', 0x8B: 'Ẹ',
	0x8C: 'Ệ', 0x8D: 'Ì', 0x8E: 'Ỉ', 0x8F: 'Ĩ', 0x90: 'Í', 0x91: 'Ị', 0x92: 'Ò', 0x93: 'Ỏ',
	0x94: 'Õ', 0x95: 'Ó', 0x96: 'Ọ', 0x97: 'Ộ', 0x98: 'Ờ', 0x99: 'Ở', 0x9A: 'Ỡ', 0x9B: 'Ớ',
	0x9C: 'Ợ', 0x9D: 'Ù', 0x9E: 'Ủ', 0x9F: 'Ũ', 0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô',
	0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ', 0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ',
	0xAD: 'ư', 0xAE: 'đ', 0xAF: 'Ằ', 0xB0: '̀', 0xB1: '̉', 0xB2: '̃', 0xB3: '́', 0xB4: '̣',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ', 0xBA: 'Ẳ', 0xBB: 'ằ', 0xBC: 'ẳ',
	0xBD: 'ẵ', 0xBE: 'ắ', 0xBF: 'Ẵ', 0xC0: 'Ắ', 0xC1: 'Ầ', 0xC2: 'Ẩ', 0xC3: 'Ẫ', 0xC4: 'Ấ',
	0xC5: 'Ề', 0xC6: 'ặ', 0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ', 0xCC: 'è',
	0xCD: 'Ể', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ', 0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ',
	0xD5: 'ế', 0xD6: 'ệ', 0xD7: 'ì', 0xD8: 'ỉ', 0xD9: 'Ễ', 0xDA: 'Ế', 0xDB: 'Ồ', 0xDC: 'ĩ',
	0xDD: 'í', 0xDE: 'ị', 0xDF: 'ò', 0xE0: 'Ổ', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ', 0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ',
	0xED: 'ớ', 0xEE: 'ợ', 0xEF: 'ù', 0xF0: 'Ỗ', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự', 0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ',
	0xFE: 'ỵ', 0xFF: 'Ố',
}

// DecodeLegacy detects text in TCVN3 or VNI read as Windows-1252 and
// converts it to Unicode, returning the name of the encoding it found
// ("tcvn3", "vni"), or s itself and "" when s reads better as it is. The
// test is the share of words that are possible Vietnamese syllables.
func DecodeLegacy(s string) (string, string) {
	best, name, score := s, "", syllableShare(s)
	for _, c := range []struct {
		name string
		dec  func(string) (string, bool)
	}{{"tcvn3", decodeTCVN3}, {"vni", decodeVNI}} {
		d, ok := c.dec(s)
		if !ok {
			continue
		}
		if sc := syllableShare(d); sc > score+0.2 {
			best, name, score = d, c.name, sc
		}
	}
	return best, name
}

// SyllableShare is the share of the letter-only words of s that are
// possible Vietnamese syllables, with their marks or, if those were left
// out, with some tone; a measure of whether s is Vietnamese text.
func SyllableShare(s string) float64 { return syllableShare(s) }

func syllableShare(s string) float64 {
	var words, ok int
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) >= 0 {
			continue
		}
		words++
		if IsSyllable(w) || IsSyllable(w+string(toneAcute)) {
			ok++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(ok) / float64(words)
}

// MarkShare is the share of the letter-only words of s that carry a mark
// of Vietnamese: a tone, a hat, a horn, a breve, or đ. About nine in ten
// words of Vietnamese text do; text whose marks were lost (an OCR without
// Vietnamese, a font whose mapping drops them) has next to none.
func MarkShare(s string) float64 {
	var words, marked int
	for _, w := range strings.Fields(NFC(s)) {
		w = strings.TrimFunc(w, notLetter)
		if w == "" || strings.IndexFunc(w, notLetter) >= 0 {
			continue
		}
		words++
		if HasMarks(w) {
			marked++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(marked) / float64(words)
}

// cp1252 returns the Windows-1252 byte a reader showed as r.
func cp1252(r rune) (byte, bool) {
	if r < 0x80 {
		return byte(r), true
	}
	b, ok := charmap.Windows1252.EncodeRune(r)
	return b, ok
}

func decodeTCVN3(s string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range s {
		if c, ok := cp1252(r); ok {
			if u, ok := tcvn3[c]; ok {
				b.WriteRune(u)
				changed = true
				continue
			}
		}
		b.WriteRune(r)
	}
	return restoreCapitals(b.String()), changed
}

// restoreCapitals upper-cases text drawn in capitals: TCVN3 drew capitals
// with a second font (.VnTimeH) at the codes of the small letters, so
// "TỈNH" decodes as "TỉNH". A line is in capitals when every word with two
// or more plain letters (and no digit) has no small one; elsewhere a word
// is when it has two or more plain capitals and no small letter.
func restoreCapitals(s string) string {
	lines := strings.Split(s, "\n")
	for li, line := range lines {
		words := strings.SplitAfter(line, " ")
		caps, decided := true, false
		for _, w := range words {
			if strings.ContainsAny(w, "0123456789") {
				continue // codes such as 12/TB-SNV say nothing of the font
			}
			up, low := plainCase(w)
			if up+low >= 2 {
				decided = true
				caps = caps && low == 0
			}
		}
		if decided && caps {
			lines[li] = strings.ToUpper(line)
			continue
		}
		for i, w := range words {
			if up, low := plainCase(w); up >= 2 && low == 0 {
				words[i] = strings.ToUpper(w)
			}
		}
		lines[li] = strings.Join(words, "")
	}
	return strings.Join(lines, "\n")
}

// plainCase counts the ASCII capitals and small letters of w.
func plainCase(w string) (up, low int) {
	for _, r := range w {
		switch {
		case r < 0x80 && unicode.IsUpper(r):
			up++
		case r < 0x80 && unicode.IsLower(r):
			low++
		}
	}
	return up, low
}

// VNI marks follow the vowel they belong to: a tone, a hat or breve, or
// both. Lower-case marks; the upper-case letters of the same bytes mark
// capitals.
var vniMarks = map[byte][2]rune{ // quality mark, tone
	0xF9: {0, toneAcute}, 0xF8: {0, toneGrave}, 0xFB: {0, toneHook}, 0xF5: {0, toneTilde}, 0xEF: {0, toneDot},
	0xE2: {'\u0302', 0}, 0xE1: {'\u0302', toneAcute}, 0xE0: {'\u0302', toneGrave}, 0xE5: {'\u0302', toneHook},
	0xE3: {'\u0302', toneTilde}, 0xE4: {'\u0302', toneDot},
	0xEA: {'\u0306', 0}, 0xE9: {'\u0306', toneAcute}, 0xE8: {'\u0306', toneGrave}, 0xFA: {'\u0306', toneHook},
	0xFC: {'\u0306', toneTilde}, 0xEB: {'\u0306', toneDot},
}

// VNI letters of their own.
var vniLetters = map[byte]rune{
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ', 0xEC: 'ì', 0xED: 'í', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị',
	0xD4: 'Ơ', 0xD6: 'Ư', 0xD1: 'Đ', 0xCC: 'Ì', 0xCD: 'Í', 0xC6: 'Ỉ', 0xD3: 'Ĩ', 0xD2: 'Ị',
}

func vniMark(c byte) ([2]rune, bool) {
	if m, ok := vniMarks[c]; ok {
		return m, true
	}
	if c >= 0xC0 && c < 0xE0 { // the capital form of a mark
		m, ok := vniMarks[c+0x20]
		return m, ok
	}
	return [2]rune{}, false
}

func decodeVNI(s string) (string, bool) {
	var out []rune
	changed := false
	for _, r := range s {
		c, ok := cp1252(r)
		if !ok || c < 0x80 {
			out = append(out, r)
			continue
		}
		if n := len(out); n > 0 && strings.ContainsRune("aeiouyơưAEIOUYƠƯ", out[n-1]) {
			if m, ok := vniMark(c); ok {
				seq := string(out[n-1])
				if m[0] != 0 {
					seq += string(m[0])
				}
				if m[1] != 0 {
					seq += string(m[1])
				}
				out = append(out[:n-1], []rune(NFC(seq))...)
				changed = true
				continue
			}
		}
		if l, ok := vniLetters[c]; ok {
			out = append(out, l)
			changed = true
			continue
		}
		out = append(out, r)
	}
	return string(out), changed
}
