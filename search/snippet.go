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

// snippets cuts a passage from each page with matches of the folded page
// text (the pages with most matches first, then in page order), marking
// the matched syllables, those side by side (a phrase) as one. A match
// is found in the page by its position: the index keeps no byte offsets
// for the page text (an index made before keeps them, unread).
func snippets(pages []string, locs bsearch.FieldTermLocationMap) []Snippet {
	byPage := map[int][]int{} // the positions of the matched syllables
	for _, ls := range locs[index.FieldTextFolded] {
		for _, l := range ls {
			pg := 0
			if len(l.ArrayPositions) > 0 {
				pg = int(l.ArrayPositions[0])
			}
			if pg < len(pages) && l.Pos > 0 {
				byPage[pg] = append(byPage[pg], int(l.Pos))
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
		at := slices.Compact(slices.Sorted(slices.Values(byPage[pg])))
		offs := vi.Offsets(pages[pg], at[len(at)-1])
		var spans []span
		for k, pos := range at {
			if pos > len(offs) {
				break
			}
			if k > 0 && pos == at[k-1]+1 {
				spans[len(spans)-1].end = offs[pos-1][1] // side by side: one mark
				continue
			}
			spans = append(spans, span{offs[pos-1][0], offs[pos-1][1]})
		}
		if len(spans) > 0 {
			out = append(out, Snippet{Page: pg + 1, Text: passage(pages[pg], spans)})
		}
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
