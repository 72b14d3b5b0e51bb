package vi

import (
	"reflect"
	"sync"
	"unsafe"

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
			if options.IsIndexed() {
				s.fields[string(value)] |= 1 << k
			}
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
	n := f.s.numbered(f.step, string(f.value))
	f.length = len(n.ids)
	f.terms = n.group(f.options.IncludeTermVectors(), f.offsets)
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

// numbered is a stream's tokens numbered by term: its distinct terms in
// the order each first occurs, how often each occurs, and each token's
// term, position and offsets.
type numbered struct {
	terms           []string
	counts          []uint32
	ids             []uint32
	pos, start, end []uint32
}

// termIDs is the table numberTerms and numberPairs number terms in, kept
// from field to field and document to document: a document's map of
// terms would grow from nothing for each of its fields.
type termIDs struct {
	ids   map[string]uint32
	pairs map[uint64]uint32 // a pair's number by the numbers of its two terms
}

var termTables = sync.Pool{New: func() any { return &termIDs{ids: map[string]uint32{}, pairs: map[uint64]uint32{}} }}

// numberTerms numbers ts's tokens by term; it does not change ts.
func numberTerms(ts analysis.TokenStream) *numbered {
	tb := termTables.Get().(*termIDs)
	defer termTables.Put(tb)
	defer clear(tb.ids) // the pool holds no strings
	n := &numbered{ids: make([]uint32, len(ts))}
	locs := make([]uint32, 3*len(ts))
	n.pos, n.start, n.end = locs[:len(ts)], locs[len(ts):2*len(ts)], locs[2*len(ts):]
	for i, tok := range ts {
		id, ok := tb.ids[string(tok.Term)]
		if !ok {
			id = uint32(len(n.terms))
			term := string(tok.Term)
			tb.ids[term] = id
			n.terms = append(n.terms, term)
			n.counts = append(n.counts, 0)
		}
		n.counts[id]++
		n.ids[i] = id
		n.pos[i], n.start[i], n.end[i] = uint32(tok.Position), uint32(tok.Start), uint32(tok.End)
	}
	return n
}

// numberPairs numbers the pairs of n's syllables side by side, as
// PairsFilter makes them from n's stream: each pair at the position of
// its first syllable, from its start to the end of its second, its term
// the two terms with a space between. A pair is told from the others by
// its two terms' numbers, and its term is written once.
func numberPairs(n *numbered) *numbered {
	tb := termTables.Get().(*termIDs)
	defer termTables.Put(tb)
	defer clear(tb.pairs)
	k := len(n.ids)
	locs := make([]uint32, 4*k)
	p := &numbered{ids: locs[:0:k], pos: locs[k : k : 2*k], start: locs[2*k : 2*k : 3*k], end: locs[3*k : 3*k : 4*k]}
	size := 0 // the pairs' terms, were each pair new
	for _, id := range n.ids {
		size += 2*len(n.terms[id]) + 1
	}
	ends := make([]int, 0, k) // where each pair's term ends in buf
	buf := make([]byte, 0, size)
	p.counts = make([]uint32, 0, k)
	for i := 1; i < k; i++ {
		if n.pos[i] != n.pos[i-1]+1 {
			continue
		}
		a, b := n.ids[i-1], n.ids[i]
		id, ok := tb.pairs[uint64(a)<<32|uint64(b)]
		if !ok {
			id = uint32(len(ends))
			tb.pairs[uint64(a)<<32|uint64(b)] = id
			buf = append(append(append(buf, n.terms[a]...), ' '), n.terms[b]...)
			ends = append(ends, len(buf))
			p.counts = append(p.counts, 0)
		}
		p.counts[id]++
		p.ids = append(p.ids, id)
		p.pos = append(p.pos, n.pos[i-1])
		p.start = append(p.start, n.start[i-1])
		p.end = append(p.end, n.end[i])
	}
	// the pairs' terms share one string: buf, which is not written again
	all := unsafe.String(unsafe.SliceData(buf), len(buf))
	p.terms = make([]string, len(ends))
	at := 0
	for i, end := range ends {
		p.terms[i], at = all[at:end], end
	}
	return p
}

// group is n by term, with the positions of its tokens (vectors), and
// their offsets (offsets) too.
func (n *numbered) group(vectors, offsets bool) grouped {
	t := grouped{terms: n.terms, counts: n.counts}
	if !vectors || len(n.ids) == 0 {
		return t
	}
	// each term's occurrences go after those of the terms before it
	next := make([]uint32, len(n.counts))
	at := uint32(0)
	for i, c := range n.counts {
		next[i] = at
		at += c
	}
	t.pos = make([]uint32, len(n.ids))
	if offsets {
		t.start, t.end = make([]uint32, len(n.ids)), make([]uint32, len(n.ids))
	}
	for i, id := range n.ids {
		k := next[id]
		next[id]++
		t.pos[k] = n.pos[i]
		if offsets {
			t.start[k], t.end[k] = n.start[i], n.end[i]
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
