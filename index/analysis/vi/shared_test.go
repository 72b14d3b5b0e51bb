package vi

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/text/unicode/norm"
)

// sharedAgrees checks that Shared gives each field of text the terms,
// frequencies, positions and offsets that Bleve's TextField with the
// field's own analyzer gives, whichever field asks first and however
// often; without offsets, the same with the offsets zero.
func sharedAgrees(t *testing.T, text string) {
	t.Helper()
	cache := registry.NewCache()
	names := []string{AnalyzerName, FoldedAnalyzerName, PairsAnalyzerName}
	orders := [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0, 1}, {2, 2, 0, 0}}
	ap := []uint64{3} // the fourth page
	for _, options := range []index.FieldIndexingOptions{index.IndexField | index.IncludeTermVectors, index.IndexField} {
		for _, order := range orders {
			s := NewShared()
			for i, k := range order {
				a, err := cache.AnalyzerNamed(names[k])
				if err != nil {
					t.Fatal(err)
				}
				offsets := i%2 == 0
				f, ok := s.Field("f", ap, []byte(text), options, names[k], offsets)
				if !ok {
					t.Fatalf("no shared field for %s", names[k])
				}
				f.Analyze()
				bleve := document.NewTextFieldCustom("f", ap, []byte(text), options, a)
				bleve.Analyze()
				if got, want := analysed(f, true), analysed(bleve, offsets); got != want || f.AnalyzedLength() != bleve.AnalyzedLength() {
					t.Fatalf("%s of %q (%v, offsets %v), asked in order %v:\n got %d %s\nwant %d %s", names[k], text, options, offsets, order, f.AnalyzedLength(), got, bleve.AnalyzedLength(), want)
				}
			}
		}
	}
	offsetsAgree(t, text)
	if _, ok := NewShared().Field("n", nil, []byte(text), index.IndexField, NumberAnalyzerName, true); ok {
		t.Errorf("Shared stands for %s, which tokenizes otherwise", NumberAnalyzerName)
	}
}

// analysed prints a field's analysis whole, in term order: each term's
// frequency and locations, with their offsets or with zero.
func analysed(f document.Field, offsets bool) string {
	tfs := f.AnalyzedTokenFrequencies()
	terms := slices.Sorted(maps.Keys(tfs))
	out := ""
	for _, term := range terms {
		tf := tfs[term]
		out += fmt.Sprintf("%q×%d", tf.Term, tf.Frequency())
		for _, l := range tf.Locations {
			start, end := l.Start, l.End
			if !offsets {
				start, end = 0, 0
			}
			out += fmt.Sprintf(" %d[%d:%d]%v%q", l.Position, start, end, l.ArrayPositions, l.Field)
		}
		out += "; "
	}
	return out
}

// offsetsAgree checks that Offsets finds each term's bytes from its
// position as the analyzers give them.
func offsetsAgree(t *testing.T, text string) {
	t.Helper()
	offs := Offsets(text, math.MaxInt)
	if short := Offsets(text, 2); len(short) > 2 || !slices.Equal(short, offs[:min(2, len(offs))]) {
		t.Fatalf("Offsets of %q up to 2: %v; all: %v", text, short, offs)
	}
	cache := registry.NewCache()
	for _, name := range []string{AnalyzerName, FoldedAnalyzerName, PairsAnalyzerName} {
		a, err := cache.AnalyzerNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		width := 1
		if name == PairsAnalyzerName {
			width = 2
		}
		for _, tok := range a.Analyze([]byte(text)) {
			first, last := tok.Position-1, tok.Position-1+width-1
			if first < 0 || last >= len(offs) || offs[first][0] != tok.Start || offs[last][1] != tok.End {
				t.Fatalf("%s of %q: %q at position %d is [%d:%d]; Offsets gives %v", name, text, tok.Term, tok.Position, tok.Start, tok.End, offs)
			}
		}
	}
}

func TestSharedAnalysesAsEachAnalyzer(t *testing.T) {
	for _, text := range []string{
		"",
		"Cải cách hành chính",
		"ỦY BAN NHÂN DÂN TỈNH\nSố: 45/QĐ-UBND    Hà Nội, ngày 05 tháng 3 năm 2024\nHoà giải, hòa giải; THUỶ LỢI.",
		norm.NFD.String("Thuỷ lợi và Hòa Bình"),
		"ÐIỀU 1. Giá 1.000,5 đồng — TP.HCM v/v 12-2024 ‘trích’ \"yếu\"",
		"a\x00b \xff\xfe đ",
	} {
		sharedAgrees(t, text)
	}
}

func FuzzShared(f *testing.F) {
	f.Add("Cải cách hành chính, hoà giải 45/QĐ-UBND")
	f.Add(norm.NFD.String("Thuỷ lợi"))
	f.Fuzz(func(t *testing.T, text string) { sharedAgrees(t, text) })
}
