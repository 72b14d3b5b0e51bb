package dict

import (
	"cmp"
	"strings"
	"unicode"
)

// abbreviations are the commonest abbreviations of administrative
// writing that run text of a trích yếu carries (Công ty TNHH MTV, UBND
// tỉnh, BHXH), four letters or more: OCR that reads one of their
// capitals as another (TXHH for TNHH) makes a code of what was a word,
// and a code of three letters or fewer has too many neighbours (KCN,
// KTN) to tell.
var abbreviations = strings.Fields(`
	TNHH UBND HĐND BHXH BHYT MTTQ THPT THCS CNTT NSNN PCCC GPMB
`)

// NearAbbreviation reports whether w, a word in capitals as OCR read it,
// is one capital away from one of the commonest abbreviations without
// being it: TXHH, UBNĐ. Such a word is likely the abbreviation misread.
func NearAbbreviation(w string) bool {
	w = NFC(w)
	if !inCapitals(w) {
		return false
	}
	for _, a := range abbreviations {
		if OneLetterApart(a, w) {
			return true
		}
	}
	return false
}

// abbrevAfter are abbreviations the register writes after a word that
// calls for one of them: a company's legal form after Công ty (Công ty
// TNHH), a school's level after Trường (Trường THPT, Trường THCS).
var abbrevAfter = map[string][]string{
	"ty":     {"TNHH"},
	"trường": {"THPT", "THCS"},
}

// RepairAbbreviation returns w, a word in capitals that follows head,
// respelt as the abbreviation the register writes after head when w is
// one capital away from it and from no other (Công ty TXHH → TNHH,
// Trường THPI → THPT), and whether it changed w.
func RepairAbbreviation(head, w string) (string, bool) {
	return nearest(abbrevAfter[strings.ToLower(NFC(head))], w)
}

// headAbbreviations are the abbreviations an agency's name begins with in
// a header (UBND TỈNH LÂM ĐỒNG over the board it heads).
var headAbbreviations = strings.Fields(`UBND HĐND UBMTTQ MTTQ BHXH`)

// RepairHeadAbbreviation returns w, the first word of a header's line in
// capitals, respelt as the abbreviation an agency's name begins with when
// it is one capital away from it and from no other (UBRD → UBND), and
// whether it changed w.
func RepairHeadAbbreviation(w string) (string, bool) {
	return nearest(headAbbreviations, w)
}

// nearest returns w, a word in capitals, respelt as the one of list that
// is one capital away from it, when no other is as near and w is none of
// list, and whether it changed w.
func nearest(list []string, w string) (string, bool) {
	w = NFC(w)
	if !inCapitals(w) {
		return w, false
	}
	var found string
	for _, a := range list {
		switch {
		case a == w:
			return w, false
		case OneLetterApart(a, w) && found == "":
			found = a
		case OneLetterApart(a, w):
			return w, false // two are as near
		}
	}
	return cmp.Or(found, w), found != ""
}

// inCapitals reports whether every rune of w is a capital letter.
func inCapitals(w string) bool {
	return !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsUpper(r) })
}
