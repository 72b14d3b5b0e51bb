// Package vi is the Vietnamese analysis for Bleve, laid out like Bleve's own
// language packages (analysis/lang/fr). Importing it registers, by name:
//
//   - analyzer "vi": syllables in canonical form (NFC, eth → Đ, one
//     tone placement, lower case), diacritics kept;
//   - analyzer "vi_folded": the same syllables with every mark removed and
//     đ folded to d, so a query typed without diacritics matches;
//   - analyzer "vi_folded_pairs": each two syllables side by side, folded,
//     as one term ("cai cach"), to find a phrase's candidates from its
//     pairs instead of from the positions of its syllables;
//   - analyzer "vi_docnumber": a document number (số và ký hiệu) as one
//     keyword, without marks, case or leading zeros;
//   - token filters "vi_normalize", "vi_fold", "vi_pairs" and "vi_docnumber".
//
// Bleve refuses to open an index whose mapping names an analyzer it does not
// know, so both the indexer and the searcher import this package.
//
// Normalisation happens in token filters, after the tokenizer, so that term
// offsets point into the original text and snippets can be cut from it.
// Whitespace separates syllables, not words; phrase queries over syllable
// positions stand in for word segmentation.
package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer names.
const (
	AnalyzerName       = "vi"
	FoldedAnalyzerName = "vi_folded"
	NumberAnalyzerName = "vi_docnumber"
	PairsAnalyzerName  = "vi_folded_pairs"
)

func analyzer(tokenizerName string, filters ...string) registry.AnalyzerConstructor {
	return func(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(tokenizerName)
		if err != nil {
			return nil, err
		}
		a := &analysis.DefaultAnalyzer{Tokenizer: tok}
		for _, name := range filters {
			f, err := cache.TokenFilterNamed(name)
			if err != nil {
				return nil, err
			}
			a.TokenFilters = append(a.TokenFilters, f)
		}
		return a, nil
	}
}

// chain is the text analyzers, each one step further than the one before:
// analyzer k is Tokenizer, then the filters of steps 0 to k.
// Shared follows it too.
var chain = []struct {
	analyzer, filterName string
	filter               analysis.TokenFilter
	// fused, where there is one, is the filters of the steps up to this
	// one as one filter of the tokenizer's tokens (Shared uses it for a
	// text whose steps before this one no field reads); the first step
	// has none, its filter being its own
	fused analysis.TokenFilter
}{
	{AnalyzerName, NormalizeName, NormalizeFilter, nil},
	{FoldedAnalyzerName, FoldName, FoldFilter, normalizeFoldFilter},
	{PairsAnalyzerName, PairsName, PairsFilter, nil},
}

func init() {
	var filters []string
	for _, step := range chain {
		filters = append(filters, step.filterName)
		must(registry.RegisterAnalyzer(step.analyzer, analyzer(TokenizerName, filters...)))
	}
	must(registry.RegisterAnalyzer(NumberAnalyzerName, analyzer(single.Name, NumberName)))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
