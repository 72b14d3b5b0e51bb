package search

import (
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
)

// proximityFields are where syllables of the query side by side count:
// the page text and the subject, in folded form.
var proximityFields = []string{index.FieldTextFolded, index.FieldSubjectF}

// proximityTexts returns the parts of p whose syllables rank a document
// higher when they stand side by side in it: the free text (a number's
// search key, for a number) and text:value.
func proximityTexts(p parsed) []string {
	var out []string
	if free := strings.Join(p.terms, " "); free != "" {
		out = append(out, free)
		if number, ok := asNumber(free); ok {
			out[0] = dict.NumberKey(number)
		}
	}
	for _, fv := range p.fields {
		if fv[0] == "text" {
			out = append(out, fv[1])
		}
	}
	return out
}

// proximity is how much of each text's syllables stand side by side in
// a document's fields: for each text and field, the share of the
// consecutive pairs of its syllables found next to each other on one
// page, summed. A text found whole as a phrase in the page text gives 1.
func proximity(texts [][]string, locs bsearch.FieldTermLocationMap) float64 {
	sum := 0.0
	for _, field := range proximityFields {
		tl := locs[field]
		if tl == nil {
			continue
		}
		for _, terms := range texts {
			if len(terms) < 2 {
				continue
			}
			near := 0
			for i := 1; i < len(terms); i++ {
				if adjacent(tl[terms[i-1]], tl[terms[i]]) {
					near++
				}
			}
			sum += float64(near) / float64(len(terms)-1)
		}
	}
	return sum
}

// adjacent reports whether some location of b follows one of a on the
// same page.
func adjacent(a, b bsearch.Locations) bool {
	type at struct {
		page uint64
		pos  uint64
	}
	seen := make(map[at]bool, len(a))
	page := func(l *bsearch.Location) uint64 {
		if len(l.ArrayPositions) > 0 {
			return l.ArrayPositions[0]
		}
		return 0
	}
	for _, l := range a {
		seen[at{page(l), l.Pos + 1}] = true
	}
	for _, l := range b {
		if seen[at{page(l), l.Pos}] {
			return true
		}
	}
	return false
}
