package search

import (
	"regexp"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"golang.org/x/text/unicode/norm"
)

// numberPrefix is how people write before a number: "số", "so", "Số:",
// "số hiệu", "SH".
var numberPrefix = regexp.MustCompile(`(?i)^\s*(số\s*hiệu|so\s*hieu|số|so|sh)\s*[:.]?\s*`)

// asNumber returns the query's free text as a document number, without a
// leading "số", if it is one.
func asNumber(free string) (string, bool) {
	if numberLike.MatchString(free) {
		return free, true
	}
	if rest := numberPrefix.ReplaceAllString(norm.NFC.String(free), ""); rest != free && numberLike.MatchString(rest) {
		return rest, true
	}
	return "", false
}

// nearNumbers returns, for a query that is a document number no document
// has, the numbers in the index that have its numeral and type code and
// an issuing code one edit from its own: OCR's slips in a code it cannot
// check against a vocabulary.
func (s *Searcher) nearNumbers(p parsed) (map[string]bool, error) {
	number, ok := asNumber(strings.Join(p.terms, " "))
	if !ok {
		return nil, nil
	}
	key := dict.NumberKey(number)
	parts := strings.Fields(key)
	fixed := 0 // the numeral, a year, and the type code
	for fixed < len(parts) && strings.Trim(parts[fixed], "0123456789") == "" {
		fixed++
	}
	fixed++
	if fixed >= len(parts) {
		return nil, nil
	}
	prefix := strings.Join(parts[:fixed], " ") + " "
	code := strings.Join(parts[fixed:], " ")
	fd, err := s.Index.Bleve().FieldDictPrefix(index.FieldNumber, []byte(prefix))
	if err != nil {
		return nil, vanthu.E("search: numbers", vanthu.Transient, err)
	}
	defer fd.Close()
	near := map[string]bool{}
	for {
		e, err := fd.Next()
		if err != nil {
			return nil, vanthu.E("search: numbers", vanthu.Transient, err)
		}
		if e == nil {
			break
		}
		if e.Term == key {
			return nil, nil // the exact number is there
		}
		if dict.EditDistance(strings.TrimPrefix(e.Term, prefix), code) == 1 {
			near[e.Term] = true
		}
	}
	return near, nil
}
