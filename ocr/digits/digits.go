// Package digits reads handwritten digits: the number and the day a văn
// thư writes by hand into the printed "Số: …/QĐ-UBND" and "ngày … tháng"
// of a document, which Tesseract, trained on print, misreads.
//
// A glyph is brought to the frame of the MNIST digits (the longer side 20
// pixels in a 28×28 field, centred by its centre of mass, its slant taken
// out) and classified by a small convolutional network trained on MNIST
// with the distortions of pen and scan (see internal/tools/traindigits).
// The model ships in the package (model.bin).
package digits

import (
	_ "embed"
	"math"
	"sync"
)

// Side is the side of a normalised glyph; Size its number of pixels.
const (
	Side = 28
	Size = Side * Side
	box  = 20 // the longer side of the glyph inside the field
)

// Glyph is a normalised digit image: ink 1, paper 0, row by row.
type Glyph [Size]float32

// Ink is a glyph as found on the page: W×H ink levels (0 paper, 1 ink),
// row by row.
type Ink struct {
	W, H int
	Pix  []float32
}

// Normalize brings ink to the MNIST frame: scaled (by area averaging) so
// that its longer side is 20 pixels, placed with its centre of mass at the
// field's centre, then its slant removed (a shear by the second moments).
// Ink with no pixels gives an empty glyph.
func Normalize(in Ink) Glyph {
	var g Glyph
	if in.W <= 0 || in.H <= 0 || len(in.Pix) < in.W*in.H {
		return g
	}
	scale := float64(box) / float64(max(in.W, in.H))
	w := max(1, int(math.Round(float64(in.W)*scale)))
	h := max(1, int(math.Round(float64(in.H)*scale)))
	small := resample(in, w, h)
	// Centre of mass.
	var sum, sx, sy float64
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := float64(small[y*w+x])
			sum += v
			sx += v * float64(x)
			sy += v * float64(y)
		}
	}
	if sum == 0 {
		return g
	}
	ox := int(math.Round(float64(Side)/2 - 0.5 - sx/sum))
	oy := int(math.Round(float64(Side)/2 - 0.5 - sy/sum))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			tx, ty := x+ox, y+oy
			if tx >= 0 && tx < Side && ty >= 0 && ty < Side {
				g[ty*Side+tx] = small[y*w+x]
			}
		}
	}
	return Deskew(g)
}

// resample scales in to w×h by area averaging.
func resample(in Ink, w, h int) []float32 {
	out := make([]float32, w*h)
	fx := float64(in.W) / float64(w)
	fy := float64(in.H) / float64(h)
	for y := 0; y < h; y++ {
		y0, y1 := float64(y)*fy, float64(y+1)*fy
		for x := 0; x < w; x++ {
			x0, x1 := float64(x)*fx, float64(x+1)*fx
			var acc, area float64
			for sy := int(y0); sy < int(math.Ceil(y1)) && sy < in.H; sy++ {
				cy := math.Min(y1, float64(sy+1)) - math.Max(y0, float64(sy))
				for sx := int(x0); sx < int(math.Ceil(x1)) && sx < in.W; sx++ {
					cx := math.Min(x1, float64(sx+1)) - math.Max(x0, float64(sx))
					acc += float64(in.Pix[sy*in.W+sx]) * cx * cy
					area += cx * cy
				}
			}
			if area > 0 {
				out[y*w+x] = float32(min(1, acc/area*1.5)) // thin strokes stay dark when shrunk
			}
		}
	}
	return out
}

// Deskew removes a glyph's slant: a horizontal shear about its centre of
// mass by the ratio of its second moments, as is usual for MNIST.
func Deskew(g Glyph) Glyph {
	var sum, sx, sy float64
	for i, v := range g {
		sum += float64(v)
		sx += float64(v) * float64(i%Side)
		sy += float64(v) * float64(i/Side)
	}
	if sum == 0 {
		return g
	}
	cx, cy := sx/sum, sy/sum
	var mu11, mu02 float64
	for i, v := range g {
		dx, dy := float64(i%Side)-cx, float64(i/Side)-cy
		mu11 += float64(v) * dx * dy
		mu02 += float64(v) * dy * dy
	}
	if mu02 == 0 {
		return g
	}
	skew := mu11 / mu02
	var out Glyph
	for y := 0; y < Side; y++ {
		shift := skew * (float64(y) - cy)
		for x := 0; x < Side; x++ {
			// Linear interpolation along the row.
			src := float64(x) + shift
			x0 := int(math.Floor(src))
			f := src - float64(x0)
			var v float64
			if x0 >= 0 && x0 < Side {
				v += (1 - f) * float64(g[y*Side+x0])
			}
			if x0+1 >= 0 && x0+1 < Side {
				v += f * float64(g[y*Side+x0+1])
			}
			out[y*Side+x] = float32(v)
		}
	}
	return out
}

//go:embed model.bin
var modelBytes []byte

// Default returns the model shipped with the package.
var Default = sync.OnceValue(func() *Model {
	m, err := Unmarshal(modelBytes)
	if err != nil {
		panic(err) // the embedded file is part of the build
	}
	return m
})
