package dict

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// slips are words a mark away (a tone, a hat, a horn) from one of the
// commonest words of administrative writing, and themselves all but
// absent from it: vẻ, vể, vế for về (about; vẻ is appearance), cua, cùa,
// cúa, cưa for của (of; cua is crab), dế, dể for để. Each is a possible
// syllable, so no syllable rule sees it, and its own word is too rare in
// the register to stand for it without a look. Each maps to the word it
// slipped from.
var slips = map[string]string{
	"vẻ": "về", "vể": "về", "vế": "về",
	"cua": "của", "cùa": "của", "cúa": "của", "cưa": "của",
	"dế": "để", "dể": "để",
}

// IsSlip reports whether w (as OCR read it) is likely a misreading of one
// of the commonest words (see slips): vẻ for về.
func IsSlip(w string) bool { return slips[strings.ToLower(NFC(w))] != "" }

// slipHeads are the words that follow về, của or để in the register
// whatever comes after them: về việc, của các, về những.
var slipHeads = map[string]bool{"việc": true, "các": true, "những": true}

// doiSlips are đối read without its stroke or with the wrong tone or hat
// (dõi, doi, đoi, dói, đôi, dối, đổi: a faded sắc cut short reads as a
// hỏi), each mapped to the words before it that make it a word of its own
// before với: theo dõi với (a follow-up with someone), đi đôi với (goes
// with), sánh đôi với, nói dối với (lies to), trao đổi với (discusses
// with) and the other compounds of đổi, change.
var doiSlips = map[string][]string{
	"dõi": {"theo"}, "doi": nil, "đoi": nil, "dói": nil, "đôi": {"đi", "sánh"}, "dối": {"nói"},
	"đổi": {"trao", "thay", "sửa", "chuyển", "biến", "hoán", "quy", "đánh", "không"},
}

// RepairSlip returns words[i] respelt as the word it slipped from when the
// words after it say which (words are one line's, or a block's run across
// lines, without punctuation between them), and whether it changed it:
//
//   - a slip of về, của or để (see slips) before a name, which the
//     register writes with a capital (của Quyết định, về Chương trình, của
//     UBND), before a compound of the register (về tình hình, của cơ
//     quan, để thực hiện), or before việc, các or những; vẻ đẹp, cua biển
//     and nuôi cua stay;
//   - dõi, doi, đoi, dói, đôi, dối or đổi before với: đối với, unless the
//     word before makes it a word of its own (theo dõi với, đi đôi với,
//     trao đổi với);
//   - thử, thư and the other slips of thứ between họp or lần and a
//     figure: kỳ họp thứ 31, lần thứ 2 (thử 3 lần, to try thrice, stays).
//
// The case of the word as read is kept.
func RepairSlip(words []string, i int) (string, bool) {
	w := words[i]
	lw := strings.ToLower(NFC(w))
	next := func(k int) string {
		if i+k < len(words) {
			return NFC(words[i+k])
		}
		return ""
	}
	if to := slips[lw]; to != "" {
		n := next(1)
		r, _ := utf8.DecodeRuneInString(n)
		if unicode.IsUpper(r) || slipHeads[strings.ToLower(n)] || n != "" && IsCompound(n, next(2)) {
			return withCase(to, w), true
		}
		return w, false
	}
	if before, ok := doiSlips[lw]; ok && strings.ToLower(next(1)) == "với" &&
		(i == 0 || !slices.Contains(before, strings.ToLower(NFC(words[i-1])))) {
		return withCase("đối", w), true
	}
	if thuSlips[lw] && i > 0 && ordinalHeads[strings.ToLower(NFC(words[i-1]))] && StartsFigure(next(1)) {
		return withCase("thứ", w), true
	}
	return w, false
}

// thuSlips are thứ read with another tone or hat, each a word of its own
// (thử, to try; thư, a letter), and ordinalHeads the words after which
// thứ and a figure count a meeting or a time: kỳ họp thứ 31, lần thứ 2.
var (
	thuSlips     = map[string]bool{"thử": true, "thư": true, "thú": true, "thừ": true, "thự": true, "thu": true}
	ordinalHeads = map[string]bool{"họp": true, "lần": true}
)

// StartsFigure reports whether s begins with a figure.
func StartsFigure(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
