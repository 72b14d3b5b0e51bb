package vi

import (
	"reflect"
	"slices"
	"sync"

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
// text into a map of its terms, a location apiece, then count every
// location again to report its size. This field reads the stream as it is
// and groups it by term into slices, which a new segment reads
// (TermLocations, third_party/zapx); the map is made only when asked for.
// The two give Bleve the same terms, positions and offsets.
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
	terms  grouped
	freqs  index.TokenFrequencies // made from terms when asked for
}

var sharedFieldSize = int(reflect.TypeFor[sharedField]().Size())

func (f *sharedField) Name() string                        { return f.name }
func (f *sharedField) ArrayPositions() []uint64            { return f.ap }
func (f *sharedField) Options() index.FieldIndexingOptions { return f.options }
func (f *sharedField) Value() []byte                       { return f.value }
func (f *sharedField) NumPlainTextBytes() uint64           { return uint64(len(f.value)) }
func (f *sharedField) EncodedFieldType() byte              { return 't' }
func (f *sharedField) AnalyzedLength() int                 { return f.length }

// Size is about the memory the field holds once analysed, as Bleve counts
// a document's fields to report the memory of its analyses.
func (f *sharedField) Size() int {
	t := &f.terms
	n := sharedFieldSize + len(f.name) + len(f.ap)*8 + len(f.value) +
		4*(len(t.counts)+len(t.pos)+len(t.start)+len(t.end))
	for _, term := range t.terms {
		n += 16 + len(term)
	}
	return n
}

func (f *sharedField) Analyze() {
	ts := f.s.stream(f.step, string(f.value))
	f.length = len(ts)
	f.terms = group(ts, f.options.IncludeTermVectors(), f.offsets)
}

// TermLocations gives the new segment (zapx, patched) the field's distinct
// terms and their locations as slices, grouped by term, without the map
// of AnalyzedTokenFrequencies.
func (f *sharedField) TermLocations() (terms []string, counts []uint32, pos, start, end []uint32) {
	t := &f.terms
	return t.terms, t.counts, t.pos, t.start, t.end
}

// AnalyzedTokenFrequencies is the field's terms as Bleve's TextField gives
// them, made the first time it is asked for.
func (f *sharedField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	if f.freqs == nil {
		f.freqs = f.terms.frequencies(f.ap, f.options)
	}
	return f.freqs
}

// grouped is a field's analysis by distinct term, in the order each first
// occurs: how often each occurs and, with term vectors, the positions of
// its occurrences (and their offsets, or nil), those of terms[0] first.
type grouped struct {
	terms           []string
	counts          []uint32
	pos, start, end []uint32
}

// tables are what group works in, kept from field to field and document
// to document: a document's map of terms would grow from nothing for
// each of its fields.
type tables struct {
	ids    map[string]uint32 // each term's number
	terms  []string
	counts []uint32
	tokens []uint32 // each token's term
	next   []uint32 // where each term's next occurrence goes
}

var groupTables = sync.Pool{New: func() any { return &tables{ids: map[string]uint32{}} }}

// group is ts by term; it does not change ts.
func group(ts analysis.TokenStream, vectors, offsets bool) grouped {
	tb := groupTables.Get().(*tables)
	defer groupTables.Put(tb)
	clear(tb.ids)
	terms, counts, ids := tb.terms[:0], tb.counts[:0], tb.tokens[:0]
	for _, tok := range ts {
		id, ok := tb.ids[string(tok.Term)]
		if !ok {
			id = uint32(len(terms))
			term := string(tok.Term)
			tb.ids[term] = id
			terms = append(terms, term)
			counts = append(counts, 0)
		}
		counts[id]++
		ids = append(ids, id)
	}
	tb.terms, tb.counts, tb.tokens = terms, counts, ids
	t := grouped{terms: slices.Clone(terms), counts: slices.Clone(counts)}
	clear(tb.terms) // the pool holds no strings
	if !vectors || len(ts) == 0 {
		return t
	}
	// each term's occurrences go after those of the terms before it
	next := tb.next[:0]
	at := uint32(0)
	for _, n := range counts {
		next = append(next, at)
		at += n
	}
	tb.next = next
	t.pos = make([]uint32, len(ts))
	if offsets {
		t.start, t.end = make([]uint32, len(ts)), make([]uint32, len(ts))
	}
	for i, tok := range ts {
		k := next[ids[i]]
		next[ids[i]]++
		t.pos[k] = uint32(tok.Position)
		if offsets {
			t.start[k], t.end[k] = uint32(tok.Start), uint32(tok.End)
		}
	}
	return t
}

// frequencies is the terms as analysis.TokenFrequency gives them, with
// the array positions ap.
func (t *grouped) frequencies(ap []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	out := make(index.TokenFrequencies, len(t.terms))
	var locs []index.TokenLocation
	if t.pos != nil {
		locs = make([]index.TokenLocation, len(t.pos))
	}
	at := 0
	for i, term := range t.terms {
		tf := &index.TokenFreq{Term: []byte(term)}
		if !options.SkipFreqNorm() {
			tf.SetFrequency(int(t.counts[i]))
		}
		if locs != nil {
			n := int(t.counts[i])
			tf.Locations = make([]*index.TokenLocation, n)
			for j := range n {
				l := &locs[at+j]
				l.ArrayPositions, l.Position = ap, int(t.pos[at+j])
				if t.start != nil {
					l.Start, l.End = int(t.start[at+j]), int(t.end[at+j])
				}
				tf.Locations[j] = l
			}
			at += n
		}
		out[term] = tf
	}
	return out
}
