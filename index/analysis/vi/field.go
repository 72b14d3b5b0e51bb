package vi

import (
	"reflect"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// Field returns a text field of the document s analyses, analysed as the
// analyzer named would, or false for an analyzer s does not stand for.
// Without offsets its locations' byte offsets are zero: a field that
// needs only the positions of its terms, for phrases and proximity, is
// smaller without them, and a snippet finds a term's bytes from its
// position (Offsets).
//
// Bleve's TextField would analyse a copy of the stream s made once for the
// text, then count every location of its frequencies again to report its
// size; this field reads the stream as it is and knows its size from its
// length. The two give Bleve the same terms, positions and offsets.
func (s *Shared) Field(name string, arrayPositions []uint64, value []byte, options index.FieldIndexingOptions, analyzer string, offsets bool) (document.Field, bool) {
	for k, step := range chain {
		if step.analyzer == analyzer {
			return &sharedField{name: name, ap: arrayPositions, value: value, options: options, s: s, step: k, offsets: offsets}, true
		}
	}
	return nil, false
}

type sharedField struct {
	name    string
	ap      []uint64
	value   []byte
	options index.FieldIndexingOptions
	s       *Shared
	step    int
	offsets bool

	length int
	freqs  index.TokenFrequencies
}

var (
	sharedFieldSize = int(reflect.TypeFor[sharedField]().Size())
	// a term's share of a field's size: its location, and its entry
	tokenSize = int(reflect.TypeFor[index.TokenLocation]().Size()+reflect.TypeFor[index.TokenFreq]().Size()) + 8
)

func (f *sharedField) Name() string                                     { return f.name }
func (f *sharedField) ArrayPositions() []uint64                         { return f.ap }
func (f *sharedField) Options() index.FieldIndexingOptions              { return f.options }
func (f *sharedField) Value() []byte                                    { return f.value }
func (f *sharedField) NumPlainTextBytes() uint64                        { return uint64(len(f.value)) }
func (f *sharedField) EncodedFieldType() byte                           { return 't' }
func (f *sharedField) AnalyzedLength() int                              { return f.length }
func (f *sharedField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

// Size is about the memory the field holds once analysed, as Bleve counts
// a document's fields to report the memory of its analyses.
func (f *sharedField) Size() int {
	return sharedFieldSize + len(f.name) + len(f.ap)*8 + len(f.value) + f.length*tokenSize
}

func (f *sharedField) Analyze() {
	ts := f.s.stream(f.step, string(f.value))
	f.length = len(ts)
	f.freqs = frequencies(ts, f.ap, f.options, f.offsets)
}

// frequencies is analysis.TokenFrequency of ts, which it does not change,
// with the tokens' offsets or without.
func frequencies(ts analysis.TokenStream, ap []uint64, options index.FieldIndexingOptions, offsets bool) index.TokenFrequencies {
	out := make(index.TokenFrequencies, len(ts))
	var locs []index.TokenLocation
	if options.IncludeTermVectors() {
		locs = make([]index.TokenLocation, len(ts))
	}
	for i, t := range ts {
		tf, ok := out[string(t.Term)]
		if !ok {
			tf = &index.TokenFreq{Term: t.Term}
			out[string(t.Term)] = tf
		}
		if locs != nil {
			l := &locs[i]
			l.ArrayPositions, l.Position = ap, t.Position
			if offsets {
				l.Start, l.End = t.Start, t.End
			}
			tf.Locations = append(tf.Locations, l)
		}
		if !options.SkipFreqNorm() {
			tf.SetFrequency(tf.Frequency() + 1)
		}
	}
	return out
}
