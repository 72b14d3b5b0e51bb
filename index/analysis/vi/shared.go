package vi

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/segment"
)

// Shared analyses one document's texts for all the fields that index
// them. The exact field, its folded twin and the pairs each tokenize and
// normalize the same text (the analyzers of chain); Shared runs each step
// of the chain once per text, and gives each field what its own analyzer
// would. One document's fields are analyzed on one goroutine: a Shared is
// not safe for concurrent use, and is dropped with its document.
type Shared struct {
	done []map[string]analysis.TokenStream // by step of chain, then by text
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	s := &Shared{done: make([]map[string]analysis.TokenStream, len(chain))}
	for k := range s.done {
		s.done[k] = map[string]analysis.TokenStream{}
	}
	return s
}

var tokenizer = unicode.NewUnicodeTokenizer()

// Analyzer returns the analyzer that stands for the analyzer named, or
// false for one Shared does not stand for.
func (s *Shared) Analyzer(name string) (analysis.Analyzer, bool) {
	for k, step := range chain {
		if step.analyzer == name {
			return sharedStep{s, k}, true
		}
	}
	return nil, false
}

type sharedStep struct {
	s    *Shared
	step int
}

func (a sharedStep) Analyze(text []byte) analysis.TokenStream {
	return clone(a.s.stream(a.step, string(text)))
}

// stream is text through the chain up to step k, made once.
func (s *Shared) stream(k int, text string) analysis.TokenStream {
	if ts, ok := s.done[k][text]; ok {
		return ts
	}
	var in analysis.TokenStream
	if k == 0 {
		in = tokenizer.Tokenize([]byte(text))
	} else {
		in = clone(s.stream(k-1, text))
	}
	ts := chain[k].filter.Filter(in)
	s.done[k][text] = ts
	return ts
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

// WithoutOffsets is a with its tokens' byte offsets dropped (zero). A
// field that needs only the positions of its terms, for phrases and
// proximity, is smaller without them; a snippet finds a term's bytes from
// its position (Offsets).
func WithoutOffsets(a analysis.Analyzer) analysis.Analyzer { return withoutOffsets{a} }

type withoutOffsets struct{ a analysis.Analyzer }

func (w withoutOffsets) Analyze(text []byte) analysis.TokenStream {
	ts := w.a.Analyze(text)
	for _, t := range ts {
		t.Start, t.End = 0, 0
	}
	return ts
}

// Offsets returns the byte offsets [start, end) in text of the tokens of
// the text analyzers, by position, up to position upTo: the token at
// position p is at index p-1. A pair at position p runs from the start of
// token p to the end of token p+1. It segments the text as the Unicode
// tokenizer does, and stops at upTo.
func Offsets(text string, upTo int) [][2]int {
	var out [][2]int
	seg := segment.NewWordSegmenterDirect([]byte(text))
	start := 0
	for len(out) < upTo && seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None {
			out = append(out, [2]int{start, end})
		}
		start = end
	}
	return out
}
