package vi

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

func terms(t *testing.T, analyzer, in string) []string {
	t.Helper()
	a, err := registry.NewCache().AnalyzerNamed(analyzer)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tok := range a.Analyze([]byte(in)) {
		out = append(out, string(tok.Term))
	}
	return out
}

func TestAnalyzers(t *testing.T) {
	tests := []struct {
		analyzer, in string
		want         []string
	}{
		{AnalyzerName, "Cải cách hành chính", []string{"cải", "cách", "hành", "chính"}},
		{AnalyzerName, "HÒA GIẢI hoà giải", []string{"hòa", "giải", "hòa", "giải"}},
		{AnalyzerName, norm.NFD.String("Thuỷ lợi"), []string{"thủy", "lợi"}},
		{AnalyzerName, "ÐIỀU 1.", []string{"điều", "1"}},
		{AnalyzerName, "Số: 45/QĐ-UBND", []string{"số", "45", "qđ", "ubnd"}},
		{FoldedAnalyzerName, "Cải cách hành chính", []string{"cai", "cach", "hanh", "chinh"}},
		{FoldedAnalyzerName, "Đường điện", []string{"duong", "dien"}},
		{FoldedAnalyzerName, "cai cach hanh chinh", []string{"cai", "cach", "hanh", "chinh"}},
		{PairsAnalyzerName, "Cải cách, hành chính", []string{"cai cach", "cach hanh", "hanh chinh"}},
		{PairsAnalyzerName, "Hoà", nil},
		{NumberAnalyzerName, "45/QĐ-UBND", []string{"45 QD UBND"}},
		{NumberAnalyzerName, "045/qd-ubnd", []string{"45 QD UBND"}},
		{NumberAnalyzerName, "", nil},
	}
	for _, tt := range tests {
		if got := terms(t, tt.analyzer, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.in, got, tt.want)
		}
	}
}

// Offsets point into the original text, even for NFD input.
func TestOffsetsIntoOriginal(t *testing.T) {
	in := norm.NFD.String("Hòa Bình")
	a, _ := registry.NewCache().AnalyzerNamed(AnalyzerName)
	toks := a.Analyze([]byte(in))
	if len(toks) != 2 || in[toks[1].Start:toks[1].End] != norm.NFD.String("Bình") {
		t.Fatalf("tokens %v do not point into %q", toks, in)
	}
}

// BenchmarkNormalizeFold runs the terms of a page through NormalizeFilter
// and FoldFilter on every core at once, as an import's analysis does:
// their memo is read by all.
func BenchmarkNormalizeFold(b *testing.B) {
	terms := [][]byte{}
	for _, t := range Tokenizer.Tokenize([]byte(benchPage)) {
		terms = append(terms, t.Term)
	}
	b.RunParallel(func(pb *testing.PB) {
		ts := make(analysis.TokenStream, len(terms))
		toks := make([]analysis.Token, len(terms))
		for pb.Next() {
			for i, term := range terms {
				toks[i] = analysis.Token{Term: term}
				ts[i] = &toks[i]
			}
			FoldFilter.Filter(NormalizeFilter.Filter(ts))
		}
	})
}
