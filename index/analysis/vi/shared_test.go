package vi

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// tokens prints a stream whole: terms, positions, offsets and types.
func tokens(ts analysis.TokenStream) string {
	s := ""
	for _, t := range ts {
		s += fmt.Sprintf("%q@%d[%d:%d]%d ", t.Term, t.Position, t.Start, t.End, t.Type)
	}
	return s
}

// sharedAgrees checks that Shared gives each field of text what the
// field's own analyzer gives, whichever field asks first and however
// often.
func sharedAgrees(t *testing.T, text string) {
	t.Helper()
	cache := registry.NewCache()
	names := []string{AnalyzerName, FoldedAnalyzerName, PairsAnalyzerName}
	orders := [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0, 1}, {2, 2, 0, 0}}
	for _, order := range orders {
		s := NewShared()
		for _, k := range order {
			want, err := cache.AnalyzerNamed(names[k])
			if err != nil {
				t.Fatal(err)
			}
			a, ok := s.Analyzer(names[k])
			if !ok {
				t.Fatalf("no shared analyzer for %s", names[k])
			}
			if got, want := tokens(a.Analyze([]byte(text))), tokens(want.Analyze([]byte(text))); got != want {
				t.Fatalf("%s of %q, asked in order %v:\n got %s\nwant %s", names[k], text, order, got, want)
			}
		}
	}
	offsetsAgree(t, text)
	if _, ok := NewShared().Analyzer(NumberAnalyzerName); ok {
		t.Errorf("Shared stands for %s, which tokenizes otherwise", NumberAnalyzerName)
	}
}

// offsetsAgree checks that Offsets finds each term's bytes from its
// position as the analyzers give them, and that WithoutOffsets keeps
// everything of a token but its offsets.
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
		bare := WithoutOffsets(a).Analyze([]byte(text))
		for i, tok := range a.Analyze([]byte(text)) {
			if b := bare[i]; b.Start != 0 || b.End != 0 || string(b.Term) != string(tok.Term) || b.Position != tok.Position || b.Type != tok.Type {
				t.Fatalf("%s of %q without offsets: %s, want %s with no offsets", name, text, tokens(bare), tokens(a.Analyze([]byte(text))))
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
