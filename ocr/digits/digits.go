// Package digits reads handwritten digits: the number and the day a văn
// thư writes by hand into the printed "Số: …/QĐ-UBND" and "ngày … tháng"
// of a document, which Tesseract, trained on print, misreads.
//
// A glyph is brought to the frame of the MNIST digits (the longer side 20
// pixels in a 28×28 field, centred by its centre of mass, its slant taken
// out) and classified by a small neural network trained on MNIST with the
// distortions of pen and scan (see internal/tools/traindigits). The model
// ships in the package (model.bin).
package digits

import (
	_ "embed"
	"encoding/binary"
	"errors"
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

// Model is a network of one hidden layer (ReLU) and a softmax output.
type Model struct {
	In, Hidden, Out int
	W1, B1          []float32 // Hidden×In, Hidden
	W2, B2          []float32 // Out×Hidden, Out
}

// Probs returns the probability of each digit for g.
func (m *Model) Probs(g *Glyph) []float64 { return m.Forward(g, make([]float32, m.Hidden)) }

// Forward runs the network on g, leaves the hidden layer's activations in
// h (Hidden long) and returns the probability of each digit.
func (m *Model) Forward(g *Glyph, h []float32) []float64 {
	for j := range h {
		row := m.W1[j*m.In : (j+1)*m.In]
		s := m.B1[j]
		for i, v := range g {
			if v != 0 {
				s += row[i] * v
			}
		}
		h[j] = max(s, 0)
	}
	out := make([]float64, m.Out)
	top := math.Inf(-1)
	for k := range out {
		row := m.W2[k*m.Hidden : (k+1)*m.Hidden]
		s := m.B2[k]
		for j, v := range h {
			s += row[j] * v
		}
		out[k] = float64(s)
		top = math.Max(top, out[k])
	}
	var z float64
	for k := range out {
		out[k] = math.Exp(out[k] - top)
		z += out[k]
	}
	for k := range out {
		out[k] /= z
	}
	return out
}

// Classify returns the likeliest digit for g and its probability.
func (m *Model) Classify(g *Glyph) (int, float64) {
	p := m.Probs(g)
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return best, p[best]
}

// The model file: "VTDG", then In, Hidden, Out as little-endian uint32,
// then each layer's rows, each a float32 scale and an int8 per input,
// then the layer's biases as float32.
var magic = [4]byte{'V', 'T', 'D', 'G'}

// Marshal writes m with its weights quantised to 8 bits per row.
func (m *Model) Marshal() []byte {
	var b []byte
	b = append(b, magic[:]...)
	for _, n := range []int{m.In, m.Hidden, m.Out} {
		b = binary.LittleEndian.AppendUint32(b, uint32(n))
	}
	layer := func(w, bias []float32, rows, cols int) {
		for r := 0; r < rows; r++ {
			row := w[r*cols : (r+1)*cols]
			var top float32
			for _, v := range row {
				top = max(top, float32(math.Abs(float64(v))))
			}
			scale := top / 127
			if scale == 0 {
				scale = 1
			}
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
			for _, v := range row {
				b = append(b, byte(int8(math.Round(float64(v/scale)))))
			}
		}
		for _, v := range bias {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	layer(m.W1, m.B1, m.Hidden, m.In)
	layer(m.W2, m.B2, m.Out, m.Hidden)
	return b
}

// Unmarshal reads a model written by Marshal.
func Unmarshal(b []byte) (*Model, error) {
	bad := errors.New("digits: not a model file")
	if len(b) < 16 || [4]byte(b[:4]) != magic {
		return nil, bad
	}
	m := &Model{In: int(binary.LittleEndian.Uint32(b[4:])), Hidden: int(binary.LittleEndian.Uint32(b[8:])), Out: int(binary.LittleEndian.Uint32(b[12:]))}
	if m.In != Size || m.Hidden <= 0 || m.Hidden > 4096 || m.Out != 10 {
		return nil, bad
	}
	b = b[16:]
	layer := func(rows, cols int) (w, bias []float32, err error) {
		if len(b) < rows*(4+cols)+4*rows {
			return nil, nil, bad
		}
		w = make([]float32, rows*cols)
		for r := 0; r < rows; r++ {
			scale := math.Float32frombits(binary.LittleEndian.Uint32(b))
			for c := 0; c < cols; c++ {
				w[r*cols+c] = float32(int8(b[4+c])) * scale
			}
			b = b[4+cols:]
		}
		bias = make([]float32, rows)
		for r := range bias {
			bias[r] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*r:]))
		}
		b = b[4*rows:]
		return w, bias, nil
	}
	var err error
	if m.W1, m.B1, err = layer(m.Hidden, m.In); err != nil {
		return nil, err
	}
	if m.W2, m.B2, err = layer(m.Out, m.Hidden); err != nil {
		return nil, err
	}
	return m, nil
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
