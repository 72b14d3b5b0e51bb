package digits

import (
	"encoding/binary"
	"errors"
	"math"
)

// Model is a small convolutional network of LeNet's shape: two layers of
// 5×5 convolutions, each followed by a ReLU and a 2×2 max-pooling, then a
// hidden layer (ReLU) and a softmax over the ten digits. Convolutions see
// a stroke by its shape wherever it stands and however thick it is, where
// a network on the raw pixels learns where MNIST's strokes stand.
type Model struct {
	K1, K2, Hidden int       // filters of the two convolutions, hidden units
	C1, CB1        []float32 // K1 × 5×5, K1
	C2, CB2        []float32 // K2 × K1×5×5, K2
	F1, FB1        []float32 // Hidden × K2×4×4, Hidden
	F2, FB2        []float32 // 10 × Hidden, 10
}

// The sides of the layers: a 28×28 glyph, 24×24 after the first
// convolution, 12×12 pooled, 8×8 after the second, 4×4 pooled.
const (
	Kern  = 5
	side1 = Side - Kern + 1
	pool1 = side1 / 2
	side2 = pool1 - Kern + 1
	pool2 = side2 / 2
)

// Layer sizes for a model's shape.
func (m *Model) n1() int { return m.K1 * side1 * side1 }
func (m *Model) p1() int { return m.K1 * pool1 * pool1 }
func (m *Model) n2() int { return m.K2 * side2 * side2 }

// Flat is the number of inputs of the hidden layer.
func (m *Model) Flat() int { return m.K2 * pool2 * pool2 }

// Activations are the layers of one forward pass, kept for training: each
// convolution's output after its ReLU, the pooled maps with the index of
// the maximum each pooled value came from, and the hidden layer.
type Activations struct {
	A1, P1 []float32
	I1     []int32
	A2, P2 []float32
	I2     []int32
	H      []float32
}

// NewActivations returns room for one forward pass of m.
func (m *Model) NewActivations() *Activations {
	return &Activations{
		A1: make([]float32, m.n1()), P1: make([]float32, m.p1()), I1: make([]int32, m.p1()),
		A2: make([]float32, m.n2()), P2: make([]float32, m.Flat()), I2: make([]int32, m.Flat()),
		H: make([]float32, m.Hidden),
	}
}

// Probs returns the probability of each digit for g.
func (m *Model) Probs(g *Glyph) []float64 { return m.Forward(g, m.NewActivations()) }

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

// Forward runs the network on g, leaves its layers in a and returns the
// probability of each digit.
func (m *Model) Forward(g *Glyph, a *Activations) []float64 {
	conv(g[:], 1, Side, m.C1, m.CB1, m.K1, a.A1)
	pool(a.A1, m.K1, side1, a.P1, a.I1)
	conv(a.P1, m.K1, pool1, m.C2, m.CB2, m.K2, a.A2)
	pool(a.A2, m.K2, side2, a.P2, a.I2)
	n := m.Flat()
	for j := range a.H {
		row := m.F1[j*n : (j+1)*n]
		s := m.FB1[j]
		for i, v := range a.P2 {
			s += row[i] * v
		}
		a.H[j] = max(s, 0)
	}
	out := make([]float64, 10)
	top := math.Inf(-1)
	for k := range out {
		row := m.F2[k*m.Hidden : (k+1)*m.Hidden]
		s := m.FB2[k]
		for j, v := range a.H {
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

// conv applies k filters of Kern×Kern over c channels to in (c maps of
// side×side) and writes the ReLU of each, (side-Kern+1)² per filter, to
// out.
func conv(in []float32, c, side int, w, b []float32, k int, out []float32) {
	o := side - Kern + 1
	for f := 0; f < k; f++ {
		fw := w[f*c*Kern*Kern : (f+1)*c*Kern*Kern]
		for y := 0; y < o; y++ {
			for x := 0; x < o; x++ {
				s := b[f]
				for ch := 0; ch < c; ch++ {
					src := in[ch*side*side:]
					kw := fw[ch*Kern*Kern:]
					for ky := 0; ky < Kern; ky++ {
						row := src[(y+ky)*side+x:]
						kr := kw[ky*Kern:]
						for kx := 0; kx < Kern; kx++ {
							s += kr[kx] * row[kx]
						}
					}
				}
				out[f*o*o+y*o+x] = max(s, 0)
			}
		}
	}
}

// pool takes the maximum of each 2×2 square of c maps of side×side into
// out, and the index in in of each maximum into at.
func pool(in []float32, c, side int, out []float32, at []int32) {
	h := side / 2
	for ch := 0; ch < c; ch++ {
		for y := 0; y < h; y++ {
			for x := 0; x < h; x++ {
				i := ch*side*side + 2*y*side + 2*x
				best := int32(i)
				for _, j := range [4]int{i, i + 1, i + side, i + side + 1} {
					if in[j] > in[best] {
						best = int32(j)
					}
				}
				out[ch*h*h+y*h+x] = in[best]
				at[ch*h*h+y*h+x] = best
			}
		}
	}
}

// The model file: "VTDC", then K1, K2, Hidden as little-endian uint32,
// then each layer's rows (a filter, a hidden unit, a digit), each a
// float32 scale and an int8 per weight, then the layer's biases as
// float32.
var magic = [4]byte{'V', 'T', 'D', 'C'}

// layers lists m's weights and biases with their rows and columns.
func (m *Model) layers() []struct {
	w, b       *[]float32
	rows, cols int
} {
	return []struct {
		w, b       *[]float32
		rows, cols int
	}{
		{&m.C1, &m.CB1, m.K1, Kern * Kern},
		{&m.C2, &m.CB2, m.K2, m.K1 * Kern * Kern},
		{&m.F1, &m.FB1, m.Hidden, m.Flat()},
		{&m.F2, &m.FB2, 10, m.Hidden},
	}
}

// Marshal writes m with its weights quantised to 8 bits per row.
func (m *Model) Marshal() []byte {
	var b []byte
	b = append(b, magic[:]...)
	for _, n := range []int{m.K1, m.K2, m.Hidden} {
		b = binary.LittleEndian.AppendUint32(b, uint32(n))
	}
	for _, l := range m.layers() {
		w := *l.w
		for r := 0; r < l.rows; r++ {
			row := w[r*l.cols : (r+1)*l.cols]
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
		for _, v := range *l.b {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	return b
}

// Unmarshal reads a model written by Marshal.
func Unmarshal(b []byte) (*Model, error) {
	bad := errors.New("digits: not a model file")
	if len(b) < 16 || [4]byte(b[:4]) != magic {
		return nil, bad
	}
	le := binary.LittleEndian
	m := &Model{K1: int(le.Uint32(b[4:])), K2: int(le.Uint32(b[8:])), Hidden: int(le.Uint32(b[12:]))}
	if m.K1 <= 0 || m.K1 > 64 || m.K2 <= 0 || m.K2 > 128 || m.Hidden <= 0 || m.Hidden > 1024 {
		return nil, bad
	}
	b = b[16:]
	for _, l := range m.layers() {
		if len(b) < l.rows*(4+l.cols)+4*l.rows {
			return nil, bad
		}
		w := make([]float32, l.rows*l.cols)
		for r := 0; r < l.rows; r++ {
			scale := math.Float32frombits(le.Uint32(b))
			for c := 0; c < l.cols; c++ {
				w[r*l.cols+c] = float32(int8(b[4+c])) * scale
			}
			b = b[4+l.cols:]
		}
		bias := make([]float32, l.rows)
		for r := range bias {
			bias[r] = math.Float32frombits(le.Uint32(b[4*r:]))
		}
		b = b[4*l.rows:]
		*l.w, *l.b = w, bias
	}
	if len(b) != 0 {
		return nil, bad
	}
	return m, nil
}
