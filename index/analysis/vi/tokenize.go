package vi

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	bunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/segment"
)

// TokenizerName is the tokenizer of Vanthu's text analyzers: the words of
// Unicode's word boundaries (UAX #29), as Bleve's unicode tokenizer gives
// them, found faster in the text of a Vietnamese document.
const TokenizerName = "vi_words"

// Tokenizer gives the tokens Bleve's unicode tokenizer gives: the same
// terms, offsets, positions and types.
//
// That tokenizer runs the word-boundary state machine over every byte.
// Most of a Vietnamese text is syllables of Latin letters, numbers and
// punctuation between spaces, where the boundaries are plain: a run of
// letters (with their combining marks) or of digits is a word, and ASCII
// punctuation between runs breaks them unless it is one of the few marks
// the rules let join two runs (the '.' of "1.000", the ':' of "a:b", the
// ',' of "1,5", the apostrophe). This tokenizer reads such runs itself and
// gives every other stretch between spaces, as a whole, to the state
// machine. Text is never joined across ASCII spaces, so the two agree
// (FuzzTokenizerAsUnicode).
var Tokenizer analysis.Tokenizer = wordTokenizer{}

type wordTokenizer struct{}

var unicodeTokenizer = bunicode.NewUnicodeTokenizer()

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream { return tokenize(input, math.MaxInt) }

// tokenize is the tokens of input up to position upTo.
func tokenize(input []byte, upTo int) analysis.TokenStream {
	upTo = max(upTo, 0)
	toks := make([]analysis.Token, 0, min(len(input)/5+1, upTo))
	for i := 0; i < len(input) && len(toks) < upTo; {
		if isSpace(input[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(input) && !isSpace(input[j]) {
			j++
		}
		n := len(toks)
		var plain bool
		if toks, plain = plainWords(toks, input, i, j); !plain {
			if startsJoined(input[i:j]) || !utf8.Valid(input[i:j]) {
				// A mark that belongs to the space before it: the
				// stretch is not a text of its own. Bytes that are not
				// UTF-8 end the state machine's text, and its words.
				ts := unicodeTokenizer.Tokenize(input)
				return ts[:min(len(ts), upTo)]
			}
			toks = machineWords(toks[:n], input, i, j)
		}
		i = j
	}
	toks = toks[:min(len(toks), upTo)]
	out := make(analysis.TokenStream, len(toks))
	for k := range toks {
		toks[k].Position = k + 1
		out[k] = &toks[k]
	}
	return out
}

// isSpace reports whether b is an ASCII space, which no word-boundary rule
// joins to a word.
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// plainWords appends the words of input[i:j], a stretch without spaces,
// and reports true if it is plain: runs of letters or of digits, with
// ASCII punctuation between them that no rule joins across. Otherwise
// toks may hold some of them.
func plainWords(toks []analysis.Token, input []byte, i, j int) ([]analysis.Token, bool) {
	const (
		none = iota
		letters
		digits
	)
	run, start := none, 0
	puncts := 0     // punctuation since the last run
	var joiner byte // the punctuation, when one
	end := func(at int) {
		typ := analysis.AlphaNumeric
		if run == digits {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: input[start:at], Start: start, End: at, Type: typ})
	}
	for k := i; k < j; {
		c := input[k]
		kind, size := none, 1
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			kind = letters
		case '0' <= c && c <= '9':
			kind = digits
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(input[k:j])
			switch {
			case isLatinLetter(r):
				kind, size = letters, n
			case isCombining(r) && run == letters && puncts == 0:
				k += n // a mark stays with its letter
				continue
			default:
				return toks, false
			}
		case c == '_' || c < '!' || c == 0x7f:
			return toks, false // '_' joins words; controls are not plain
		}
		if kind == none { // ASCII punctuation
			if run != none && puncts == 0 {
				end(k)
			}
			puncts++
			joiner = c
			k++
			continue
		}
		if run != none && puncts == 0 && kind != run {
			return toks, false // letters and digits together make one word
		}
		if run != none && puncts == 1 && joins(joiner) {
			return toks, false
		}
		if run == none || puncts > 0 {
			run, start, puncts = kind, k, 0
		}
		k += size
	}
	if run != none && puncts == 0 {
		end(j)
	}
	return toks, true
}

// joins reports whether c, alone between two runs, may join them into a
// word (UAX #29 rules WB6, WB7, WB11 and WB12).
func joins(c byte) bool {
	return c == '.' || c == ':' || c == ',' || c == ';' || c == '\''
}

// isLatinLetter reports whether r is a letter of the Latin blocks that
// Vietnamese is written in, beyond ASCII: all of them letters to the word
// boundaries.
func isLatinLetter(r rune) bool {
	return 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7 || 0x1E00 <= r && r <= 0x1EFF
}

// isCombining reports whether r is a combining diacritic, as NFD writes
// Vietnamese tones.
func isCombining(r rune) bool { return 0x300 <= r && r <= 0x36F }

// startsJoined reports whether s begins with something the word
// boundaries join to what comes before it: a mark, a format character, a
// joiner.
func startsJoined(s []byte) bool {
	if s[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRune(s)
	return unicode.In(r, unicode.M, unicode.Cf)
}

// machineWords appends the words of input[i:j] as the word-boundary state
// machine finds them.
func machineWords(toks []analysis.Token, input []byte, i, j int) []analysis.Token {
	seg := segment.NewWordSegmenterDirect(input[i:j])
	start := i
	for seg.Segment() {
		b := seg.Bytes()
		end := start + len(b)
		if typ := seg.Type(); typ != segment.None {
			toks = append(toks, analysis.Token{Term: input[start:end], Start: start, End: end, Type: tokenType(typ)})
		}
		start = end
	}
	return toks
}

// tokenType is the type Bleve's unicode tokenizer gives a segment's token.
func tokenType(t int) analysis.TokenType {
	switch t {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

func init() {
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return Tokenizer, nil
	}))
}
