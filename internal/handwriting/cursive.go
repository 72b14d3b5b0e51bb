package handwriting

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand/v2"
)

// letters are the strokes of running handwriting, each a pen's path in
// units of the x-height: x across from the letter's start, y up from the
// baseline (1 the x-height, 2.2 an ascender's top, −1 a descender's
// foot), with the width the letter takes. A word is its letters joined
// where one ends and the next starts, as a hand writes without lifting
// the pen.
var letters = []struct {
	path  []pt
	width float64
}{
	{[]pt{{0, 0}, {0.05, 0.9}, {0.2, 1}, {0.35, 0.9}, {0.4, 0}}, 0.45},                                       // n
	{[]pt{{0, 1}, {0.05, 0.1}, {0.2, 0}, {0.35, 0.1}, {0.4, 1}, {0.42, 0}}, 0.45},                            // u
	{[]pt{{0, 0.3}, {0.4, 0.6}, {0.3, 1}, {0.1, 0.8}, {0.05, 0.3}, {0.2, 0}, {0.45, 0.1}}, 0.45},             // e
	{append(arc(0.25, 0.5, 0.25, 0.5, 270, 630), pt{0.5, 0.8}), 0.5},                                         // o
	{[]pt{{0, 0.2}, {0.3, 1.8}, {0.25, 2.2}, {0.1, 1.9}, {0.15, 0.2}, {0.35, 0}}, 0.4},                       // l
	{append(arc(0.22, 0.5, 0.22, 0.5, 0, 360), pt{0.44, -0.8}, pt{0.2, -1.1}, pt{0, -0.8}, pt{0.5, 0}), 0.5}, // g
	{[]pt{{0, 0.2}, {0.25, 1.9}, {0.1, 2.1}, {0.05, 0}, {0.1, 0.8}, {0.3, 1}, {0.45, 0.7}, {0.5, 0}}, 0.55},  // h
	{[]pt{{0, 0}, {0.15, 1.6}, {0.15, 0}, {0.3, 0.1}}, 0.35},                                                 // t
	{[]pt{{0, 0}, {0.1, 1}, {0.12, 0.1}, {0.3, 0}}, 0.3},                                                     // i
	{[]pt{{0, 1}, {0.1, 0.1}, {0.3, 0.2}, {0.4, 1}, {0.4, -0.9}, {0.15, -1}, {0.45, 0.1}}, 0.5},              // y
}

// lean is the slant of a hand: x across per unit up.
const lean = 0.25

// Cursive writes a line of running handwriting on img, as a leader's note
// (bút phê) is written across a received sheet: words of two to six joined
// letters, some with a mark over them, on a baseline that starts at
// (left, base), slopes by up to 2° and wanders; letters xh pixels high at
// the x-height, with a pen a tenth of that wide (at least two pixels). It
// writes words until the next would pass left+width, and returns the box
// it covered. rng decides the letters, their jitter and the slope.
func Cursive(img draw.Image, rng *rand.Rand, left, base, xh, width int, c color.Color) image.Rectangle {
	var box image.Rectangle
	h := float64(xh)
	pen := math.Max(2, h/10)
	slope := (rng.Float64()*2 - 1) * 2 * math.Pi / 180
	x := float64(left)
	baseAt := func(x float64) float64 {
		return float64(base) - (x-float64(left))*math.Tan(slope) + math.Sin((x-float64(left))/(6*h))*h/8
	}
	for {
		n := 2 + rng.IntN(5)
		var word []pt
		var marks [][]pt
		wx := x
		for range n {
			l := letters[rng.IntN(len(letters))]
			for _, p := range l.path {
				jx, jy := (rng.Float64()*2-1)*0.06, (rng.Float64()*2-1)*0.06
				y := p.y + jy
				word = append(word, pt{wx + (p.x+jx+lean*y)*h, baseAt(wx) - y*h})
			}
			if rng.IntN(3) == 0 {
				// A tone or a hat over the letter, a stroke of its own.
				mx, my := wx+0.3*h, baseAt(wx)-(1.5+rng.Float64()*0.4)*h
				marks = append(marks, []pt{{mx, my + 0.2*h}, {mx + 0.25*h, my - 0.15*h}})
			}
			wx += l.width * h
		}
		if wx > float64(left+width) {
			return box
		}
		box = box.Union(stroke(img, word, pen, c))
		for _, m := range marks {
			box = box.Union(stroke(img, m, pen, c))
		}
		x = wx + (0.6+rng.Float64()*0.6)*h
	}
}

// stroke draws the pen's path through ps, its ink over what the page
// holds as ink over print is: no lighter than the print it crosses.
func stroke(img draw.Image, ps []pt, pen float64, c color.Color) image.Rectangle {
	var box image.Rectangle
	over := inkOver{img, color.RGBAModel.Convert(c).(color.RGBA)}
	for i := 1; i < len(ps); i++ {
		box = box.Union(segment(over, ps[i-1], ps[i], pen, c))
	}
	return box
}

// inkOver is an image whose Set lays ink over the pixel: each channel the
// product of the two, as light through both.
type inkOver struct {
	draw.Image
	ink color.RGBA
}

func (o inkOver) Set(x, y int, _ color.Color) {
	p := color.RGBAModel.Convert(o.At(x, y)).(color.RGBA)
	o.Image.Set(x, y, color.RGBA{mul(p.R, o.ink.R), mul(p.G, o.ink.G), mul(p.B, o.ink.B), 255})
}

func mul(a, b uint8) uint8 { return uint8(int(a) * int(b) / 255) }
