package vi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/unicode/norm"
)

// tokensAgree checks that Tokenizer gives text the tokens of Bleve's
// unicode tokenizer: terms, offsets, positions and types.
func tokensAgree(t *testing.T, text string) {
	t.Helper()
	got, want := show(Tokenizer.Tokenize([]byte(text))), show(unicodeTokenizer.Tokenize([]byte(text)))
	if got != want {
		t.Fatalf("tokens of %q:\n got %s\nwant %s", text, got, want)
	}
}

func show(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%q@%d[%d:%d]%d ", t.Term, t.Position, t.Start, t.End, t.Type)
	}
	return b.String()
}

var tokenizerCases = []string{
	"",
	"   \t\n",
	"Cải cách hành chính, hoà giải 45/QĐ-UBND ngày 12/3/2024.",
	norm.NFD.String("Thuỷ lợi, ĐÊ ĐIỀU (tỉnh) 'Bình Thuận'"),
	"1.000.000 đồng; 1,5 ha; v.v. a:b ab'c 3'4",
	"\u0301abc d\u0301e \u200dx",            // a mark or joiner after a space
	"COVID19 x2 2x a_b 12_3 ___",            // letters and digits, underscores
	"ア日本語 ñ× ÷ x\u00a0y z\u202fw ☺️👍🏽 🇻🇳🇻🇳", // other scripts, spaces and symbols
	"\xff\xfe ab \xc3 cd\x80 e\x00f\x7fg",   // not UTF-8, controls
	"Điều 1. Phê duyệt: Quyết định số 6/BC-UBND...!?",
	"a.\n.b ,1 1, ;x x; '' ''a a''",
	"000!\xc0 0", // bytes that are not UTF-8 end Bleve's tokens
}

func TestTokenizerAsUnicode(t *testing.T) {
	for _, text := range tokenizerCases {
		tokensAgree(t, text)
	}
}

// FuzzTokenizerAsUnicode: any text gets the tokens of Bleve's unicode
// tokenizer.
func FuzzTokenizerAsUnicode(f *testing.F) {
	for _, text := range tokenizerCases {
		f.Add(text)
	}
	f.Fuzz(tokensAgree)
}

// benchPage is a page of Vietnamese administrative text for benchmarks.
var benchPage = strings.Repeat("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; "+
	"Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1.234/TTr-SNV, ỦY BAN NHÂN DÂN TỈNH QUYẾT ĐỊNH: ", 20)

// BenchmarkTokenizer compares Tokenizer with Bleve's unicode tokenizer on
// a page of Vietnamese administrative text.
func BenchmarkTokenizer(b *testing.B) {
	page := []byte(benchPage)
	for _, bc := range []struct {
		name string
		tok  analysis.Tokenizer
	}{{"vi_words", Tokenizer}, {"unicode", unicodeTokenizer}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				bc.tok.Tokenize(page)
			}
		})
	}
}
