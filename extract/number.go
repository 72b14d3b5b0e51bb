package extract

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
)

var (
	// numberRe finds, in folded upper-case text, a line that begins with
	// "Số:" and holds a number: the slot where the numeral goes (printed,
	// written by hand, or left blank for the văn thư to fill in), then the
	// printed rest, "/QĐ-UBND" or "/2018/QĐ-TTg". A number cited in a
	// sentence ("theo Quyết định số 45/QĐ-UBND") does not begin its line.
	// The code's first capitals, one or two, may be read as the digits
	// they look like (BC as 8C, TTr as 11r), a capital after them:
	// "/2018" alone is a year. Beside large figures written by hand,
	// Tesseract may read the label "s:", its ố lost: the colon must be
	// there then.
	numberRe = regexp.MustCompile(`^[^A-Z0-9]*S(?:[O6]\s*[:;.,]?|\s*[:;])([^/]{0,16}?)((?:/\s*[0-9OLI|]{4}\s*)?/\s*(?:[A-Z]|[0-9]{1,2}[A-Z])[A-Z0-9]*` + joined + `(?:` + hyphen + `[A-Z0-9]+` + joined + `)*)`)
	// joined is what may join the capitals of one part of a code: "&" for
	// "và" (SNN&PTNT, SGD&ĐT), or a stop before two capitals or more, as
	// some offices print the hyphen (QĐ.UBND).
	joined = `(?:&[A-Z0-9]+|\.[A-Z][A-Z0-9]+)*`
	// hyphen joins the parts of a code; a stop may stand before it, a
	// letter's foot read apart (KL read "KI.-TTr").
	hyphen = `\.?\s*[-–]\s*`
	// numberBareRe is the same line when OCR lost the slash beside the
	// handwriting ("Số: UBND-KTTH", "Số: 94 UBND-KTTH") or read it as
	// another thin mark ("Số: 08 ;CT-UBND", "Số: “UBND-KGVX"; in a coarse
	// or 1-bit scan a slash is a stroke or two of pixels): then the label
	// with its colon (bareLabel) and a code with a hyphen must be there.
	numberBareRe = regexp.MustCompile(bareLabel + `([^/]{0,16}?)(?:\s|\s*` + lostSlash + `{1,2}\s*)(` + bareCode + `)`)
	// bareLabel is the label "Số:" of a line whose slash was lost: its ố
	// may be lost too, with the colon there, or the colon read as a stop
	// or a comma after it (a photograph's small print).
	bareLabel = `^[^A-Z0-9]*S(?:[O6]?\s*[:;]|[O6]\s*[.,])`
	// bareCode is a code whose slash was lost: capitals, and a hyphen
	// before the next part, without which nothing tells it a code.
	bareCode = `[A-Z][A-Z0-9]*` + joined + hyphen + `[A-Z0-9]+` + joined + `(?:` + hyphen + `[A-Z0-9]+` + joined + `)*`
	// numberRunOnRe is the same line when OCR lost the slash and the gap
	// it stood in, the code run on after the numeral's figures ("Số:
	// 215MTTQ-BTT" in a 1-bit scan): figures alone in the slot, and the
	// code with a hyphen.
	numberRunOnRe = regexp.MustCompile(bareLabel + `\s*([0-9]{1,6})(` + bareCode + `)`)
	// partyRe is a number of the Party's order (Hướng dẫn 36-HD/VPTW):
	// the type code after a hyphen and before the slash, the issuer's code
	// after it ("Số 125-QĐ/TU", "Số 14514-CV/VPTW"), and no colon needed.
	// A number of NĐ 30 has its slash first and never matches.
	partyRe = regexp.MustCompile(`^[^A-Z0-9]*S[O6]\s*[:;.,]?([^/]{0,16}?)\s*[-–]\s*((?:[A-Z]|[0-9][A-Z])[A-Z0-9]{0,3}\s*/\s*[A-Z][A-Z0-9]*(?:\s*[-–]\s*[A-Z0-9]+)*)`)
	// partySevenRe is a Party number whose slash OCR read as a 7 (a thin
	// slash's foot lost in a 1-bit scan: "Số 12-CI7TU" for 12-CT/TU): a 7
	// between the type code's capitals and the issuer's, where no figure
	// stands in a number of that order.
	partySevenRe = regexp.MustCompile(`^[^A-Z0-9]*S[O6]\s*[:;.,]?\s*([0-9]{1,6})\s*[-–]\s*([A-Z]{1,4}7[A-Z][A-Z0-9]*(?:\s*[-–]\s*[A-Z0-9]+)*)`)
	// numberTypeLostRe is the line whose slash and type code OCR ran into
	// the handwriting before them ("Số: 2477 -UBND" for "Số: 24/TTr-UBND"):
	// the issuing code after a hyphen, and nothing after it.
	numberTypeLostRe = regexp.MustCompile(bareLabel + `([^/]{0,16}?)\s*[-–]\s*([A-Z][A-Z0-9]*)\s*$`)
	// sLookalike is the label's S read as the figure or sign of its
	// shape (5ố:, $ố:), before the o of Số and its colon.
	sLookalike = regexp.MustCompile(`^([^\pL\pN$§]*)[5$§](\s*[ốỐôÔóÓoO6]\s*[:;])`)
	// labelO is the label's ố read as a figure or an e, or followed by
	// "hiệu", before its colon.
	labelO = regexp.MustCompile(`^([^\pL\pN]*S)(?:[0eéèẻẽẹêếềểễệEÉÈẺẼẸÊẾỀỂỄỆ]|(?i:[ốôóoòỏõọồổỗộ]\s*hi[eệêéế]u))(\s*[:;])`)
	// typedLabel is the label of a law's or a resolution's number, which
	// names the type before "số" ("Luật số: 01/2011/QH13", "Nghị quyết
	// số: 42/2017/QH14", "Lệnh số: 05/2011/L-CTN"); the colon is there,
	// as it never is where a sentence cites one.
	typedLabel = regexp.MustCompile(`^[^A-Z0-9]*(?:LUAT|BO LUAT|NGHI QUYET|PHAP LENH|LENH)\s+(S[O6]\s*:)`)
	// lostSlash is what OCR reads a thin slash as: a thin mark, or a
	// hyphen.
	lostSlash = `[` + regexp.QuoteMeta(dict.SlashLookalikes) + `\-–]`
	// digitLookalikes are the pairs of what OCR reads a printed or written
	// digit as, and the digit: O for 0, l for 1.
	digitLookalikes = []string{"O", "0", "o", "0", "L", "1", "l", "1", "I", "1", "|", "1", "]", "1", " ", ""}
	digitFix        = strings.NewReplacer(digitLookalikes...)
	// slotFill is what stands in an empty slot: dots, underscores, an
	// ellipsis, spaces.
	slotFill = "._…-–:;, \t"
)

// Number is what a "Số:" line holds.
type Number struct {
	Numeral string // "" when the slot is blank or cannot be read
	Code    string // the printed rest: "QĐ-UBND", "2018/QĐ-TTg"
	// Unreadable: the slot holds marks that are not digits (handwriting
	// OCR could not read), as opposed to a blank slot.
	Unreadable bool
	// Unsure: the line was read with its slash lost, so the numeral
	// beside it may be a misreading too.
	Unsure bool
	// TypeLost: the type code was lost with the slash (the slot ran on
	// into it), so Code is the issuing code alone and what was read in
	// the slot is no numeral (it holds the code's letters too): the type
	// heading may give the code back (WithType).
	TypeLost bool
	// Party: the number is of the Party's order, numeral-TYPE/ISSUER
	// ("125-QĐ/TU"); Code is then "QĐ/TU".
	Party bool
}

// WithType completes a number whose type code was lost with abbrev, the
// type heading's (Phụ lục III): "…/TTr-UBND". ok is false for a number
// whose type code was not lost, or an abbreviation that is none (a công
// văn has no type code, and its number no hyphen before the issuer).
func (n Number) WithType(abbrev string) (Number, bool) {
	if !n.TypeLost || abbrev == "" {
		return n, false
	}
	n.Code, n.TypeLost = abbrev+"-"+n.Code, false
	return n, true
}

// String is the canonical number, with "…" for a numeral not read:
// "45/QĐ-UBND", "…/QĐ-UBND", "125-QĐ/TU".
func (n Number) String() string {
	sep := "/"
	if n.Party {
		sep = "-"
	}
	return cmp.Or(n.Numeral, "…") + sep + n.Code
}

// ParseNumber finds a document number on a line that begins with "Số:" and
// returns it in canonical form: no spaces, digits repaired, the document
// type's abbreviation spelt as in Phụ lục III (QĐ, TTr, NĐ). A number whose
// numeral is missing is not found; see [ParseNumberLine].
func ParseNumber(line string) (string, bool) {
	n, ok := ParseNumberLine(line)
	if !ok || n.Numeral == "" {
		return "", false
	}
	return n.String(), true
}

// labelS gives back the label Số: its S read as the figure or sign of
// its shape (5ố:, $ố:), its ố as a zero or an e (S0:, Sé:); and "Số
// hiệu:", as some offices print it, read as the label it is.
func labelS(line string) string {
	return labelO.ReplaceAllString(sLookalike.ReplaceAllString(line, "${1}S$2"), "${1}ố$2")
}

// dashes reads the dashes and the hyphens of Unicode other than the en
// dash (which the patterns know) as the code's hyphen, and Ø as 0.
var dashes = strings.NewReplacer("Ø", "0", "—", "-", "‐", "-", "‑", "-", "−", "-", "―", "-")

// lowHyphen is a code's hyphen read as a tilde or an underscore, between
// two capitals (QĐ~UBND, QĐ_UBND).
var lowHyphen = regexp.MustCompile(`(\p{Lu})\s*[~_]\s*(\p{Lu})`)

// ParseNumberLine reads a line that begins with "Số:", also when the slot
// for the numeral is blank or holds what OCR could not read.
func ParseNumberLine(line string) (Number, bool) {
	// Ø is no Vietnamese letter: OCR's reading of a 0 (or of an O, a D
	// or a B in small print). A code's hyphen may be read as any of the
	// dashes.
	orig := []rune(lowHyphen.ReplaceAllString(dashes.Replace(dict.NFC(labelS(unleader(line)))), "$1-$2"))
	folded := foldRunes(orig)
	up := strings.ToUpper(string(folded))
	if m := typedLabel.FindStringSubmatchIndex(up); m != nil {
		k := len([]rune(up[:m[2]]))
		orig, folded = orig[k:], folded[k:]
		up = strings.ToUpper(string(folded))
	}
	var n Number
	seven := false // a Party number's slash read as a 7
	m := partyRe.FindStringSubmatchIndex(up)
	if m != nil {
		n.Party = true
	} else if m = numberRe.FindStringSubmatchIndex(up); m == nil {
		if m = partySevenRe.FindStringSubmatchIndex(up); m != nil {
			n.Party, seven = true, true
		} else if m = numberBareRe.FindStringSubmatchIndex(up); m == nil {
			m = numberRunOnRe.FindStringSubmatchIndex(up)
		}
		if m == nil {
			if m = numberTypeLostRe.FindStringSubmatchIndex(up); m == nil {
				return Number{}, false
			}
			n.TypeLost = true
		}
		n.Unsure = true
	}
	// The folded string has one rune per original rune; map byte offsets.
	slot := strings.Trim(up[m[2]:m[3]], slotFill)
	switch fixed := digitFix.Replace(slot); {
	case slot == "":
	case n.TypeLost:
		// The slot's reading holds the type code's letters too.
		n.Unreadable = true
	case isDigits(fixed) && len(fixed) <= 6:
		n.Numeral = fixed
	case numeralLetter.MatchString(fixed):
		// A number put between two (15a, 15b) by an office that issued
		// one late; or a speck read after the figures: the clerk checks.
		a, b := runeIndex(string(folded), m[2]), runeIndex(string(folded), m[3])
		n.Numeral, n.Unsure = digitFix.Replace(strings.Trim(string(orig[a:b]), slotFill)), true
	case strings.ContainsFunc(slot, unicode.IsLetter) && letterRun(slot) >= 2:
		return Number{}, false // words, not a numeral: "Sở Tài chính/…"
	default:
		n.Unreadable = true
	}
	start, end := runeIndex(string(folded), m[4]), runeIndex(string(folded), m[5])
	raw := strings.Join(strings.Fields(string(orig[start:end])), "")
	raw = strings.NewReplacer("–", "-", "Ð", "Đ").Replace(strings.TrimPrefix(raw, "/"))
	raw = stopBeforeWord(raw)
	if n.Party {
		if seven {
			raw = strings.Replace(raw, "7", "/", 1)
		}
		typ, issuer, _ := strings.Cut(raw, "/")
		typ = letterForDigit(typ, partyTypeByCode)
		if c, ok := knownCode(typ, partyTypeByCode); ok {
			typ = c
		}
		n.Code = typ + "/" + strings.TrimRight(issuer, ".,;:")
		return n, true
	}
	parts := strings.Split(raw, "/")
	for i := 0; i < len(parts)-1; i++ { // a year
		parts[i] = digitFix.Replace(parts[i])
		if !isDigits(parts[i]) {
			return Number{}, false
		}
	}
	codes := strings.Split(parts[len(parts)-1], "-")
	typ, joinedRest, _ := strings.Cut(codes[0], ".") // QĐ.UBND: a stop for the hyphen
	typ = letterForDigit(typ, docTypeByCode)
	if c, ok := knownCode(typ, docTypeByCode); ok {
		typ = c
	}
	if codes[0] = typ; joinedRest != "" {
		codes[0] += "." + joinedRest
	}
	for i, c := range codes {
		if c == "" {
			return Number{}, false
		}
		if i > 0 {
			codes[i] = strings.TrimRight(c, ".,;:")
		}
		if fixed, ok := codeFigures(codes[i]); ok {
			codes[i], n.Unsure = fixed, true
		}
	}
	if splitCode.MatchString(string(orig[end:])) {
		// Q Đ-UBND: a gap read inside the code. Read without it, for the
		// clerk to check.
		again, ok := ParseNumberLine(string(orig[:end]) + strings.TrimPrefix(string(orig[end:]), " "))
		again.Unsure = true
		return again, ok
	}
	if danglingHyphen.MatchString(string(orig[end:])) {
		n.Unsure = true // 1502/SGDĐT-: the code's rest on a line not found
	}
	if tail := loneCapital.FindStringSubmatch(string(orig[end:])); tail != nil {
		// UBN D: the code's last letter read apart. Joined, for the
		// clerk to check.
		codes[len(codes)-1] += tail[1]
		n.Unsure = true
	}
	parts[len(parts)-1] = strings.Join(codes, "-")
	n.Code = strings.Join(parts, "/")
	if more := slashedCode.FindStringSubmatch(string(orig[end:])); more != nil {
		// QĐ/UBND: the code goes on after a slash where its hyphen
		// stands, as some offices print it or OCR read the hyphen. It
		// is kept as printed, for the clerk to check.
		n.Code += "/" + more[1]
		n.Unsure = true
	}
	return n, true
}

// splitCode is what follows a number's code where OCR read a gap inside
// it: one capital or two, then the rest of the code after its hyphen
// (45/Q Đ-UBND). A word (CỘNG, Bình) is none, nor a capital alone at the
// line's end, which may be a rule's stroke read as I.
var splitCode = regexp.MustCompile(`^ \p{Lu}{1,2}-\p{Lu}`)

// danglingHyphen is a hyphen that ends a number's line after its code:
// the code goes on, on a line of its own.
var danglingHyphen = regexp.MustCompile(`^\s*[-–]\s*$`)

// loneCapital is a capital alone after a number's code at the line's end,
// where OCR read a gap before the code's last letter (45/QĐ-UBN D). An I
// or an L may be a rule's stroke, and is none.
var loneCapital = regexp.MustCompile(`^ ([A-HJKM-ZĐ])\s*$`)

// numeralLetter is a numeral with a letter after it (folded capitals).
var numeralLetter = regexp.MustCompile(`^[0-9]{1,6}[A-Z]$`)

// slashedCode is the part of a number's code after a slash where a hyphen
// stands (15/QĐ/UBND), as ParseNumberLine reads on from the code's end:
// capitals, and the parts after them, a whole word (not the Q of
// /Quảng Ngãi).
var slashedCode = regexp.MustCompile(`^\s*/\s*(\p{Lu}[\p{Lu}0-9]*(?:-[\p{Lu}0-9]+)*)(?:$|[^\p{L}\p{N}])`)

// codeFigures puts back the figures of a part of a code read as the
// letters of their shape (PC0G for PC06): a unit's figures, once begun
// after its letters, run to the part's end (PC06, C08, PA03), so a letter
// after one is a figure misread. ok is false where none was.
func codeFigures(c string) (string, bool) {
	i := strings.IndexFunc(c, unicode.IsDigit)
	if i <= 0 {
		return c, false
	}
	tail := yearFix.Replace(c[i:]) // print's figures, as a year's are read
	if tail == c[i:] || !isDigits(tail) {
		return c, false
	}
	return c[:i] + tail, true
}

// stopBeforeWord cuts a code at a stop that a word in small letters
// follows ("UBND.Quảng": the date line run on), which no stop joining the
// code's parts does (QĐ.UBND).
func stopBeforeWord(raw string) string {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '.' {
			continue
		}
		part := raw[i+1:]
		if j := strings.IndexAny(part, "-&./"); j >= 0 {
			part = part[:j]
		}
		if strings.ContainsFunc(part, unicode.IsLower) {
			return raw[:i]
		}
	}
	return raw
}

// lookalikes are the capitals a digit at the start of a code stands for
// when OCR read the letter as the digit it looks like in small print.
var lookalikes = map[byte]string{'8': "B", '0': "ĐDO", '5': "S", '6': "G", '1': "IT", '2': "Z", '4': "A"}

// letterForDigit respells a code that begins with a digit or two (8C,
// 11r) with the capitals those digits stand for, where that makes a
// document type's abbreviation or a copy's (BC, TTr); any other code is
// returned as read. The type heading may still respell it (codeForType).
func letterForDigit(code string, byCode func(string) (dict.DocType, bool)) string {
	n := 0
	for n < len(code) && n < 3 && code[n] >= '0' && code[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return code
	}
	heads := []string{""}
	for i := range n {
		var next []string
		for _, h := range heads {
			for _, l := range lookalikes[code[i]] {
				next = append(next, h+string(l))
			}
		}
		heads = next
	}
	for _, h := range heads {
		if fixed, ok := knownCode(h+code[n:], byCode); ok {
			return fixed
		}
	}
	return code
}

// knownCode spells code as Phụ lục III spells a document type's
// abbreviation (QĐ, TTr), or as byCode finds it, or a copy's, if it is
// one.
func knownCode(code string, byCode func(string) (dict.DocType, bool)) (string, bool) {
	if t, ok := byCode(code); ok {
		return t.Abbrev, true
	}
	for _, c := range dict.CopyAbbrevs {
		if strings.EqualFold(c, code) {
			return c, true
		}
	}
	return "", false
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// letterRun is the length of the longest run of letters in s.
func letterRun(s string) int {
	best, run := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// docTypeByCode finds the document type of a number's type code, also when
// OCR doubled one of its letters (QĐĐ).
func docTypeByCode(code string) (dict.DocType, bool) { return undoubled(code, dict.DocTypeByAbbrev) }

// partyTypeByCode is docTypeByCode for a Party number's type code.
func partyTypeByCode(code string) (dict.DocType, bool) {
	return undoubled(code, dict.PartyDocTypeByAbbrev)
}

// undoubled looks code up with byAbbrev, and again without a letter OCR
// doubled.
func undoubled(code string, byAbbrev func(string) (dict.DocType, bool)) (dict.DocType, bool) {
	if t, ok := byAbbrev(code); ok {
		return t, true
	}
	rs := []rune(code)
	for i := 1; i < len(rs); i++ {
		if rs[i] == rs[i-1] {
			if t, ok := byAbbrev(string(rs[:i]) + string(rs[i+1:])); ok {
				return t, true
			}
		}
	}
	return dict.DocType{}, false
}

// consolidated is the type of a consolidated text (văn bản hợp nhất),
// numbered in a series of its own (05/VBHN-BNV).
const consolidated = "Văn bản hợp nhất"

// consolidatedCode respells the type code of canonical number n as
// VBHN where it is one letter off it and no type's code (05/VBHR-BNV),
// and reports whether it did. A consolidated text's heading is that of
// the text it consolidates, so its number alone says what it is.
func consolidatedCode(n string) (string, bool) {
	if !strings.Contains(n, "/") || isParty(n) {
		return n, false
	}
	i, j := typeCode(n)
	code := n[i:j]
	if _, known := docTypeByCode(code); known || utf8.RuneCountInString(code) < 3 || dict.EditDistance(foldUpper(code), "VBHN") != 1 {
		return n, false
	}
	return n[:i] + "VBHN" + n[j:], true
}

// typeFromNumber names the type from the number's abbreviation: in
// 45/QĐ-UBND the first code after the numbers, in the Party's 125-QĐ/TU
// the code before the slash; a công văn of NĐ 30 has none.
func typeFromNumber(n string) string {
	if n == "" {
		return ""
	}
	byCode := docTypeByCode
	if isParty(n) {
		byCode = partyTypeByCode
	}
	if t, ok := byCode(typeOf(n)); ok {
		return t.Name
	}
	return "Công văn"
}

// isParty reports whether canonical number n is of the Party's order: its
// first hyphen comes before its slash ("125-QĐ/TU").
func isParty(n string) bool {
	h := strings.Index(n, "-")
	return h >= 0 && h < strings.Index(n, "/")
}

// typeCode returns where in canonical number n its type code stands (for
// a công văn of NĐ 30, the issuer's code that stands there): after the
// numeral's slash and a year's up to a hyphen (or a slash where one
// stands: 15/QĐ/UBND), or in a Party number between its first hyphen
// and its slash.
func typeCode(n string) (start, end int) {
	if isParty(n) {
		return strings.Index(n, "-") + 1, strings.Index(n, "/")
	}
	start = strings.Index(n, "/") + 1
	for {
		k := strings.Index(n[start:], "/")
		if k < 0 || !isDigits(n[start:start+k]) {
			break
		}
		start += k + 1 // a year: 45/2018/QĐ-UBND
	}
	if end = strings.IndexAny(n[start:], "-./"); end < 0 {
		return start, len(n)
	}
	return start, start + end
}

// typeOf is canonical number n's type code (see typeCode).
func typeOf(n string) string {
	i, j := typeCode(n)
	return n[i:j]
}

// codeForType respells the type abbreviation of number's code as docType's
// (Phụ lục III) when the two differ by one letter, misread or lost: the
// heading printed in large capitals (BÁO CÁO) is read more surely than the
// abbreviation in the number's small print (23/ĐC-UBND, 23/C-UBND →
// 23/BC-UBND; 12/DA-UBND → 12/ĐA-UBND under ĐỀ ÁN, though DA is a Dự
// án's). Any other number is returned as it is.
func codeForType(number, docType string) string {
	t, ok := dict.DocTypeByName(docType)
	if !ok || t.Abbrev == "" || !strings.Contains(number, "/") {
		return number
	}
	byCode := docTypeByCode
	if isParty(number) {
		byCode = partyTypeByCode
	}
	i, j := typeCode(number)
	code := number[i:j]
	if dict.LegacyAbbrev(t.Name, code) {
		return number // GT under GIẤY GIỚI THIỆU: the code of 2011, as printed
	}
	if code != t.Abbrev && foldUpper(code) == foldUpper(t.Abbrev) {
		// The Đ's bar lost in small print, or a D read with one: ĐỀ
		// ÁN over 12/DA-UBND is 12/ĐA-UBND, no Dự án's number.
		return number[:i] + t.Abbrev + number[j:]
	}
	if _, known := byCode(code); known {
		return number // another type's abbreviation, as printed
	}
	// One letter misread (as many letters) or lost (one fewer), never
	// one added.
	read, want := foldUpper(code), foldUpper(t.Abbrev)
	if read == "" || utf8.RuneCountInString(read) > utf8.RuneCountInString(want) || dict.EditDistance(read, want) != 1 {
		return number
	}
	return number[:i] + t.Abbrev + number[j:]
}
