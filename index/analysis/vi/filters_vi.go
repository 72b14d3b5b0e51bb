package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/vanthu/vanthu/dict"
	imemo "github.com/vanthu/vanthu/internal/memo"
)

// Token filter names.
const (
	NormalizeName = "vi_normalize"
	FoldName      = "vi_fold"
	PairsName     = "vi_pairs"
	NumberName    = "vi_docnumber"
)

// mapFilter rewrites each token's term; a token whose term becomes empty is
// dropped. The term it gives may be shared by other tokens: terms are
// replaced, never written to.
type mapFilter func([]byte) []byte

func (f mapFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		term := f(t.Term)
		if len(term) == 0 {
			continue
		}
		t.Term = term
		out = append(out, t)
	}
	return out
}

// NormalizeFilter puts terms in canonical form: NFC, eth → Đ, one tone
// placement, lower case.
var NormalizeFilter analysis.TokenFilter = mapFilter(memo(dict.Canon))

// FoldFilter removes every diacritic and folds đ to d.
var FoldFilter analysis.TokenFilter = mapFilter(memo(dict.Fold))

// normalizeFoldFilter is NormalizeFilter then FoldFilter, with one memo:
// for a text whose terms in canonical form no field reads (a page's, of
// which only the folded terms and their pairs are indexed).
var normalizeFoldFilter analysis.TokenFilter = mapFilter(memo(func(s string) string { return dict.Fold(dict.Canon(s)) }))

// NumberFilter turns a document number into its search key.
var NumberFilter analysis.TokenFilter = mapFilter(func(b []byte) []byte { return []byte(dict.NumberKey(string(b))) })

// memo remembers f's results for short terms (internal/memo). Text
// repeats a few thousand syllables, and Unicode normalisation is most of
// the cost of analysis. A term found costs no allocation: each token of a
// syllable shares its result.
func memo(f func(string) string) func([]byte) []byte {
	m := imemo.New(1<<17, func(s string) []byte { return []byte(f(s)) })
	return func(b []byte) []byte {
		if len(b) > 32 {
			return []byte(f(string(b)))
		}
		return m.Get(b)
	}
}

// PairsFilter turns a stream of syllables into the pairs of syllables
// side by side ("cai", "cach", "hanh" → "cai cach", "cach hanh"), each at
// the position of its first syllable. Syllables apart (a gap in the
// positions) make no pair.
var PairsFilter = analysis.TokenFilter(pairsFilter{})

type pairsFilter struct{}

func (pairsFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	// The pairs' terms share one buffer and the tokens one array, not a
	// term and a token apiece; each term is capped at its own length.
	n, size := 0, 0
	for i := 1; i < len(in); i++ {
		if a, b := in[i-1], in[i]; b.Position == a.Position+1 {
			n, size = n+1, size+len(a.Term)+1+len(b.Term)
		}
	}
	out := make(analysis.TokenStream, 0, n)
	toks := make([]analysis.Token, 0, n)
	buf := make([]byte, 0, size)
	for i := 1; i < len(in); i++ {
		a, b := in[i-1], in[i]
		if b.Position != a.Position+1 {
			continue
		}
		at := len(buf)
		buf = append(append(append(buf, a.Term...), ' '), b.Term...)
		toks = append(toks, analysis.Token{Term: buf[at:len(buf):len(buf)], Start: a.Start, End: b.End, Position: a.Position, Type: analysis.Shingle})
		out = append(out, &toks[len(toks)-1])
	}
	return out
}

func filter(f analysis.TokenFilter) registry.TokenFilterConstructor {
	return func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) { return f, nil }
}

func init() {
	must(registry.RegisterTokenFilter(NormalizeName, filter(NormalizeFilter)))
	must(registry.RegisterTokenFilter(FoldName, filter(FoldFilter)))
	must(registry.RegisterTokenFilter(PairsName, filter(PairsFilter)))
	must(registry.RegisterTokenFilter(NumberName, filter(NumberFilter)))
}
