package search

import (
	"html"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vanthu/vanthu/index"
	vi "github.com/vanthu/vanthu/index/analysis/vi"
)

type span struct{ start, end int }

// maxSnippets is how many pages a hit shows a passage of.
const maxSnippets = 3

// matchWidth is how many syllables a match in each page text field with
// locations spans: a syllable, or a pair.
var matchWidth = map[string]int{index.FieldTextFolded: 1, index.FieldTextPairs: 2}

// snippets cuts a passage from each page with matches (the pages with most
// matches first, then in page order), marking the matched terms. A match
// is found in the page by its position: the index keeps no byte offsets
// for the page text (an index made before keeps them, unread).
func snippets(pages []string, locs bsearch.FieldTermLocationMap) []Snippet {
	type match struct{ pos, width int } // the first syllable's position, how many
	byPage := map[int][]match{}
	for field, width := range matchWidth {
		for _, ls := range locs[field] {
			for _, l := range ls {
				pg := 0
				if len(l.ArrayPositions) > 0 {
					pg = int(l.ArrayPositions[0])
				}
				if pg < len(pages) && l.Pos > 0 {
					byPage[pg] = append(byPage[pg], match{int(l.Pos), width})
				}
			}
		}
	}
	order := make([]int, 0, len(byPage))
	for pg := range byPage {
		order = append(order, pg)
	}
	sort.Slice(order, func(i, j int) bool {
		if a, b := len(byPage[order[i]]), len(byPage[order[j]]); a != b {
			return a > b
		}
		return order[i] < order[j]
	})
	out := []Snippet{}
	for _, pg := range order[:min(len(order), maxSnippets)] {
		upTo := 0
		for _, m := range byPage[pg] {
			upTo = max(upTo, m.pos+m.width-1)
		}
		offs := vi.Offsets(pages[pg], upTo)
		var spans []span
		for _, m := range byPage[pg] {
			if last := m.pos - 1 + m.width - 1; last < len(offs) {
				spans = append(spans, span{offs[m.pos-1][0], offs[last][1]})
			}
		}
		if len(spans) > 0 {
			out = append(out, Snippet{Page: pg + 1, Text: passage(pages[pg], merge(pages[pg], spans))})
		}
	}
	return out
}

// merge joins the spans of text that overlap or stand apart by spaces
// only, so that syllables matched side by side, a phrase, are marked as
// one.
func merge(text string, ss []span) []span {
	slices.SortFunc(ss, func(a, b span) int { return a.start - b.start })
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && (s.start <= out[n-1].end || strings.TrimSpace(text[out[n-1].end:s.start]) == "") {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// passage returns about 240 bytes of text around the densest run of spans,
// HTML-escaped, spans in <mark>.
func passage(text string, spans []span) string {
	const width = 240
	// Pick the window start that covers the most spans.
	best, bestN := 0, 0
	for i := range spans {
		n := 0
		for j := i; j < len(spans) && spans[j].end-spans[i].start <= width; j++ {
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	from := max(0, spans[best].start-60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	if i := strings.IndexAny(text[from:spans[best].start], " \n"); from > 0 && i >= 0 {
		from += i + 1
	}
	to := min(len(text), from+width)
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(html.EscapeString(text[at:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
