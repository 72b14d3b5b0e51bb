// Package handwriting draws digits as a pen would, stroke by stroke, for
// tests of the handwritten-digit reader: the number and the day a văn thư
// writes into a printed header.
package handwriting

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"
)

// pt is a point in a digit's box: x across (0–0.6), y down (0–1).
type pt struct{ x, y float64 }

func arc(cx, cy, rx, ry, from, to float64) []pt {
	var out []pt
	for i := 0; i <= 24; i++ {
		a := (from + (to-from)*float64(i)/24) * math.Pi / 180
		out = append(out, pt{cx + rx*math.Cos(a), cy + ry*math.Sin(a)})
	}
	return out
}

func line(ps ...pt) []pt { return ps }

// shapes are each digit's shapes as hands write them, each a list of pen
// strokes (angles in degrees, y down). The first is the plain one; the
// others are the shapes of Vietnamese (and European) hands that MNIST's
// American writers seldom make: the 1 with a long flag, the 7 with a bar,
// the 2 with a loop, the closed 4, the 9 with a hooked tail.
var shapes = map[rune][][][]pt{
	'0': {{arc(0.3, 0.5, 0.27, 0.48, 0, 360)}, {arc(0.3, 0.5, 0.22, 0.48, -80, 290)}},
	'1': {{line(pt{0.18, 0.18}, pt{0.34, 0.02}, pt{0.34, 1})}, {line(pt{0.04, 0.38}, pt{0.4, 0.02}, pt{0.36, 1})},
		{line(pt{0.3, 0.02}, pt{0.3, 1})}},
	'2': {{append(arc(0.3, 0.28, 0.26, 0.26, 190, 380), pt{0.04, 1}, pt{0.58, 1})},
		{append(append(arc(0.3, 0.28, 0.26, 0.26, 190, 380), pt{0.08, 0.92}), append(arc(0.14, 0.9, 0.08, 0.08, 270, 630), pt{0.6, 0.98})...)}},
	'3': {{arc(0.28, 0.26, 0.25, 0.24, 200, 450), arc(0.28, 0.74, 0.28, 0.26, 270, 520)},
		{line(pt{0.04, 0.02}, pt{0.52, 0.02}, pt{0.24, 0.44}), arc(0.28, 0.72, 0.28, 0.28, 270, 520)}},
	'4': {{line(pt{0.44, 1}, pt{0.44, 0}, pt{0.02, 0.66}, pt{0.6, 0.66})},
		{line(pt{0.1, 0}, pt{0.04, 0.6}, pt{0.6, 0.6}), line(pt{0.46, 0.2}, pt{0.44, 1})}},
	'5': {{append(line(pt{0.55, 0.02}, pt{0.12, 0.02}, pt{0.08, 0.46}), arc(0.3, 0.7, 0.27, 0.29, 230, 500)...)},
		{append(line(pt{0.12, 0.02}, pt{0.08, 0.46}), arc(0.3, 0.7, 0.27, 0.29, 230, 500)...), line(pt{0.12, 0.03}, pt{0.58, 0.0})}},
	'6': {{append(line(pt{0.5, 0.02}, pt{0.06, 0.62}), arc(0.3, 0.73, 0.25, 0.26, 180, 540)...)}},
	'7': {{line(pt{0.02, 0.02}, pt{0.58, 0.02}, pt{0.22, 1})},
		{line(pt{0.02, 0.12}, pt{0.08, 0.02}, pt{0.58, 0.02}, pt{0.26, 1}), line(pt{0.16, 0.5}, pt{0.52, 0.5})},
		{line(pt{0.0, 0.18}, pt{0.1, 0.04}, pt{0.58, 0.04}, pt{0.3, 1})}},
	'8': {{arc(0.3, 0.26, 0.22, 0.24, 0, 360), arc(0.3, 0.75, 0.27, 0.25, 0, 360)}},
	'9': {{append(arc(0.3, 0.28, 0.25, 0.26, 0, 360), pt{0.55, 0.28}, pt{0.42, 1})},
		{append(arc(0.3, 0.28, 0.25, 0.26, 0, 360), pt{0.55, 0.28}, pt{0.5, 0.9}, pt{0.3, 1}, pt{0.12, 0.9})}},
}

// Shapes is the number of shapes of digit d.
func Shapes(d rune) int { return len(shapes[d]) }

// Draw writes digits on img in their plain shapes with their tops at top,
// starting at x = left, each height pixels tall, in ink c with a pen a
// tenth of the height wide, and returns the box it covered.
func Draw(img draw.Image, digits string, left, top, height int, c color.Color) image.Rectangle {
	var box image.Rectangle
	x := left
	for _, d := range digits {
		box = box.Union(DrawShape(img, d, 0, nil, x, top, height, float64(height)/10, c))
		x += height * 3 / 4
	}
	return box
}

// DrawShape writes one digit d in its shape-th shape with its top left at
// (left, top), height pixels tall, with a pen pen pixels wide; jitter, if
// not nil, moves each stroke by up to 4% of the height, differently at its
// two ends, as a hand would.
func DrawShape(img draw.Image, d rune, shape int, jitter *rand.Rand, left, top, height int, pen float64, c color.Color) image.Rectangle {
	var box image.Rectangle
	ss := shapes[d]
	if len(ss) == 0 {
		return box
	}
	pen = math.Max(1.5, pen)
	h := float64(height)
	off := func() pt {
		if jitter == nil {
			return pt{}
		}
		return pt{(jitter.Float64()*2 - 1) * 0.04, (jitter.Float64()*2 - 1) * 0.04}
	}
	for _, s := range ss[shape%len(ss)] {
		// Each stroke drifts smoothly from one offset at its start to
		// another at its end.
		o0, o1 := off(), off()
		at := func(i int) pt {
			t := float64(i) / float64(len(s)-1)
			return pt{float64(left) + (s[i].x+o0.x*(1-t)+o1.x*t)*h, float64(top) + (s[i].y+o0.y*(1-t)+o1.y*t)*h}
		}
		prev := at(0)
		for i := 1; i < len(s); i++ {
			next := at(i)
			box = box.Union(segment(img, prev, next, pen, c))
			prev = next
		}
	}
	return box
}

// segment draws a thick line from a to b.
func segment(img draw.Image, a, b pt, pen float64, c color.Color) image.Rectangle {
	r := image.Rect(int(math.Min(a.x, b.x)-pen), int(math.Min(a.y, b.y)-pen), int(math.Max(a.x, b.x)+pen)+1, int(math.Max(a.y, b.y)+pen)+1).Intersect(img.Bounds())
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := 0.0
			if l2 > 0 {
				t = math.Max(0, math.Min(1, ((px-a.x)*dx+(py-a.y)*dy)/l2))
			}
			ex, ey := a.x+t*dx-px, a.y+t*dy-py
			if ex*ex+ey*ey <= pen*pen/4 {
				img.Set(x, y, c)
			}
		}
	}
	return r
}
