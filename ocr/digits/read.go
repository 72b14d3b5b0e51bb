package digits

import (
	"cmp"
	"image"
	"math"
	"slices"
	"strings"

	"github.com/vanthu/vanthu"
)

// Reading is the handwriting read in a slot: one digit per glyph, with
// the probability the model gives each, and the box of the ink; and the
// other readings weighed (see Read), most probable first.
type Reading struct {
	Text         string
	Probs        []float64
	Box          image.Rectangle
	Alternatives []vanthu.Alternative
}

// Conf is the reading's confidence: its least sure digit's probability (0
// for no digit).
func (r Reading) Conf() float64 {
	if len(r.Probs) == 0 {
		return 0
	}
	return slices.Min(r.Probs)
}

// Read reads the digits written in slot of a page image, whose rows are
// the printed line's band and whose columns the blank between the label
// and what follows it: the ink inside the slot's columns whose strokes
// reach into the band, none wider than three lines (a rule). The printed
// words either side, which handwriting often touches, are cut off; a
// stroke that crosses an edge of the slot but stays within room's columns
// (the slot's ends are estimates) is taken whole (see widen). A glyph is
// the union of the strokes over one another (the bar of a 5); it counts
// if its tallest stroke is at least 40% of the line's height and it is
// three fifths as tall as the tallest glyph (dots of a dotted slot, specks
// and the colon of "Số:" are not digits); glyphs run together are cut
// where their ink is thinnest. Red ink (a seal, a received stamp) is
// paper.
//
// The glyphs are also read as one digit fewer or one more, one glyph at a
// time (a 5 with a long flag is as wide as "31" run together, and "04"
// written close is one glyph no wider than an 8). Where valid is not nil
// and rejects the reading by the widths (a day of 54), the surest of those
// readings valid accepts is taken; with none, the first. Where the widths'
// reading is valid but not sure, another cut is taken whose digits are
// sure and which is likelier as a whole.
//
// The alternatives are the likeliest readings (those valid accepts) over
// those cuts and each digit's likelier classes, with the product of their
// digits' probabilities: what other evidence may choose among where the
// model is unsure.
func Read(img image.Image, slot, room image.Rectangle, valid func(string) bool) Reading {
	band := slot
	h := band.Dy()
	if h <= 0 || slot.Dx() <= 0 {
		return Reading{}
	}
	slot = widen(img, slot, room)
	area, levels, labels, comps := strokes(img, slot, band)
	if comps == nil {
		return Reading{}
	}
	w := area.Dx()
	lo, hi := slot.Min.X-area.Min.X, slot.Max.X-area.Min.X
	// Strokes over one another make one glyph.
	slices.SortFunc(comps, func(a, b comp) int { return a.box.Min.X - b.box.Min.X })
	var glyphs []comp
	for _, c := range comps {
		if n := len(glyphs); n > 0 && 3*overlapX(glyphs[n-1].box, c.box) >= min(glyphs[n-1].box.Dx(), c.box.Dx()) {
			glyphs[n-1].box = glyphs[n-1].box.Union(c.box)
			glyphs[n-1].ids = append(glyphs[n-1].ids, c.ids...)
			glyphs[n-1].pixels += c.pixels
			glyphs[n-1].tall = max(glyphs[n-1].tall, c.tall)
			continue
		}
		glyphs = append(glyphs, c)
	}
	// Digits written in one go are of a height: a mark much shorter than
	// the tallest is none.
	tallest := 0
	for _, g := range glyphs {
		tallest = max(tallest, g.tall)
	}
	var kept []comp
	for _, g := range glyphs {
		cx := (g.box.Min.X + g.box.Max.X) / 2
		if cx < lo || cx >= hi || g.tall*5 < h*2 || g.box.Dy()*5 < tallest*3 {
			continue
		}
		kept = append(kept, g)
	}
	return readGlyphs(kept, levels, labels, w, area.Min, valid)
}

// strokes returns the ink in the columns of slot, from a line's height
// above the printed line's band to a line's height below it (the area,
// on the page), its levels and labels (as inkOf and components give
// them), and its strokes that reach into the band and are no wider than
// three lines: handwriting crosses the printed line; the rules above and
// below it and the next line's letters do not. comps is nil when the area
// is off the page.
func strokes(img image.Image, slot, band image.Rectangle) (area image.Rectangle, levels []float32, labels []int32, comps []comp) {
	h := band.Dy()
	area = image.Rect(slot.Min.X, band.Min.Y-h, slot.Max.X, band.Max.Y+h).Intersect(img.Bounds())
	if area.Empty() {
		return area, nil, nil, nil
	}
	levels, mask := inkOf(img, area)
	labels, comps = components(mask, area.Dx(), area.Dy())
	top, bottom := band.Min.Y-area.Min.Y, band.Max.Y-area.Min.Y
	comps = slices.DeleteFunc(comps, func(c comp) bool {
		return c.box.Max.Y <= top || c.box.Min.Y >= bottom || c.box.Dx() > 3*h
	})
	if comps == nil {
		comps = []comp{}
	}
	return area, levels, labels, comps
}

// widen returns slot widened to hold whole the strokes that cross its
// edges and stay within room's columns: an end of the slot may be an
// estimate (where a slash OCR dropped would stand), and a digit cut at it
// is another digit (a 4 without its stem is a 2). Strokes that reach out
// of room are print the hand ran into, and are cut off.
func widen(img image.Image, slot, room image.Rectangle) image.Rectangle {
	lo, hi := min(slot.Min.X, room.Min.X), max(slot.Max.X, room.Max.X)
	if lo == slot.Min.X && hi == slot.Max.X {
		return slot
	}
	area, _, _, comps := strokes(img, image.Rect(lo-1, slot.Min.Y, hi+1, slot.Max.Y), slot)
	out := slot
	for _, c := range comps {
		b := c.box.Add(area.Min)
		if b.Min.X < lo || b.Max.X > hi {
			continue
		}
		if b.Min.X < slot.Min.X && b.Max.X > slot.Min.X {
			out.Min.X = min(out.Min.X, b.Min.X)
		}
		if b.Max.X > slot.Max.X && b.Min.X < slot.Max.X {
			out.Max.X = max(out.Max.X, b.Max.X)
		}
	}
	return out
}

// readGlyphs reads glyphs (of an area w wide at origin on the page, whose
// ink levels and labels are given) as Read does: cut by their widths, or
// otherwise where that reading is not valid, with the alternatives.
func readGlyphs(kept []comp, levels []float32, labels []int32, w int, origin image.Point, valid func(string) bool) Reading {
	parts := make([]int, len(kept)) // each glyph's number of digits by its width
	for i, g := range kept {
		parts[i] = digitsIn(g)
	}
	if valid == nil {
		valid = func(string) bool { return true }
	}
	// Each cut of the glyphs into digits: by their widths first, then
	// each glyph in turn as one digit fewer or one more.
	cuts := [][]int{parts}
	for i := range kept {
		for _, n := range []int{parts[i] - 1, parts[i] + 1} {
			if n < 1 || n > parts[i] && 5*kept[i].box.Dx() < 3*kept[i].box.Dy() {
				continue // a glyph narrower than three fifths of its height is one digit
			}
			alt := slices.Clone(parts)
			alt[i] = n
			cuts = append(cuts, alt)
		}
	}
	readings := make([]Reading, len(cuts))
	likely := map[string]float64{}
	for k, c := range cuts {
		var dists [][]float64
		readings[k], dists = readCut(kept, c, levels, labels, w)
		readings[k].Box = readings[k].Box.Add(origin)
		for text, p := range likeliest(dists, maxAlternatives) {
			if valid(text) {
				likely[text] = max(likely[text], p)
			}
		}
	}
	best := chooseCut(readings, valid)
	for text, p := range likely {
		if p >= minAlternative {
			best.Alternatives = append(best.Alternatives, vanthu.Alternative{Text: text, P: p})
		}
	}
	slices.SortFunc(best.Alternatives, func(a, b vanthu.Alternative) int {
		return cmp.Or(cmp.Compare(b.P, a.P), strings.Compare(a.Text, b.Text))
	})
	if len(best.Alternatives) > maxAlternatives {
		best.Alternatives = best.Alternatives[:maxAlternatives]
	}
	return best
}

// chooseCut picks among readings, the first cut by the glyphs' widths
// and the others each glyph as one digit fewer or one more: the widths'
// reading where valid accepts it and it is sure; else the surest valid
// one; else, where the widths' reading is valid but not sure, another
// cut whose digits are sure and which is likelier as a whole (the widths
// may cut wrong: a 0 run into a 4 is one glyph as wide as an 8).
func chooseCut(readings []Reading, valid func(string) bool) Reading {
	best := readings[0]
	if !valid(best.Text) {
		sure := -1.0
		for _, r := range readings[1:] {
			if valid(r.Text) && r.sureness() > sure {
				best, sure = r, r.sureness()
			}
		}
		return best
	}
	if best.sureness() < unsureCut {
		for _, r := range readings[1:] {
			if valid(r.Text) && r.sureness() >= sureCut && product(r.Probs) > product(best.Probs) {
				best = r
			}
		}
	}
	return best
}

// unsureCut is the sureness (see Reading.sureness) under which the cut by
// the glyphs' widths gives way to another cut at least sureCut sure. On
// the shared real documents rescanned at 100 dpi the widths read "04" as
// 8 (0.42) and "31" as 4 (0.34); the cuts into two digits read them right,
// with probabilities 0.96 and 0.86. On a dark flatbed at 200 dpi the
// widths read "04" as 8 at 0.95, the cut into two as 04 at 0.995: a
// single digit at 0.95 is not sure enough to outweigh a likelier cut.
const (
	unsureCut = 0.97
	sureCut   = 0.9
)

// product is the product of ps.
func product(ps []float64) float64 {
	p := 1.0
	for _, x := range ps {
		p *= x
	}
	return p
}

// maxAlternatives is how many readings Read gives besides its own, and
// minAlternative the least probability of one.
const (
	maxAlternatives = 8
	minAlternative  = 1e-3
)

// readCut reads the glyphs cut into parts[i] digits each, and returns the
// reading (its box in the area's pixels) and each digit's probabilities.
func readCut(glyphs []comp, parts []int, levels []float32, labels []int32, w int) (Reading, [][]float64) {
	var r Reading
	var dists [][]float64
	for i, g := range glyphs {
		for _, part := range split(g, parts[i], levels, labels, w) {
			gl := Normalize(cut(part, levels, labels, w))
			p := Default().Probs(&gl)
			d := 0
			for k := range p {
				if p[k] > p[d] {
					d = k
				}
			}
			r.Text += string(rune('0' + d))
			r.Probs = append(r.Probs, p[d])
			r.Box = r.Box.Union(part.box)
			dists = append(dists, p)
		}
	}
	return r, dists
}

// likeliest returns the k likeliest strings of digits, one per
// distribution, with the product of their probabilities (a beam search).
func likeliest(dists [][]float64, k int) map[string]float64 {
	type cand struct {
		text string
		p    float64
	}
	beam := []cand{{"", 1}}
	for _, d := range dists {
		var next []cand
		for _, c := range beam {
			for digit, p := range d {
				next = append(next, cand{c.text + string(rune('0'+digit)), c.p * p})
			}
		}
		slices.SortFunc(next, func(a, b cand) int { return cmp.Compare(b.p, a.p) })
		beam = next[:min(k, len(next))]
	}
	out := map[string]float64{}
	for _, c := range beam {
		if c.text != "" {
			out[c.text] = c.p
		}
	}
	return out
}

// sureness is the geometric mean of a reading's probabilities.
func (r Reading) sureness() float64 {
	logs := 0.0
	for _, p := range r.Probs {
		logs += math.Log(max(p, 1e-9))
	}
	return math.Exp(logs / float64(max(1, len(r.Probs))))
}
