package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// Shared analyses one document's texts for all the fields that index
// them. The exact field, its folded twin and the pairs each tokenize and
// normalize the same text (the analyzers of chain); Shared runs each step
// of the chain once per text, and gives each field (Field) what its own
// analyzer would. One document's fields are analyzed on one goroutine: a
// Shared is not safe for concurrent use, and is dropped with its document.
type Shared struct {
	done  []map[string]analysis.TokenStream // by step of chain, then by text
	terms []map[string]*numbered            // the same, numbered by term
	// fields holds, for each text, the steps of chain a field indexes
	// it at (a bit each): where no field reads the steps before one
	// that has a fused filter, they are not made.
	fields map[string]uint8
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	s := &Shared{done: make([]map[string]analysis.TokenStream, len(chain)),
		terms: make([]map[string]*numbered, len(chain)), fields: map[string]uint8{}}
	for k := range s.done {
		s.done[k] = map[string]analysis.TokenStream{}
		s.terms[k] = map[string]*numbered{}
	}
	return s
}

// stream is text through the chain up to step k, made once. The pairs'
// step is made from the terms of the step before it (numbered), not as
// a stream.
func (s *Shared) stream(k int, text string) analysis.TokenStream {
	if ts, ok := s.done[k][text]; ok {
		return ts
	}
	var in analysis.TokenStream
	switch {
	case k == 0:
		in = Tokenizer.Tokenize([]byte(text))
	case chain[k].fused != nil && s.fields[text]&((1<<k)-1) == 0 && s.done[k-1][text] == nil:
		// no field reads the steps before k of this text, and none is
		// made: the tokens go through their filters at once
		ts := chain[k].fused.Filter(Tokenizer.Tokenize([]byte(text)))
		s.done[k][text] = ts
		return ts
	case inPlace(chain[k].filter):
		in = clone(s.stream(k-1, text))
	default:
		in = s.stream(k-1, text)
	}
	ts := chain[k].filter.Filter(in)
	s.done[k][text] = ts
	return ts
}

// numbered is text through the chain up to step k, its tokens numbered
// by term, made once.
func (s *Shared) numbered(k int, text string) *numbered {
	if n, ok := s.terms[k][text]; ok {
		return n
	}
	var n *numbered
	if _, ok := chain[k].filter.(pairsFilter); ok && k > 0 {
		n = numberPairs(s.numbered(k-1, text))
	} else {
		n = numberTerms(s.stream(k, text))
	}
	s.terms[k][text] = n
	return n
}

// inPlace reports whether f changes the tokens it is given (mapFilter
// does; PairsFilter makes new ones).
func inPlace(f analysis.TokenFilter) bool {
	_, ok := f.(mapFilter)
	return ok
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

// Offsets returns the byte offsets [start, end) in text of the tokens of
// the text analyzers, by position, up to position upTo: the token at
// position p is at index p-1. A pair at position p runs from the start of
// token p to the end of token p+1. It reads the text with the analyzers'
// tokenizer, and stops at upTo.
func Offsets(text string, upTo int) [][2]int {
	var out [][2]int
	for _, t := range tokenize([]byte(text), upTo) {
		out = append(out, [2]int{t.Start, t.End})
	}
	return out
}
