package layout

import (
	"slices"
	"sort"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// Zone is where a segment sits across the page.
type Zone int

const (
	Left   Zone = iota // the left column (ô 2, 3, 5b, 9b)
	Right              // the right column (ô 1, 4, 7)
	Centre             // centred under the header (ô 5a)
	Full               // body text across the page
)

func (z Zone) String() string { return [...]string{"left", "right", "centre", "full"}[z] }

// Segment is a run of words on one printed row, with no wide gap inside.
type Segment struct {
	Text           string
	X0, Y0, X1, Y1 int
	Zone           Zone
	Conf           float64       // mean word confidence
	Words          []vanthu.Word // the words, left to right (none for text without boxes)
}

// Segments lays a page out as segments, top to bottom and, on one row, left
// to right. Without word boxes (text from elsewhere) every line of the text
// is one full-width segment.
func Segments(p vanthu.Page) []Segment {
	return segmentWords(p.Words, p.Width, p.Text)
}

func segmentWords(words []vanthu.Word, width int, text string) []Segment {
	if len(words) == 0 {
		var out []Segment
		for i, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, Segment{Text: l, Y0: i, Y1: i, Zone: Full, Conf: 100})
			}
		}
		return out
	}
	lines := make(map[int][]vanthu.Word)
	var order []int
	for _, w := range words {
		if _, ok := lines[w.Line]; !ok {
			order = append(order, w.Line)
		}
		lines[w.Line] = append(lines[w.Line], w)
		width = max(width, w.X1)
	}
	var out []Segment
	for _, ln := range order {
		ws := lines[ln]
		sort.Slice(ws, func(i, j int) bool { return ws[i].X0 < ws[j].X0 })
		for _, run := range Runs(ws) {
			out = append(out, makeSegment(run, width))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if sameRow(a, b) {
			return a.X0 < b.X0
		}
		return a.Y0 < b.Y0
	})
	return out
}

// Runs parts the words of one line, left to right, where a gap of twice
// their median height or more stands between two (the two columns of a
// header's row): the words of each segment. The runs share ws's array.
func Runs(ws []vanthu.Word) [][]vanthu.Word {
	h := max(MedianHeight(ws), 8)
	var runs [][]vanthu.Word
	start := 0
	for i := 1; i <= len(ws); i++ {
		if i < len(ws) && ws[i].X0-ws[i-1].X1 < 2*h {
			continue
		}
		runs = append(runs, ws[start:i])
		start = i
	}
	return runs
}

// sameRow reports whether two segments are on one printed row: their
// vertical extents overlap by half the smaller.
func sameRow(a, b Segment) bool {
	return overlap(a.Y0, a.Y1, b.Y0, b.Y1) > min(a.Y1-a.Y0, b.Y1-b.Y0)/2
}

func overlap(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }

// NextOnRow returns the index of the segment of segs nearest right of
// segment i on its row (their bands overlapping by half the thinner's
// height), or -1: what follows a blank that parted a printed line, such
// as an unfilled slot's.
func NextOnRow(segs []Segment, i int) int {
	s := segs[i]
	next := -1
	for j, t := range segs {
		overlap := min(s.Y1, t.Y1) - max(s.Y0, t.Y0)
		if j == i || t.X0 < s.X1 || 2*overlap < min(s.Y1-s.Y0, t.Y1-t.Y0) {
			continue
		}
		if next < 0 || t.X0 < segs[next].X0 {
			next = j
		}
	}
	return next
}

// MedianHeight is the median height of the words ws (one or more).
func MedianHeight(ws []vanthu.Word) int {
	hs := make([]int, len(ws))
	for i, w := range ws {
		hs[i] = w.Y1 - w.Y0
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// NewSegment makes one segment of the words ws (left to right, one or
// more) of a page width pixels wide, zoned as Segments zones it.
func NewSegment(ws []vanthu.Word, width int) Segment { return makeSegment(ws, width) }

func makeSegment(ws []vanthu.Word, width int) Segment {
	s := Segment{X0: ws[0].X0, Y0: ws[0].Y0, X1: ws[0].X1, Y1: ws[0].Y1}
	var texts []string
	var sum float64
	for _, w := range ws {
		texts = append(texts, w.Text)
		s.X0, s.Y0 = min(s.X0, w.X0), min(s.Y0, w.Y0)
		s.X1, s.Y1 = max(s.X1, w.X1), max(s.Y1, w.Y1)
		sum += w.Confidence
	}
	s.Text = dict.NFC(strings.Join(texts, " "))
	s.Conf = sum / float64(len(ws))
	s.Words = ws
	W := float64(width)
	x0, x1 := float64(s.X0)/W, float64(s.X1)/W
	mid := (x0 + x1) / 2
	switch {
	case x0 < 0.22 && x1 > 0.62:
		s.Zone = Full
	case x1 <= 0.56 && mid < 0.42:
		s.Zone = Left
	case x0 >= 0.44 && mid > 0.58:
		s.Zone = Right
	default:
		s.Zone = Centre
	}
	return s
}

// ReadingOrder returns the segments in reading order: top to bottom, except
// that a run of rows laid out in two columns (only left and right segments,
// at least one row with both) is read left column first, then right.
func ReadingOrder(segs []Segment) []Segment {
	rows := Rows(segs)
	var out []Segment
	for i := 0; i < len(rows); {
		j, both := i, false
		for j < len(rows) && twoColumnRow(rows[j]) {
			both = both || hasBoth(rows[j])
			j++
		}
		if j > i && both {
			for _, z := range []Zone{Left, Right} {
				for _, r := range rows[i:j] {
					for _, s := range r {
						if s.Zone == z {
							out = append(out, s)
						}
					}
				}
			}
			i = j
			continue
		}
		if j == i {
			j = i + 1
		}
		for _, r := range rows[i:j] {
			out = append(out, r...)
		}
		i = j
	}
	return out
}

// Rows groups segments (in the order Segments gives) into printed rows.
func Rows(segs []Segment) [][]Segment {
	var rows [][]Segment
	for _, s := range segs {
		if n := len(rows); n > 0 && sameRow(rows[n-1][0], s) {
			rows[n-1] = append(rows[n-1], s)
			continue
		}
		rows = append(rows, []Segment{s})
	}
	return rows
}

func twoColumnRow(r []Segment) bool {
	for _, s := range r {
		if s.Zone != Left && s.Zone != Right {
			return false
		}
	}
	return true
}

func hasBoth(r []Segment) bool {
	var l, rt bool
	for _, s := range r {
		l = l || s.Zone == Left
		rt = rt || s.Zone == Right
	}
	return l && rt
}

// Text lays out segments as text, one segment a line.
func Text(segs []Segment) string {
	lines := make([]string, len(segs))
	for i, s := range segs {
		lines[i] = s.Text
	}
	return strings.Join(lines, "\n")
}
