package ocr

import (
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// CorrectCompounds respells, in place, each pair of neighbouring words on
// one line (or the end of one line and the start of the next of a block)
// that reads as a compound of the administrative register with a
// wrong mark (bô sung → bổ sung; see dict.RepairCompound), and the word
// before a numeral that reads as "số" with a wrong mark (sô 2269; see
// dict.RepairNumberLabel), an abbreviation misread after the word that
// calls for it (Công ty TXHH → Công ty TNHH; see dict.RepairAbbreviation),
// and a slip of one of the commonest words that the words after it give
// away (điều cua Quyết định → điều của Quyết định; see dict.RepairSlip).
// Words with punctuation between them are no pair, but for the comma of
// a pair the register writes with one (phòng, chống).
func CorrectCompounds(words []vanthu.Word) {
	for i := 0; i+1 < len(words); i++ {
		a, b := &words[i], &words[i+1]
		ca, pa, qa := splitPunct(a.Text)
		cb, _, qb := splitPunct(b.Text)
		if !pairs(*a, *b) && !(qa == "," && pairs(vanthu.Word{Text: ca, Line: a.Line, Block: a.Block}, *b) && dict.WrittenWithComma(ca, cb)) {
			continue
		}
		if y, ok := dict.RepairAbbreviation(ca, cb); ok {
			b.Text = y + qb
			continue
		}
		// I. run into small letters is an L whose foot was read as a
		// stop (Liên đoàn I.ao động), which dict.RepairCompound puts back.
		if !isWordish(strings.TrimPrefix(ca, "I.")) || !isWordish(cb) || !sameCase(ca, cb) {
			continue
		}
		// A word that makes a compound with the word before it (as read,
		// or as just respelt) is read right: "văn bản hành chính" keeps
		// its bản, which with hành has the letters of "ban hành". The
		// word after it may still be respelt: "một số điểu" is "một số
		// điều".
		// Between two compounds as read, the pair is none: "quan hệ
		// thông qua" keeps its thông, which with hệ has the letters of
		// "hệ thống".
		held := i > 0 && pairs(words[i-1], *a) && dict.IsCompound(core(words[i-1]), ca)
		between := held && i+2 < len(words) && pairs(*b, words[i+2]) && dict.IsCompound(cb, core(words[i+2]))
		if x, y, ok := dict.RepairCompound(ca, cb); ok && (!held || x == ca) && (!between || y == cb) {
			a.Text, b.Text = pa+x+qa, y+qb
		}
	}
	for i := 0; i+1 < len(words); i++ {
		a, b := &words[i], words[i+1]
		ca, pa, qa := splitPunct(a.Text)
		if a.Line == b.Line && qa == "" {
			if x, ok := dict.RepairNumberLabel(ca, b.Text); ok {
				a.Text = pa + x
			}
		}
	}
	for i := range words {
		ca, pa, qa := splitPunct(words[i].Text)
		if !isWordish(ca) {
			continue
		}
		// The word among its neighbours on its run: the one before it and
		// the two after it, where no punctuation parts them.
		run, at := []string{ca}, 0
		if i > 0 && pairs(words[i-1], words[i]) {
			run, at = []string{core(words[i-1]), ca}, 1
		}
		for j := i + 1; j < min(len(words), i+3) && pairs(words[j-1], words[j]); j++ {
			run = append(run, core(words[j]))
		}
		if x, ok := dict.RepairSlip(run, at); ok {
			words[i].Text = pa + x + qa
		}
	}
}

// pairs reports whether words a, b, in this order, can be a compound: on
// one line, or the end of one line and the start of the next of a block
// (a compound may wrap), with no punctuation between them.
func pairs(a, b vanthu.Word) bool {
	if a.Line != b.Line && (a.Block != b.Block || b.Line != a.Line+1) {
		return false
	}
	_, _, qa := splitPunct(a.Text)
	_, pb, _ := splitPunct(b.Text)
	return qa == "" && pb == ""
}

// CorrectProvinces respells, in place, a province's name after the word
// for its unit on one line (TỈNH QUANG NGAI → TỈNH QUẢNG NGÃI, tĩnh Quảng
// Ngãi → tỉnh Quảng Ngãi; see dict.RepairProvince), a district's or a
// commune's after its unit's (HUYỆN MÔ ĐỨC → HUYỆN MỘ ĐỨC; see
// dict.RepairUnit), a province's anywhere a word of it holds a letter
// Vietnamese has not (Quảng Nøãi; see dict.RepairMisreadProvince), and a
// province's read in capitals without its marks at the end of a printed
// run of capitals (SỞ GD&ĐT BAC GIANG; see dict.RepairBareProvince).
func CorrectProvinces(words []vanthu.Word) {
	for i := 0; i+1 < len(words); i++ {
		if _, _, post := splitPunct(words[i].Text); post != "" {
			continue
		}
		var next []string
		for j := i + 1; j < min(len(words), i+5) && words[j].Line == words[i].Line && words[j].Block == words[i].Block; j++ {
			next = append(next, words[j].Text)
		}
		unit, fixed, ok := dict.RepairProvince(words[i].Text, next)
		if !ok {
			fixed, ok = dict.RepairUnit(words[i].Text, next)
		}
		if !ok {
			continue
		}
		words[i].Text = unit
		for j, t := range fixed {
			words[i+1+j].Text = t
		}
	}
	for i := range words {
		var run []string
		for j := i; j < min(len(words), i+4) && words[j].Line == words[i].Line && words[j].Block == words[i].Block; j++ {
			run = append(run, words[j].Text)
		}
		if fixed, ok := dict.RepairMisreadProvince(run); ok {
			for j, t := range fixed {
				words[i+j].Text = t
			}
		}
	}
	// A name in capitals that ends a printed run of capitals after a word
	// of it (SỞ GD&ĐT BAC GIANG, the Quốc hiệu beside it across the
	// header's gap): the end of an agency's name, its marks lost.
	for _, run := range printedRuns(words) {
		for k := 2; k <= min(4, len(run)-1); k++ {
			name := run[len(run)-k:]
			if !dict.Capitals(run[len(run)-k-1].Text) {
				continue
			}
			var ws []string
			for _, w := range name {
				ws = append(ws, w.Text)
			}
			if fixed, ok := dict.RepairBareProvince(ws); ok {
				for j, t := range fixed {
					name[j].Text = t
				}
				break
			}
		}
	}
}

// printedRuns splits words, in Tesseract's order (each line's words
// together, left to right), into the runs of one line with no wide gap
// inside (layout.Runs): the two columns of a header's row are two runs.
// Each run shares words' backing array.
func printedRuns(words []vanthu.Word) [][]vanthu.Word {
	var runs [][]vanthu.Word
	for end := 0; end < len(words); {
		start := end
		for end < len(words) && words[end].Line == words[start].Line {
			end++
		}
		runs = append(runs, layout.Runs(words[start:end])...)
	}
	return runs
}
