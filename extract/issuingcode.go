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

// sureConf is the confidence (0–1) of a number's reading above which its
// issuing code is not checked against the agency's name: print that OCR
// reads so surely is read right, and some codes are no abbreviation of
// the name (a police unit's C08, a Youth Union's TĐTN).
const sureConf = 0.85

// issuerCodeFits reports whether the issuing code of canonical number n
// (UBND in 45/QĐ-UBND and 575/UBND-KTTH, HU in 125-QĐ/HU) abbreviates the
// agency's name, its parent's, or the two together: its capitals stand in
// order among the initials of the name's words and the letters of its
// abbreviations (UBND in ỦY BAN NHÂN DÂN, THPTLN in TRƯỜNG THPT LỤC NGẠN
// SỐ 1, VPUBND in VĂN PHÒNG under ỦY BAN NHÂN DÂN); its small letters (the
// g of TTg) and digits are not checked. With no name, or no code, it fits.
func issuerCodeFits(n, issuer, parent string) bool {
	i, j := issuingCode(n)
	caps := foldUpper(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return r
		}
		return -1 // a small letter (TTg), a digit (C08)
	}, n[i:j]))
	if caps == "" || issuer == "" && parent == "" {
		return true
	}
	for _, name := range []string{issuer, parent, issuer + " " + parent, parent + " " + issuer} {
		if isSubsequence(caps, initials(name)) {
			return true
		}
	}
	return false
}

// typeCodeIsIssuers reports whether the code after number n's slash,
// though it names a type (CT: Chỉ thị), is the code the issuer's name
// makes (CT: CỤC THUẾ TỈNH …). In a công văn that is what it is: the
// issuer's code, the unit's after it (1234/CT-TTHT, NĐ 30, Phụ lục VI).
func typeCodeIsIssuers(n, issuer string) bool {
	if isParty(n) {
		return false
	}
	first := typeOf(n)
	_, typed := docTypeByCode(first)
	code := bodyCode(issuer)
	return typed && code != "" && foldUpper(first) == foldUpper(code)
}

// issuingCode returns where in canonical number n its issuing code stands:
// UBND in 45/QĐ-UBND, 575/UBND-KTTH and 12/2011/TT-UBND (and after a
// type's code of 2011, 12/GT-UBND), HU in 125-QĐ/HU; an empty span where
// there is none.
func issuingCode(n string) (start, end int) {
	if isParty(n) {
		start = strings.Index(n, "/") + 1
	} else {
		start = strings.LastIndex(n, "/") + 1
		first := n[start:]
		if k := strings.IndexAny(first, "-."); k >= 0 {
			first = first[:k]
		}
		if _, typed := docTypeByCode(first); typed || slices.Contains(dict.CopyAbbrevs, first) || dict.IsLegacyAbbrev(first) {
			if !strings.ContainsAny(n[start:], "-.") {
				return len(n), len(n)
			}
			start += len(first) + 1
		}
	}
	if end = strings.IndexAny(n[start:], "-."); end < 0 {
		return start, len(n)
	}
	return start, start + end
}

// withoutStroke returns canonical number n without a thin stroke OCR
// doubled in its issuing code (THPTLNI1 for THPTLN1: a 1 read as I1),
// where that one change makes the code an abbreviation of the agency's
// name (see issuerCodeFits) and no other such change does.
func withoutStroke(n, issuer, parent string) (string, bool) {
	return uniqueFit(n, issuer, parent, func(i, j, k int) (string, bool) {
		stroke := func(k int) bool { return k >= i && k < j && strings.ContainsRune("IL1", rune(n[k])) }
		// A stroke doubled stands beside another.
		if !stroke(k) || !stroke(k-1) && !stroke(k+1) {
			return "", false
		}
		return n[:k] + n[k+1:], true
	})
}

// figureForLetter returns canonical number n with a letter of its issuing
// code that has a figure's shape (I or l for 1, O for 0) read back as the
// figure, where the agency's name or its parent's has that figure
// (TRƯỜNG THPT LỤC NGẠN SỐ 1: THPTLNI for THPTLN1) and the change makes
// the code an abbreviation of the name (see issuerCodeFits), one change
// alone doing so.
func figureForLetter(n, issuer, parent string) (string, bool) {
	return uniqueFit(n, issuer, parent, func(_, _, k int) (string, bool) {
		fig := map[byte]string{'I': "1", 'l': "1", 'O': "0"}[n[k]]
		if fig == "" || !strings.Contains(issuer+" "+parent, fig) {
			return "", false
		}
		return n[:k] + fig + n[k+1:], true
	})
}

// strayFigure returns canonical number n without a figure that stands
// between two capitals of its issuing code where neither the agency's
// name nor its parent's holds that figure (2215/S5TC-QLNS under SỞ TÀI
// CHÍNH: a stamp's mark or a speck read in the word), the code an
// abbreviation of the name without it. A code's own figures follow its
// letters (C08, PC06) or come from the name (THPTLN1).
func strayFigure(n, issuer, parent string) (string, bool) {
	return uniqueFit(n, issuer, parent, func(i, j, k int) (string, bool) {
		if k == i || k+1 >= j || n[k] < '0' || n[k] > '9' || strings.Contains(issuer+" "+parent, n[k:k+1]) {
			return "", false
		}
		before, _ := utf8.DecodeLastRuneInString(n[i:k])
		after, _ := utf8.DecodeRuneInString(n[k+1 : j])
		if !unicode.IsUpper(before) || !unicode.IsUpper(after) {
			return "", false
		}
		return n[:k] + n[k+1:], true
	})
}

// uniqueFit returns canonical number n as edit changes it at one place k
// of its issuing code (which spans i to j), where that change makes the
// code an abbreviation of the agency's name (see issuerCodeFits) and no
// other change does.
func uniqueFit(n, issuer, parent string, edit func(i, j, k int) (string, bool)) (string, bool) {
	i, j := issuingCode(n)
	found := ""
	for k := i; k < j; k++ {
		m, ok := edit(i, j, k)
		if !ok || !issuerCodeFits(m, issuer, parent) {
			continue
		}
		if found != "" && found != m {
			return n, false
		}
		found = m
	}
	return found, found != ""
}

// strokeOfD returns canonical number n with each D of its issuing code
// that stands for a word of the agency's name beginning with Đ read as
// Đ (HDND for HĐND under HỘI ĐỒNG NHÂN DÂN, BLDTBXH for BLĐTBXH): a 1-bit
// scan loses the stroke of a small Đ more often than of the name's
// capitals. The code's capitals are matched in order to the initials of
// the name, its parent's, or the two together: the first they fit. An
// Đ that stands for a word beginning with D is read back as D (UBNĐ for
// UBND): a speck or a rule's end read as its stroke.
func strokeOfD(n, issuer, parent string) (string, bool) {
	i, j := issuingCode(n)
	if !strings.ContainsAny(n[i:j], "DĐ") {
		return n, false
	}
	for _, name := range []string{issuer, parent, issuer + " " + parent, parent + " " + issuer} {
		ini := []rune(abbreviation(nameWords(name), false))
		code := []rune(n[i:j])
		k, fits, changed := 0, true, false
		for c := range code {
			if !unicode.IsUpper(code[c]) {
				continue
			}
			for k < len(ini) && foldUpper(string(ini[k])) != foldUpper(string(code[c])) {
				k++
			}
			if k == len(ini) {
				fits = false
				break
			}
			switch {
			case code[c] == 'D' && ini[k] == 'Đ':
				code[c], changed = 'Đ', true
			case code[c] == 'Đ' && ini[k] == 'D':
				code[c], changed = 'D', true // a stroke read in: UBNĐ
			}
			k++
		}
		if fits {
			return n[:i] + string(code) + n[j:], changed
		}
	}
	return n, false
}

// cutShort returns canonical number n with its issuing code completed
// where the code stops inside a word of two syllables of the agency's
// name or its parent's (UBN for ỦY BAN NHÂN DÂN, TCK for TÀI CHÍNH - KẾ
// HOẠCH, TTY for TRUNG TÂM Y TẾ): an abbreviation takes a word's
// syllables together, so its last letter was lost (a mark written over
// it, the edge of a speck), and the letter of the word's other syllable
// is put back. The code's letters must be the initials of consecutive
// syllables of the name; where they are so anywhere without stopping
// inside a word (UB for ỦY BAN, SNN for SỞ NÔNG NGHIỆP …), or stop in two
// words that end differently, n is left as it is.
func cutShort(n, issuer, parent string) (string, bool) {
	i, j := issuingCode(n)
	code := []rune(foldUpper(n[i:j]))
	if len(code) == 0 || strings.IndexFunc(n[i:j], func(r rune) bool { return !unicode.IsUpper(r) }) >= 0 {
		return n, false
	}
	completed := ""
	for _, name := range []string{issuer, parent} {
		ws := nameWords(name)
		for k := 0; k+len(code) <= len(ws); k++ {
			e := k + len(code) - 1
			fits := true
			for c, r := range code {
				first, _ := utf8.DecodeRuneInString(foldUpper(ws[k+c]))
				fits = fits && first == r && dict.IsSyllable(strings.ToLower(ws[k+c]))
			}
			if !fits {
				continue
			}
			if e+1 == len(ws) || !dict.IsCompound(ws[e], ws[e+1]) || e > k && dict.IsCompound(ws[e-1], ws[e]) {
				return n, false // the code ends with a word: it may be whole
			}
			next, _ := utf8.DecodeRuneInString(strings.ToUpper(ws[e+1]))
			if next != 'Đ' {
				next, _ = utf8.DecodeRuneInString(foldUpper(string(next))) // a code's letters bear no marks: ỦY gives U
			}
			if c := n[:j] + string(next) + n[j:]; completed == "" || completed == c {
				completed = c
			} else {
				return n, false
			}
		}
	}
	return completed, completed != ""
}

// nearestCode returns canonical number n with its issuing code respelt as
// the code its agency's name makes (see bodyCode: UBND for ỦY BAN NHÂN DÂN
// TỈNH …, STC for SỞ TÀI CHÍNH, VPUBND for VĂN PHÒNG under it), where the
// code read is no abbreviation of the name but two letters or fewer from
// one such code (half its letters at most), and nearer to it than to any
// other: a coarse scan's misreading (UCBXD for UBND).
func nearestCode(n, issuer, parent string) (string, bool) {
	i, j := issuingCode(n)
	code := n[i:j]
	if code == "" || strings.IndexFunc(code, func(r rune) bool { return !unicode.IsUpper(r) }) >= 0 {
		return n, false
	}
	a, b := bodyCode(issuer), bodyCode(parent)
	codes := []string{a, b}
	if a != "" && b != "" {
		codes = append(codes, a+b)
	}
	best, ok := nearestOf(code, codes, func(c string) int { return dict.EditDistance(dict.Fold(code), dict.Fold(c)) },
		func(d, n int) bool { return n >= 2 && d <= 2 && 2*d <= n })
	if !ok {
		return n, false
	}
	return n[:i] + best + n[j:], true
}

// nearestOf returns the code of codes nearest by dist among those near
// allows (given the distance and the code's length in runes), where no
// other code is as near.
func nearestOf(code string, codes []string, dist func(string) int, near func(d, n int) bool) (string, bool) {
	best, bestD, tie := "", 0, false
	for _, c := range codes {
		d := dist(c)
		if !near(d, len([]rune(c))) {
			continue
		}
		switch {
		case best == "" || d < bestD:
			best, bestD, tie = c, d, false
		case d == bestD && c != best:
			tie = true
		}
	}
	return best, best != "" && !tie
}

// bodyCode is the code a body's name makes, as offices abbreviate
// theirs (see abbreviation, Đ kept), up to the unit the place's name
// follows (ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI: UBND); "và" makes no letter
// of it (SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG: STNMT).
func bodyCode(name string) string {
	ws := nameWords(name)
	for k := range ws {
		if dict.IsUnitAt(ws[k:]) {
			ws = ws[:k]
			break
		}
	}
	ws = slices.DeleteFunc(ws, func(w string) bool { return foldUpper(w) == "VA" })
	return abbreviation(ws, false)
}

// initials are the letters of name an abbreviation of it may take, folded
// to capitals (see abbreviation).
func initials(name string) string { return abbreviation(nameWords(name), true) }

// nameWords are the words of an agency's name: a dash between them is
// none.
func nameWords(name string) []string {
	return strings.FieldsFunc(dict.NFC(name), func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
}

// abbreviation is the letters of words an abbreviation of them takes, in
// capitals: each word's first letter, and every letter of a word that is
// itself an abbreviation (no syllable: THPT, GD&ĐT, UBND). With fold, the
// marks are taken off, Đ's stroke too; without, only Đ keeps its own
// (HĐND).
func abbreviation(words []string, fold bool) string {
	var b strings.Builder
	for _, w := range words {
		up := strings.ToUpper(w)
		if fold {
			up = foldUpper(w)
		}
		isLetter := func(r rune) rune {
			if unicode.IsLetter(r) {
				return r
			}
			return -1
		}
		letters := strings.Map(isLetter, up)
		switch {
		case letters == "":
		case dict.IsSyllable(strings.ToLower(strings.Map(isLetter, w))): // HÓA, as HÓA
			r, _ := utf8.DecodeRuneInString(letters)
			if r != 'Đ' {
				r, _ = utf8.DecodeRuneInString(dict.Fold(string(r)))
			}
			b.WriteRune(r)
		default:
			b.WriteString(letters)
		}
	}
	return b.String()
}

// isSubsequence reports whether the letters of a stand in b in order.
func isSubsequence(a, b string) bool {
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// checkIssuingCode checks the number's issuing code against the agency's
// name, and flags the number (conf) where its codes are not well formed
// (wellFormedCode) or where it puts the code right: a D for
// a word of the name beginning with Đ, a figure no name holds read
// between the code's capitals, a figure of the name read with a
// stroke doubled or as the letter of its shape, however surely read; and
// where the code is no abbreviation of the name and was read without much
// confidence, a letter misread in it (the code the name makes, if near).
// A công văn's code that names a type and is the code the issuer's name
// makes (CT: Cục Thuế) is its issuing code, the unit's after it: kept as
// read, flagged where not read with much confidence.
func checkIssuingCode(md *vanthu.Metadata, conf map[string]float64) {
	c, ok := conf["number"]
	if !ok {
		return
	}
	flag := func(n string) { md.Number, conf["number"] = n, min(c, ReviewThreshold/2) }
	if !wellFormedCode(md.Number) {
		// 12/qQb-VKS, 1234/v: print upset by the ink beside it; its
		// capitals read small (1825/sGTVT-QLCL) are put back where the
		// code then fits the name.
		if up := smallAsCapitals(md.Number); wellFormedCode(up) && issuerCodeFits(up, md.Issuer, md.ParentBody) {
			md.Number = up
		}
		if once := markedOnce(md.Number); wellFormedCode(once) {
			md.Number = once
		}
		flag(md.Number)
	}
	if n, ok := strokeOfD(md.Number, md.Issuer, md.ParentBody); ok {
		flag(n)
	}
	if n, ok := strayFigure(md.Number, md.Issuer, md.ParentBody); ok {
		flag(n)
	}
	if n, ok := cutShort(md.Number, md.Issuer, md.ParentBody); ok {
		flag(n)
	}
	if i, j := issuingCode(md.Number); i == j && md.Issuer != "" {
		// 15/BC under ỦY BAN NHÂN DÂN XÃ …: a number names its issuer
		// after its type (NĐ 30, Phụ lục III), so the code was lost.
		flag(md.Number)
	}
	if issuerCodeFits(md.Number, md.Issuer, md.ParentBody) {
		return
	}
	if md.DocType == "Công văn" && typeCodeIsIssuers(md.Number, md.Issuer) {
		if c < sureConf {
			flag(md.Number) // the unit's code, which no name here checks
		}
		return
	}
	if n, ok := withoutStroke(md.Number, md.Issuer, md.ParentBody); ok {
		flag(n)
	} else if n, ok := figureForLetter(md.Number, md.Issuer, md.ParentBody); ok {
		flag(n)
	} else if c < sureConf {
		flag(md.Number)
		if n, ok := nearestCode(md.Number, md.Issuer, md.ParentBody); ok {
			md.Number = n
		}
	}
}

// codeWords matches the words of a number's codes: what stands between its
// figures, slashes, dashes and dots.
var codeWords = regexp.MustCompile(`[^0-9/.…\-]+`)

// codeWord matches a word of a code as the rules write it: capitals (Đ
// among them) and &, with the small letters of the types' abbreviations
// (TTr, CTr, TrS, QyĐ, the Party's QĐi, TTh of 2011) and of units' codes
// (GDTrH, KTrVB); the Prime Minister's TTg is the one small g.
var codeWord = regexp.MustCompile(`^(?:(?:[A-ZĐ&]|Tr|Qy|Đi|Th)+|TTg)$`)

// wellFormedCode reports whether every word of number n's codes is
// written as codes are (codeWord): a small letter out of place (qQb for
// QĐ, sGTVT), a sign (v?CP, #VNCPC) or a letter of no abbreviation (Ö) is
// OCR's, the print misread.
func wellFormedCode(n string) bool {
	for _, w := range codeWords.FindAllString(n, -1) {
		if !codeWord.MatchString(w) {
			return false
		}
	}
	return true
}

// markedOnce takes out of number n's codes each capital with a mark
// (Đ's stroke aside: codes are written in capitals without marks) read
// beside its own bare letter: the LSTM gave the letter and the ink over
// it each a letter (ÊEVNCPC for EVNCPC, under figures written by hand).
func markedOnce(n string) string {
	return codeWords.ReplaceAllStringFunc(n, func(w string) string {
		rs := []rune(w)
		var out []rune
		for i, r := range rs {
			bare := []rune(dict.Fold(string(r)))
			marked := r != 'Đ' && unicode.IsUpper(r) && len(bare) == 1 && bare[0] != r
			if marked && (i > 0 && rs[i-1] == bare[0] || i+1 < len(rs) && rs[i+1] == bare[0]) {
				continue
			}
			out = append(out, r)
		}
		return string(out)
	})
}

// smallAsCapitals respells the small letters of number n's codes whose
// capitals are of their shape, only larger (c, o, s, u, v, w, x, z), as
// those capitals: Tesseract reads a line's capitals small beside figures
// written larger by hand (1825/sGTVT-QLCL).
func smallAsCapitals(n string) string {
	return codeWords.ReplaceAllStringFunc(n, func(w string) string {
		if codeWord.MatchString(w) {
			return w
		}
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune("cosuvwxz", r) {
				return unicode.ToUpper(r)
			}
			return r
		}, w)
	})
}
