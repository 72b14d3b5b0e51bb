package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/vanthu/vanthu/dict"
)

// Token filter names.
const (
	NormalizeName = "vi_normalize"
	FoldName      = "vi_fold"
	NumberName    = "vi_docnumber"
)

// mapFilter rewrites each token's term; a token whose term becomes empty is
// dropped.
type mapFilter func(string) string

func (f mapFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		term := f(string(t.Term))
		if term == "" {
			continue
		}
		t.Term = []byte(term)
		out = append(out, t)
	}
	return out
}

// NormalizeFilter puts terms in canonical form: NFC, eth → Đ, new-style tone
// placement, lower case.
var NormalizeFilter analysis.TokenFilter = mapFilter(dict.Canon)

// FoldFilter removes every diacritic and folds đ to d.
var FoldFilter analysis.TokenFilter = mapFilter(dict.Fold)

// NumberFilter turns a document number into its search key.
var NumberFilter analysis.TokenFilter = mapFilter(dict.NumberKey)

func filter(f analysis.TokenFilter) registry.TokenFilterConstructor {
	return func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) { return f, nil }
}

func init() {
	must(registry.RegisterTokenFilter(NormalizeName, filter(NormalizeFilter)))
	must(registry.RegisterTokenFilter(FoldName, filter(FoldFilter)))
	must(registry.RegisterTokenFilter(NumberName, filter(NumberFilter)))
}
