package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
)

// exactWeight is how much more a document ranks again when the syllables
// of the query that have diacritics stand in its pages as typed: all of
// them multiply its score by 1 + exactWeight, as the exact field's boost
// of 1.5 did beside the folded one's 1.
const exactWeight = 1.5

// spelled is each syllable with diacritics of a query's texts, as the
// ways a page may print it (dict.Spellings).
type spelled [][]string

// typedTexts returns the parts of p matched in the page text whose
// syllables with diacritics rank a document higher where its pages print
// them as typed: those whose syllables side by side do (proximityTexts;
// a number's search key has no marks) and the phrases.
func typedTexts(p parsed) []string {
	return append(proximityTexts(p), p.phrases...)
}

// spellingsOf returns the syllables with diacritics of texts, each with
// the ways a page may print it. The page text is matched in folded form,
// so "ban" finds bán and bàn; whether a page has the syllable as typed is
// read from its text for the documents ranked again, not from an index of
// the exact syllables: that index was a tenth of the whole.
func spellingsOf(texts []string) spelled {
	var out spelled
	seen := map[string]bool{}
	for _, t := range texts {
		for _, term := range analyze(index.Analyzers[index.FieldText], t) {
			if seen[term] || !dict.HasMarks(term) {
				continue
			}
			seen[term] = true
			out = append(out, dict.Spellings(term))
		}
	}
	return out
}

// exactness is the share of the syllables of s that pages print as
// typed, as a whole word.
func (s spelled) exactness(pages []string) float64 {
	if len(s) == 0 {
		return 0
	}
	nfc := make([]string, len(pages))
	for i, p := range pages {
		nfc[i] = p
		if decomposed(p) {
			nfc[i] = norm.NFC.String(p)
		}
	}
	found := 0
	for _, ways := range s {
		printed := func(p string) bool {
			return slices.ContainsFunc(ways, func(w string) bool { return hasWord(p, w) })
		}
		if slices.ContainsFunc(nfc, printed) {
			found++
		}
	}
	return float64(found) / float64(len(s))
}

// decomposed reports whether text may hold a letter and its marks apart
// (NFD), as a text imported from another system may: it has a combining
// mark of U+0300–U+036F, the tones and the circumflex, breve and horn. A
// search of one lead byte, where a full NFC check costs the second pass
// a tenth of its time.
func decomposed(text string) bool {
	return strings.IndexByte(text, 0xCC) >= 0 || strings.IndexByte(text, 0xCD) >= 0
}

// hasWord reports whether w stands in text as a whole word: no letter,
// digit or mark just before or after it.
func hasWord(text, w string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !inWord(before) && !inWord(after) {
			return true
		}
		from = i + 1
	}
}

func inWord(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}
