package dict

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The five tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneHook  = '\u0309'
	toneTilde = '\u0303'
	toneDot   = '\u0323'
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneHook, toneTilde, toneDot:
		return true
	}
	return false
}

// isVowel reports whether r (lower case, toneless NFC) is a Vietnamese vowel.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// hasQualityMark reports whether r carries a vowel-quality mark
// (circumflex, breve, horn).
func hasQualityMark(r rune) bool {
	switch r {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}

// PlaceTones rewrites every word of s with its tone mark where the headers
// of Nghị định 30/2020 put it: on the first vowel of an open oa, oe or uy
// (hòa, khỏe, thủy, ỦY BAN), the style shared by most administrative text.
// The two styles differ only there; hoàn, quý and người are the same in
// both. It also repairs marks on the wrong vowel, as in vịêt → việt. Words
// that are not Vietnamese syllables are left alone.
func PlaceTones(s string) string {
	if !needsTonePass(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b.WriteString(placeTone(s[start:i]))
			start = -1
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		b.WriteString(placeTone(s[start:]))
	}
	return b.String()
}

// needsTonePass is a fast check: only text with a toned letter can change.
func needsTonePass(s string) bool {
	for _, r := range s {
		if r >= 0xC0 {
			return true
		}
	}
	return false
}

// placeTone places the tone of one word.
func placeTone(w string) string {
	letters, tone, ok := splitTone(w)
	if !ok || tone == 0 {
		return w // no tone, or two different tones: not a syllable
	}
	lower := make([]rune, len(letters))
	for i, r := range letters {
		lower[i] = unicode.ToLower(r)
	}
	at := toneVowel(lower)
	if at < 0 {
		return w
	}
	return withTone(letters, at, tone)
}

// splitTone returns w's letters in NFC without their tone mark, and the
// mark (0 if none); ok is false for a word with two different tones.
func splitTone(w string) (letters []rune, tone rune, ok bool) {
	var base []rune
	for _, r := range norm.NFD.String(w) {
		if isTone(r) {
			if tone != 0 && tone != r {
				return nil, 0, false
			}
			tone = r
			continue
		}
		base = append(base, r)
	}
	return []rune(norm.NFC.String(string(base))), tone, true
}

// withTone returns letters with tone on the letter at, in NFC.
func withTone(letters []rune, at int, tone rune) string {
	var b strings.Builder
	for i, r := range letters {
		if i == at {
			b.WriteString(norm.NFC.String(norm.NFD.String(string(r)) + string(tone)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// toneVowel returns the index in w (lower case, toneless) of the vowel that
// carries the tone, or -1 if w is not a syllable.
func toneVowel(w []rune) int {
	// Onset: leading consonants. gi- and qu- are onsets when a vowel follows.
	i := 0
	for i < len(w) && !isVowel(w[i]) {
		i++
	}
	if i == len(w) {
		return -1
	}
	if i > 0 && i+1 < len(w) && isVowel(w[i+1]) {
		switch {
		case w[i-1] == 'q' && w[i] == 'u', w[i-1] == 'g' && w[i] == 'i' && i == 1:
			i++
		}
	}
	j := i
	for j < len(w) && isVowel(w[j]) {
		j++
	}
	// Everything after the vowels must be consonants.
	for _, r := range w[j:] {
		if isVowel(r) || !unicode.IsLetter(r) {
			return -1
		}
	}
	v := w[i:j]
	closed := j < len(w)
	switch len(v) {
	case 1:
		return i
	case 2, 3:
	default:
		return -1
	}
	// A vowel with a quality mark takes the tone; with two (ươ), the last.
	last := -1
	for k, r := range v {
		if hasQualityMark(r) {
			last = k
		}
	}
	if last >= 0 {
		return i + last
	}
	if closed {
		return i + len(v) - 1 // hoàn, thuyền → on the last vowel
	}
	if len(v) == 3 {
		return i + 1 // hoài, khuỷu
	}
	return i // hòa, khỏe, thủy; mía, múa, tài, sáu
}

// Spellings returns the ways a text may print term, a syllable in
// canonical form (Canon): its tone on each vowel where Canon puts it back
// where term has it (hòa and hoà, and a tone OCR misplaced), in lower
// case, upper case and capitalised, and with the Icelandic eth that OCR
// reads for đ; each in NFC.
func Spellings(term string) []string {
	tones := []string{term}
	if letters, tone, ok := splitTone(term); ok && tone != 0 {
		for i, r := range letters {
			if !isVowel(r) {
				continue
			}
			if v := withTone(letters, i, tone); v != term && Canon(v) == term {
				tones = append(tones, v)
			}
		}
	}
	var out []string
	for _, t := range tones {
		for _, eth := range []string{t, strings.ReplaceAll(t, "đ", "ð")} {
			r, n := utf8.DecodeRuneInString(eth)
			out = append(out, eth, strings.ToUpper(eth), string(unicode.ToUpper(r))+eth[n:])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
