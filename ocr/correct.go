package ocr

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// Correct repairs the known failures of Tesseract on Vietnamese in one
// recognised word, and never changes a word that is already a possible
// Vietnamese syllable, but for one in small letters with marks that no
// one writes:
//
//   - a fraction or division slash (V⁄v, 574∕UBND) is the solidus that
//     every number and V/v is written with;
//   - digits read as letters inside numbers (2O21, l5, 1I, 3Í) become
//     digits;
//   - a number's type code read without the stroke of its Đ, a code of no
//     type (2269/QD-TTg, 125-QD/HU), takes it back, and one read with both
//     (45/2019/NDĐ-CP) keeps the Đ alone (see fixTypeCode);
//   - a word that cannot be a syllable (Hưỳnh, TICH) is replaced by the
//     possible syllable one mark away (a tone, a vowel's hat, horn or
//     breve, the stroke of đ) if there is only one, or if one is best by
//     how often the page itself spells it so, then by how common it is;
//     with no such evidence the word stays as read. Abbreviations (UBND,
//     TCCB) have no such neighbour and stay;
//   - so is a syllable of small letters with marks that is no one's word
//     (địp for dịp), by the syllables in use one mark away;
//   - a vowel read twice, bare and marked (MIÊỀN), is read once, marked.
//
// seen counts the canonical syllables of the page, for context.
func Correct(word string, seen map[string]int) string {
	word = slashes.Replace(word)
	core, pre, post := splitPunct(word)
	if core == "" {
		return word
	}
	if fixed, ok := fixDigits(core); ok {
		return pre + fixed + post
	}
	if fixed, ok := fixTypeCode(core); ok {
		return pre + fixed + post
	}
	if c, ok := strokeOnce(core); ok {
		core, word = c, pre+c+post
	}
	if !isWordish(core) || len([]rune(core)) <= 2 {
		return word
	}
	// A syllable is kept as read unless it is a word of small letters
	// with marks that no one writes (unheard): then only a syllable in
	// use replaces it.
	fits, spelt := dict.IsSyllable, dict.IsSyllable(core)
	if spelt {
		if c, ok := hornOfU(core); ok {
			return pre + c + post
		}
		if !unheard(core) {
			return word
		}
		fits = dict.IsAttested
	} else if c, ok := undoubled(core); ok {
		return pre + c + post
	}
	var best string
	bestScore, tie, n := -1, false, 0
	for _, c := range markEdits(core) {
		if !fits(c) {
			continue
		}
		n++
		score := 1000*seen[dict.Canon(c)] + commonScore(c)
		switch {
		case score > bestScore:
			best, bestScore, tie = c, score, false
		case score == bestScore:
			tie = true
		}
	}
	// One possible repair is taken; among several, only a unique best one
	// that has evidence for it: for a word that can be spelt, the page's
	// own spelling, not how common a syllable is.
	if best == "" || n > 1 && (tie || bestScore == 0 || spelt && bestScore < 1000) {
		if a, b, ok := splitJoined(core, seen); ok && n == 0 && !spelt {
			return pre + a + " " + b + post
		}
		return word
	}
	return pre + best + post
}

// hornOfU returns w, a syllable no one writes, with the horn of the u
// before its ơ put back (nguời, truờng, Đuợc: người, trường, Được), where
// that makes a syllable in use, in any case: Tesseract reads the horn of
// ư beside the ơ's as the one, and ươ is the nucleus, uơ after a
// consonant almost never (thuở, huơ are in use, and stay).
func hornOfU(w string) (string, bool) {
	c := uBeforeO.ReplaceAllStringFunc(norm.NFC.String(w), func(m string) string {
		r, size := utf8.DecodeRuneInString(m)
		if r == 'U' {
			return "Ư" + m[size:]
		}
		return "ư" + m[size:]
	})
	return c, c != w && !dict.IsAttested(w) && dict.IsAttested(c)
}

// uBeforeO is a u before an ơ, with any tone on the ơ.
var uBeforeO = regexp.MustCompile(`[uU][ơờớởỡợƠỜỚỞỠỢ]`)

// unheard reports whether w, a syllable the writing system can spell, is
// one no one writes (dict.IsAttested) in small letters with the marks of
// Vietnamese: "địp" for dịp, a stroke too many. A word that begins with a
// capital may be a name no list holds (Lắk), and one without marks a
// word of another language.
func unheard(w string) bool {
	return w == strings.ToLower(w) && dict.HasMarks(w) && !dict.IsAttested(w)
}

// undoubled returns word with a vowel OCR read twice, bare and marked,
// read once with its marks (MIÊỀN for MIỀN: the LSTM gives the hat and
// the tone each a letter), where that makes a possible syllable and one
// such change alone does.
func undoubled(word string) (string, bool) {
	rs := []rune(word)
	found := ""
	for i := 0; i+1 < len(rs); i++ {
		a, b := string(rs[i]), string(rs[i+1])
		if dict.Fold(a) != dict.Fold(b) || a == b || !strings.ContainsAny(strings.ToLower(dict.Fold(a)), "aeiouy") {
			continue
		}
		// Keep the one with more marks: more runes decomposed.
		drop := i
		if len(norm.NFD.String(a)) > len(norm.NFD.String(b)) {
			drop = i + 1
		}
		c := string(rs[:drop]) + string(rs[drop+1:])
		if !dict.IsSyllable(c) {
			continue
		}
		if found != "" && found != c {
			return word, false
		}
		found = c
	}
	return found, found != ""
}

// strokeOnce returns word, a word in small letters or with one capital
// first, with a đ OCR read as two letters, d and đ side by side (Kđdoh,
// DĐúk: the LSTM gives the letter and its stroke each one), read once,
// with its stroke and the case of the first. No Vietnamese syllable, nor
// name of the highlands' peoples, has a d beside a đ; a code does
// (SGDĐT, Giáo dục Đào tạo; GDĐTrH), and is left.
func strokeOnce(word string) (string, bool) {
	if !twoDs(word) {
		return word, false // nearly every word: nothing to read once
	}
	if strings.ToUpper(word) == word {
		return word, false // capitals alone: a code's
	}
	rs := []rune(word)
	changed := false
	for i := 0; i+1 < len(rs); i++ {
		a, b := rs[i], rs[i+1]
		if !isD(a) || !isD(b) || stroked(a) == stroked(b) {
			continue
		}
		d := 'đ'
		if unicode.IsUpper(a) {
			d = 'Đ'
		}
		rs = append(rs[:i], append([]rune{d}, rs[i+2:]...)...)
		changed = true
	}
	if !changed {
		return word, false
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) || i > 0 && unicode.IsUpper(r) {
			return word, false // figures, signs or capitals after the first: a code
		}
	}
	return string(rs), true
}

// twoDs reports whether word has a d and a đ side by side, in either
// case; it reads word without copying it, as Correct sees every word.
func twoDs(word string) bool {
	var prev rune
	for _, r := range word {
		if isD(prev) && isD(r) && stroked(prev) != stroked(r) {
			return true
		}
		prev = r
	}
	return false
}

func isD(r rune) bool     { return r == 'd' || r == 'D' || stroked(r) }
func stroked(r rune) bool { return r == 'đ' || r == 'Đ' }

// pageSyllables counts the canonical syllables of a page's words, the
// punctuation around them aside ("An," of "Bình An, ngày …"): the
// page's own spellings, the context Correct weighs repairs by.
func pageSyllables(words []vanthu.Word) map[string]int {
	seen := make(map[string]int)
	for _, w := range words {
		if c := core(w); dict.IsSyllable(c) {
			seen[dict.Canon(c)]++
		}
	}
	return seen
}

// slashes maps the slashes OCR reads for the solidus (the fraction slash
// U+2044, the division slash U+2215, the fullwidth solidus U+FF0F) to it.
var slashes = strings.NewReplacer("\u2044", "/", "\u2215", "/", "\uFF0F", "/")

// core is w's text without the punctuation around it.
func core(w vanthu.Word) string {
	c, _, _ := splitPunct(w.Text)
	return c
}

// splitJoined splits a word that is two syllables run together (Vềviệc,
// CHỦTỊCH, BÌNHAN), the space between them lost, where the word bears a
// Vietnamese mark (so that a name or an English word written without
// marks is left alone) and one way to split it stands out: the one way
// whose two syllables the page itself has elsewhere (seen: BÌNH and AN
// of a province's name that its date line spells), or else the one way
// whose second syllable begins with a consonant (a vowel there is
// likelier a misread mark: Hưỳnh).
func splitJoined(w string, seen map[string]int) (string, string, bool) {
	if !dict.HasMarks(w) {
		return "", "", false
	}
	rs := []rune(w)
	var a, b, sa, sb string
	n, ns := 0, 0
	for i := 1; i <= len(rs)-1; i++ {
		x, y := string(rs[:i]), string(rs[i:])
		if !dict.IsSyllable(x) || !dict.IsSyllable(y) {
			continue
		}
		if seen[dict.Canon(x)] > 0 && seen[dict.Canon(y)] > 0 {
			sa, sb = x, y
			ns++
		}
		if i >= 2 && i <= len(rs)-2 && !isVowel(rs[i]) {
			a, b = x, y
			n++
		}
	}
	if ns == 1 {
		return sa, sb, true
	}
	return a, b, n == 1
}

// sameCase reports whether b is written as the second syllable of a
// compound whose first is a: in small letters (bổ sung, Bổ sung), or in
// capitals after capitals (BỔ SUNG). A capital starting b begins another
// phrase (THÔNG BÁO | Về việc).
func sameCase(a, b string) bool {
	if b == strings.ToLower(b) {
		return true
	}
	return b == strings.ToUpper(b) && a == strings.ToUpper(a)
}

func commonScore(s string) int {
	if r := dict.CommonRank(s); r > 0 {
		return 1000 - r
	}
	return 0
}

// splitPunct separates leading and trailing punctuation from a word.
func splitPunct(w string) (core, pre, post string) {
	start := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return "", w, ""
	}
	end := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) })
	_, size := utf8.DecodeRuneInString(w[end:])
	end += size
	return w[start:end], w[:start], w[end:]
}

// fixDigits turns O, o, l, I, Í, Ì and | into digits in a token that is
// a number: at least as many real digits as such letters, and nothing
// else. An I with a tone mark is a 1 whose foot or serif the scan blurred
// into an accent (thứ 3Í for thứ 31).
func fixDigits(s string) (string, bool) {
	s = dict.NFC(s)
	var digits, lookalikes int
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == 'O' || r == 'o' || r == 'l' || r == 'I' || r == 'Í' || r == 'Ì' || r == '|':
			lookalikes++
		default:
			return "", false
		}
	}
	if lookalikes == 0 || digits == 0 || digits < lookalikes || digits+lookalikes < 2 {
		return "", false
	}
	return digitLookalikes.Replace(s), true
}

var digitLookalikes = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1", "Í", "1", "Ì", "1", "|", "1")

// typeCodeAt finds the type code of a document's number: after its
// numeral and year (45/QĐ-UBND, 72/2024/QĐ-UBND) or, in a Party's
// number, between its numeral and its slash (125-QĐ/HU).
var typeCodeAt = regexp.MustCompile(`^(\d+/(?:\d{4}/)?|\d+-)(\pL+)([-/].*)$`)

// fixTypeCode gives back the Đ of a number's type code read as D (see
// dict.RepairTypeCode).
func fixTypeCode(s string) (string, bool) {
	m := typeCodeAt.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	code, ok := dict.RepairTypeCode(m[2])
	return m[1] + code + m[3], ok
}

// isWordish reports whether s is letters only.
func isWordish(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// Letters one mark apart.
var markFamilies = [][]rune{
	{'a', 'ă', 'â'}, {'e', 'ê'}, {'o', 'ô', 'ơ'}, {'u', 'ư'}, {'d', 'đ'}, {'i'}, {'y'},
}

var tones = []rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// markEdits returns the words one mark away from w: another tone (or
// none), or one letter's hat, horn, breve or stroke changed; for a word
// read with two tones (vỉệc), also each of them alone. Case is kept.
func markEdits(w string) []string {
	type letter struct {
		base  rune // without tone, lower case
		upper bool
	}
	var ls []letter
	var tone rune
	read := 0 // the tone marks read
	for _, r := range norm.NFC.String(w) {
		d := []rune(norm.NFD.String(string(r)))
		base := []rune{}
		for _, x := range d {
			if isToneMark(x) {
				tone = x
				read++
				continue
			}
			base = append(base, x)
		}
		b := []rune(norm.NFC.String(string(base)))
		if len(b) != 1 {
			return nil
		}
		ls = append(ls, letter{unicode.ToLower(b[0]), unicode.IsUpper(r)})
	}
	render := func(ls []letter, t rune) string {
		var sb strings.Builder
		for _, l := range ls {
			r := l.base
			if l.upper {
				r = unicode.ToUpper(r)
			}
			sb.WriteRune(r)
		}
		s := sb.String()
		if t != 0 {
			s = placeTone(s, t)
		}
		return s
	}
	var out []string
	for _, t := range tones {
		if t != tone || read > 1 {
			out = append(out, render(ls, t))
		}
	}
	for i, l := range ls {
		for _, fam := range markFamilies {
			in := false
			for _, r := range fam {
				in = in || r == l.base
			}
			if !in {
				continue
			}
			for _, r := range fam {
				if r == l.base {
					continue
				}
				c := append([]letter(nil), ls...)
				c[i].base = r
				out = append(out, render(c, tone))
			}
		}
	}
	return out
}

func isToneMark(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0309', '\u0303', '\u0323':
		return true
	}
	return false
}

// placeTone puts tone t on the syllable's tone-bearing vowel.
func placeTone(s string, t rune) string {
	// Put it on the first vowel, then let dict move it where it belongs.
	var sb strings.Builder
	done := false
	for _, r := range s {
		sb.WriteRune(r)
		if !done && strings.ContainsRune("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY", r) {
			sb.WriteRune(t)
			done = true
		}
	}
	return dict.PlaceTones(norm.NFC.String(sb.String()))
}

// isVowel reports whether r is a Vietnamese vowel letter, with any marks.
func isVowel(r rune) bool {
	base := []rune(dict.Fold(string(unicode.ToLower(r))))
	return len(base) == 1 && strings.ContainsRune("aeiouy", base[0])
}
