package digits

// The ink of a slot: its levels, its connected strokes, and the cutting
// of glyphs into digits.

import (
	"image"
	"image/color"
	"math"
	"slices"
)

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
