package dict

import (
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
	if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) {
		return false
	}
	for _, a := range abbreviations {
		if OneLetterApart(a, w) {
			return true
		}
	}
	return false
}
