package digits

import (
	"cmp"
	"image"
	"image/color"
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

// Read reads the digits written in slot of a page image: the ink inside
// the slot's columns (the printed words either side, which handwriting
// often touches, are cut off) whose strokes reach into the printed line's
// band (rows band.Min.Y to band.Max.Y), none wider than three lines (a
// rule). A glyph is the union of the strokes over one another (the bar of
// a 5); it counts if its tallest stroke is at least 40% of the line's
// height and it is three fifths as tall as the tallest glyph (dots of a
// dotted slot, specks and the colon of "Số:" are not digits); glyphs run
// together are cut where their ink is thinnest. Red ink (a seal, a
// received stamp) is paper.
//
// Where valid is not nil and rejects the reading (a day of 54), the glyphs
// are read again, one at a time, as one digit fewer or one more (a 5 with
// a long flag is as wide as "31" run together), and the surest reading
// valid accepts is taken; with none, the first.
//
// The alternatives are the likeliest readings (those valid accepts) over
// those cuts and each digit's likelier classes, with the product of their
// digits' probabilities: what other evidence may choose among where the
// model is unsure.
func Read(img image.Image, slot, band image.Rectangle, valid func(string) bool) Reading {
	h := band.Dy()
	if h <= 0 || slot.Dx() <= 0 {
		return Reading{}
	}
	// The ink may stand above and below the printed line.
	area := image.Rect(slot.Min.X, band.Min.Y-h, slot.Max.X, band.Max.Y+h).Intersect(img.Bounds())
	if area.Empty() {
		return Reading{}
	}
	levels, mask := inkOf(img, area)
	w := area.Dx()
	labels, comps := components(mask, w, area.Dy())
	// Handwriting crosses the printed line; the rules above and below it
	// and the next line's letters do not.
	lo, hi := slot.Min.X-area.Min.X, slot.Max.X-area.Min.X
	top, bottom := band.Min.Y-area.Min.Y, band.Max.Y-area.Min.Y
	comps = slices.DeleteFunc(comps, func(c comp) bool {
		return c.box.Max.Y <= top || c.box.Min.Y >= bottom || c.box.Dx() > 3*h
	})
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
	var parts []int // each kept glyph's number of digits by its width
	for _, g := range glyphs {
		cx := (g.box.Min.X + g.box.Max.X) / 2
		if cx < lo || cx >= hi || g.tall*5 < h*2 || g.box.Dy()*5 < tallest*3 {
			continue
		}
		kept = append(kept, g)
		parts = append(parts, digitsIn(g))
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
		readings[k].Box = readings[k].Box.Add(area.Min)
		for text, p := range likeliest(dists, maxAlternatives) {
			if valid(text) {
				likely[text] = max(likely[text], p)
			}
		}
	}
	best := readings[0]
	if !valid(best.Text) {
		sure := -1.0
		for _, r := range readings[1:] {
			if valid(r.Text) && r.sureness() > sure {
				best, sure = r, r.sureness()
			}
		}
	}
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

// comp is a set of connected components: their labels, box and pixels,
// and the height of the tallest.
type comp struct {
	ids    []int32
	box    image.Rectangle
	pixels int
	tall   int
}

func overlapX(a, b image.Rectangle) int { return min(a.Max.X, b.Max.X) - max(a.Min.X, b.Min.X) }

// inkOf returns, for each pixel of area, how much ink it holds (0 paper,
// 1 the darkest ink of the area) and whether it is ink: darker than the
// midpoint between the paper (the area's bright end) and its darkest ink.
// Reddish pixels are paper.
func inkOf(img image.Image, area image.Rectangle) ([]float32, []bool) {
	w, h := area.Dx(), area.Dy()
	lum := make([]float64, w*h)
	var hist [256]int
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBAModel.Convert(img.At(area.Min.X+x, area.Min.Y+y)).(color.NRGBA)
			r, g, b := float64(c.R), float64(c.G), float64(c.B)
			l := 0.299*r + 0.587*g + 0.114*b
			if r > g+50 && r > b+50 {
				l = 255 // a red seal or stamp
			}
			lum[y*w+x] = l
			hist[int(l)]++
		}
	}
	pct := func(q float64) float64 {
		n, want := 0, int(q*float64(w*h))
		for v, c := range hist {
			if n += c; n > want {
				return float64(v)
			}
		}
		return 255
	}
	paper, dark := pct(0.9), pct(0.01)
	levels := make([]float32, w*h)
	mask := make([]bool, w*h)
	if paper-dark < 60 { // no ink to speak of
		return levels, mask
	}
	mid := (paper + dark) / 2
	for i, l := range lum {
		levels[i] = float32(math.Max(0, math.Min(1, (paper-l)/(paper-dark))))
		mask[i] = l < mid
	}
	return levels, mask
}

// components labels the 8-connected regions of mask (w×h) from 1 and
// returns each as a comp; regions of fewer than 4 pixels are left out.
func components(mask []bool, w, h int) ([]int32, []comp) {
	labels, regions := Label(mask, w, h)
	var kept []comp
	for i, r := range regions {
		if r.Pixels >= 4 {
			kept = append(kept, comp{ids: []int32{int32(i + 1)}, box: r.Box, pixels: r.Pixels, tall: r.Box.Dy()})
		}
	}
	return labels, kept
}

// Region is one connected region of a mask: its box and its pixels.
type Region struct {
	Box    image.Rectangle
	Pixels int
}

// Label labels the 8-connected regions of mask (w×h, row by row) from 1:
// labels holds each pixel's region (0 for none), regions[i] is region i+1.
func Label(mask []bool, w, h int) (labels []int32, regions []Region) {
	labels = make([]int32, len(mask))
	var stack []int
	for start := range mask {
		if !mask[start] || labels[start] != 0 {
			continue
		}
		id := int32(len(regions) + 1)
		r := Region{Box: image.Rect(start%w, start/w, start%w+1, start/w+1)}
		labels[start] = id
		stack = append(stack[:0], start)
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := p%w, p/w
			r.Pixels++
			r.Box = r.Box.Union(image.Rect(x, y, x+1, y+1))
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= w || ny >= h {
						continue
					}
					if q := ny*w + nx; mask[q] && labels[q] == 0 {
						labels[q] = id
						stack = append(stack, q)
					}
				}
			}
		}
		regions = append(regions, r)
	}
	return labels, regions
}

// digitsIn is the number of digits glyph g holds by its width: one, or
// for a glyph at least as wide as it is tall (no digit is) as many as its
// width holds, reckoning a digit and the space after it three quarters of
// its height.
func digitsIn(g comp) int {
	gw, gh := g.box.Dx(), g.box.Dy()
	if gw < gh {
		return 1
	}
	return max(1, int(math.Round(float64(gw)/(0.75*float64(gh)))))
}

// split cuts glyph g into n digits, each cut at the column of least ink
// near where it would fall.
func split(g comp, n int, levels []float32, labels []int32, w int) []comp {
	gw := g.box.Dx()
	if n <= 1 {
		return []comp{g}
	}
	col := make([]float64, gw)
	for y := g.box.Min.Y; y < g.box.Max.Y; y++ {
		for x := g.box.Min.X; x < g.box.Max.X; x++ {
			if slices.Contains(g.ids, labels[y*w+x]) {
				col[x-g.box.Min.X] += float64(levels[y*w+x])
			}
		}
	}
	var out []comp
	from := 0
	for k := 1; k < n; k++ {
		at := k * gw / n
		best := at
		for x := max(from+1, at-gw/(4*n)); x <= min(gw-1, at+gw/(4*n)); x++ {
			if col[x] < col[best] {
				best = x
			}
		}
		part := g
		part.box = image.Rect(g.box.Min.X+from, g.box.Min.Y, g.box.Min.X+best, g.box.Max.Y)
		out = append(out, part)
		from = best
	}
	last := g
	last.box = image.Rect(g.box.Min.X+from, g.box.Min.Y, g.box.Max.X, g.box.Max.Y)
	return append(out, last)
}

// cut takes a glyph's own ink (not its neighbours' in its box), cropped to
// its ink.
func cut(g comp, levels []float32, labels []int32, w int) Ink {
	x0, y0, x1, y1 := g.box.Max.X, g.box.Max.Y, g.box.Min.X-1, g.box.Min.Y-1
	for y := g.box.Min.Y; y < g.box.Max.Y; y++ {
		for x := g.box.Min.X; x < g.box.Max.X; x++ {
			if slices.Contains(g.ids, labels[y*w+x]) {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	if x1 < x0 {
		return Ink{}
	}
	in := Ink{W: x1 - x0 + 1, H: y1 - y0 + 1}
	in.Pix = make([]float32, in.W*in.H)
	// The ink's soft edge around the mask is kept: a pixel next to the
	// glyph's own counts.
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			if slices.Contains(g.ids, labels[y*w+x]) || labels[y*w+x] == 0 {
				in.Pix[(y-y0)*in.W+(x-x0)] = levels[y*w+x]
			}
		}
	}
	return in
}
