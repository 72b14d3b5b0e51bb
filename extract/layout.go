package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// zone is where a segment sits across the page.
type zone int

const (
	left   zone = iota // the left column (ô 2, 3, 5b, 9b)
	right              // the right column (ô 1, 4, 7)
	centre             // centred under the header (ô 5a)
	full               // body text across the page
)

// segment is a run of words on one printed line, with no wide gap inside.
type segment struct {
	text           string
	x0, y0, x1, y1 int
	zone           zone
	conf           float64 // mean word confidence
}

// segments lays a page out as segments, top to bottom. Without word boxes
// (text from elsewhere) every line of the text is one full-width segment.
func segments(p vanthu.Page) []segment {
	if len(p.Words) == 0 {
		var out []segment
		for i, l := range strings.Split(p.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, segment{text: l, y0: i, y1: i, zone: full, conf: 100})
			}
		}
		return out
	}
	width := p.Width
	lines := make(map[int][]vanthu.Word)
	var order []int
	for _, w := range p.Words {
		if _, ok := lines[w.Line]; !ok {
			order = append(order, w.Line)
		}
		lines[w.Line] = append(lines[w.Line], w)
		width = max(width, w.X1)
	}
	var out []segment
	for _, ln := range order {
		ws := lines[ln]
		sort.Slice(ws, func(i, j int) bool { return ws[i].X0 < ws[j].X0 })
		h := medianHeight(ws)
		start := 0
		for i := 1; i <= len(ws); i++ {
			if i < len(ws) && ws[i].X0-ws[i-1].X1 < 3*h {
				continue
			}
			out = append(out, makeSegment(ws[start:i], width))
			start = i
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		// Same printed row when their vertical extents overlap by half.
		if overlap(a.y0, a.y1, b.y0, b.y1) > min(a.y1-a.y0, b.y1-b.y0)/2 {
			return a.x0 < b.x0
		}
		return a.y0 < b.y0
	})
	return out
}

func overlap(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }

func medianHeight(ws []vanthu.Word) int {
	hs := make([]int, len(ws))
	for i, w := range ws {
		hs[i] = w.Y1 - w.Y0
	}
	slices.Sort(hs)
	return max(hs[len(hs)/2], 8)
}

func makeSegment(ws []vanthu.Word, width int) segment {
	s := segment{x0: ws[0].X0, y0: ws[0].Y0, x1: ws[0].X1, y1: ws[0].Y1}
	var texts []string
	var sum float64
	for _, w := range ws {
		texts = append(texts, w.Text)
		s.x0, s.y0 = min(s.x0, w.X0), min(s.y0, w.Y0)
		s.x1, s.y1 = max(s.x1, w.X1), max(s.y1, w.Y1)
		sum += w.Confidence
	}
	s.text = dict.NFC(strings.Join(texts, " "))
	s.conf = sum / float64(len(ws))
	W := float64(width)
	x0, x1 := float64(s.x0)/W, float64(s.x1)/W
	mid := (x0 + x1) / 2
	switch {
	case x0 < 0.22 && x1 > 0.62:
		s.zone = full
	case x1 <= 0.56 && mid < 0.42:
		s.zone = left
	case x0 >= 0.44 && mid > 0.58:
		s.zone = right
	default:
		s.zone = centre
	}
	return s
}
