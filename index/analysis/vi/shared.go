package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// Shared analyses one document's texts for all the fields that index
// them. The exact field, its folded twin and the pairs each tokenize and
// normalize the same text; Shared tokenizes and normalizes each text
// once, folds it once, and gives each field what its own analyzer
// (AnalyzerName, FoldedAnalyzerName, PairsAnalyzerName) would. One
// document's fields are analyzed on one goroutine: a Shared is not safe
// for concurrent use, and is dropped with its document.
type Shared struct {
	canon, folded map[string]analysis.TokenStream
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	return &Shared{canon: map[string]analysis.TokenStream{}, folded: map[string]analysis.TokenStream{}}
}

var tokenizer = unicode.NewUnicodeTokenizer()

// Analyzer returns the analyzer that stands for the analyzer named, or
// false for one Shared does not stand for.
func (s *Shared) Analyzer(name string) (analysis.Analyzer, bool) {
	switch name {
	case AnalyzerName:
		return sharedStage{s, canonical}, true
	case FoldedAnalyzerName:
		return sharedStage{s, folded}, true
	case PairsAnalyzerName:
		return sharedStage{s, pairs}, true
	}
	return nil, false
}

type stage int

const (
	canonical stage = iota
	folded
	pairs
)

type sharedStage struct {
	s     *Shared
	stage stage
}

func (a sharedStage) Analyze(text []byte) analysis.TokenStream {
	key := string(text)
	canon, ok := a.s.canon[key]
	if !ok {
		canon = NormalizeFilter.Filter(tokenizer.Tokenize(text))
		a.s.canon[key] = canon
	}
	if a.stage == canonical {
		return clone(canon)
	}
	f, ok := a.s.folded[key]
	if !ok {
		f = FoldFilter.Filter(clone(canon))
		a.s.folded[key] = f
	}
	if a.stage == folded {
		return clone(f)
	}
	return PairsFilter.Filter(f)
}

// clone copies the tokens, which filters change in place; their terms
// are not written to, only replaced.
func clone(ts analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, len(ts))
	toks := make([]analysis.Token, len(ts))
	for i, t := range ts {
		toks[i] = *t
		out[i] = &toks[i]
	}
	return out
}
