package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

func isRule(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.Trim(t, "-_—–=~. ") == ""
}

func letterShare(t string) float64 {
	var l, n int
	for _, r := range t {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if unicode.IsLetter(r) || r == '.' {
			l++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(l) / float64(n)
}

// leaderRun is a run of dotted leaders and the blanks about it.
var leaderRun = regexp.MustCompile(`\s*(?:` + dict.Leaders + `)\s*`)

// unleader writes each run of dotted leaders in line as one ellipsis: a
// form's slot is filled with as many as it is wide, and handwriting (or
// the number an e-office system stamps) stands among them: "Số: ......
// 507 ...../UBND-KT", "ngày ...12.... tháng ..3.. năm 2011".
func unleader(line string) string { return leaderRun.ReplaceAllString(line, "…") }

func foldUpper(s string) string { return strings.ToUpper(dict.Fold(dict.NFC(strings.TrimSpace(s)))) }

// cleanLine trims OCR debris from the ends of a line, drops a stretch of
// rule within it (a rule printed under the line, read as "——__"), and
// folds spaces. A lone dash stays: "2021 - 2026".
func cleanLine(s string) string {
	words := strings.Fields(s)
	kept := words[:0]
	for _, w := range words {
		if utf8.RuneCountInString(w) > 1 && strings.Trim(w, "-–—=_~") == "" {
			continue
		}
		kept = append(kept, w)
	}
	s = strings.Join(kept, " ")
	return strings.TrimRight(strings.TrimLeft(s, "-–—=_~|.,;: '`"), "-–—=_~|,;: ")
}

// foldRunes folds each rune on its own, so that the result has exactly one
// rune per rune of r.
func foldRunes(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		f := []rune(dict.Fold(string(c)))
		if len(f) == 1 {
			out[i] = f[0]
		} else {
			out[i] = ' '
		}
	}
	return out
}

// runeIndex converts a byte offset in s into a rune offset.
func runeIndex(s string, byteOff int) int { return len([]rune(s[:byteOff])) }

// codePart matches a part of a code or a number, between its slashes,
// hyphens or stops: capitals and figures, and a small letter or two after
// them (the g of TTg) or alone (the v of V/v, b/c).
var codePart = regexp.MustCompile(`^(?:[\p{Lu}\d]+\p{Ll}{0,2}|\p{Ll})$`)

// foreignLetter reports whether w holds a letter that Vietnamese writing
// has not, marks aside (ø, ß, þ): OCR made it of a letter it
// misread (Quảng Nøãi), whatever its confidence.
func foreignLetter(w string) bool {
	return strings.ContainsFunc(dict.Fold(dict.NFC(w)), func(r rune) bool {
		return unicode.IsLetter(r) && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	})
}

// misread reports whether w, a word of running text, is one OCR made of
// a word it misread, however sure it was: a word in small letters that
// carries the marks of Vietnamese (a tone, a hat, a horn, a breve) but is
// no syllable of it in use ("thưe" for thực, "địp" for dịp, which can be
// spelt but is no one's word: a foreign word has no such marks,
// and the names of the highlands' peoples and places that have them and
// are no syllables, Đắk Lắk, Krông Pắc, begin with a capital), or a word
// of figures with such a mark ("3Í" for 31: codes are written without
// them).
func misread(w string) bool {
	w = dict.NFC(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	marked := func(r rune) bool { return r != 'đ' && r != 'Đ' && dict.HasMarks(string(r)) }
	if !strings.ContainsFunc(w, marked) {
		return false
	}
	if strings.ContainsFunc(w, unicode.IsDigit) {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return false
	}
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' || r == '.' }) {
		if strings.ContainsFunc(p, marked) && !dict.IsAttested(p) {
			return true
		}
	}
	return false
}

// nearAbbreviation reports whether w, or a part of it between hyphens,
// slashes and ampersands, is a capital away from one of the commonest
// abbreviations (dict.NearAbbreviation).
func nearAbbreviation(w string) bool {
	return slices.ContainsFunc(strings.FieldsFunc(dict.TrimSigns(w), func(r rune) bool { return r == '-' || r == '/' || r == '&' }), dict.NearAbbreviation)
}

// strayMarks reports whether a trích yếu holds a sign no typed one has
// (| ` ~ ^ < > { } \) or a bracket without its pair: OCR made it of a
// letter or a figure ("thứ 3]" for thứ 31, "l" read as "|").
func strayMarks(s string) bool {
	return strings.ContainsAny(s, "|`~^<>{}\\") ||
		strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "[") != strings.Count(s, "]")
}

// citedCode matches a code with its hyphen as a number cites it after
// the slash (QĐ-TTg, Q1-TTg as OCR read it), punctuation after it aside.
var citedCode = regexp.MustCompile(`^[\p{Lu}\d]*\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+\p{Ll}{0,2})+[.,;:]?$`)

// misspeltPair reports whether a trích yếu holds two words that have
// the letters of a word of the register but none of its spellings
// (dict.MisspeltCompound: "phần bố"), and are one word, not the end of
// one and the start of the next ("văn bản hành chính": bản hành has the
// letters of ban hành).
func misspeltPair(s string) bool {
	ws := strings.Fields(s)
	word := func(i int) string { return dict.TrimSigns(ws[i]) }
	for i := 0; i+1 < len(ws); i++ {
		if last, _ := utf8.DecodeLastRuneInString(ws[i]); !unicode.IsLetter(last) {
			continue // punctuation after it: no pair
		}
		a, b := word(i), word(i+1)
		if !dict.MisspeltCompound(a, b) ||
			i > 0 && dict.IsCompound(word(i-1), a) || i+2 < len(ws) && dict.IsCompound(b, word(i+2)) {
			continue
		}
		return true
	}
	return false
}

// misreadSeparator reports whether a trích yếu holds a separator OCR
// misread: a stop before a word in small letters ("sửa đổi. bổ sung": a
// trích yếu is one sentence, and a comma read as a stop; not an
// abbreviation's, v.v.), or a number cited with a space for its slash
// ("số 2269 Q1-TTg"), a misread that leaves the rest of the number
// unsure, or with a code no rule writes (wellFormedCode).
func misreadSeparator(s string) bool {
	words := strings.Fields(s)
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		r, _ := utf8.DecodeRuneInString(b)
		if core, ok := strings.CutSuffix(a, "."); ok && unicode.IsLower(r) &&
			utf8.RuneCountInString(core) > 1 && !strings.Contains(core, ".") {
			return true
		}
		if isDigits(a) && citedCode.MatchString(b) {
			return true
		}
	}
	for _, w := range words {
		if n := strings.TrimRight(w, ",;:)"); numberCited.MatchString(n) && !wellFormedCode(n) {
			return true // a code's letter misread: 2269/QĐ-TTs for QĐ-TTg
		}
	}
	return false
}

// citedOtherwise reports whether a number the trích yếu cites stands
// nowhere else in the pages' text, where a number a figure more, less or
// other, or a letter of its codes, or both, does: one of the two was
// misread (3269/QĐ-TTg or 22609/QĐ-TTE in the trích yếu, 2269/QĐ-TTg in
// the body that cites it again).
func citedOtherwise(subject string, pages []vanthu.Page) bool {
	var all []string
	for _, p := range pages {
		all = append(all, numbersIn.FindAllString(p.Text, -1)...)
	}
	for _, n := range numbersIn.FindAllString(subject, -1) {
		numeral, code, _ := strings.Cut(n, "/")
		if countOf(all, n) > 1 {
			continue // cited again as the trích yếu cites it
		}
		for _, m := range all {
			mNumeral, mCode, _ := strings.Cut(m, "/")
			if m != n && dict.EditDistance(mNumeral, numeral) <= 1 && dict.EditDistance(mCode, code) <= 1 {
				return true
			}
		}
	}
	return false
}

// numbersIn matches the numbers a text cites: figures, a slash, codes.
var numbersIn = regexp.MustCompile(`\d+/(?:\d{4}/)?\pL[\pL\d&]*(?:-[\pL\d&]+)*`)

func countOf(xs []string, x string) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}

// numberCited matches a document's number as a trích yếu cites it:
// figures, a slash, and its codes.
var numberCited = regexp.MustCompile(`^\d+(?:/\d{4})?/\pL`)

// garbled reports whether w, without the punctuation around it, is no
// word: its parts between slashes, hyphens and stops neither syllables of
// Vietnamese nor parts of a code or a number ("QI)-TTe", "Vưấi"; not
// 2269/QĐ-TTg, COVID-19, Rịa-Vũng). OCR makes such words of what it could
// not read.
func garbled(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return strings.ContainsRune(`.,;:!?"'“”‘’()[]`, r) })
	if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return false // a sign (– in 2021 – 2026), no word misread
	}
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '-' || r == '.' }) {
		if !dict.IsSyllable(p) && !codePart.MatchString(p) {
			return true
		}
	}
	return false
}
