package main

// The network's training: back-propagation through the convolutional
// model of package digits, and SGD with momentum.

import (
	"math"
	"math/rand/v2"
	"sync"

	"github.com/vanthu/vanthu/ocr/digits"
)

// trainer is a model with its momentum.
type trainer struct {
	digits.Model
	vel [][]float32 // per parameter slice, in params' order
}

// params lists the model's parameter slices.
func params(m *digits.Model) [][]float32 {
	return [][]float32{m.C1, m.CB1, m.C2, m.CB2, m.F1, m.FB1, m.F2, m.FB2}
}

func newModel(k1, k2, hidden int, r *rand.Rand) *trainer {
	m := &trainer{Model: digits.Model{K1: k1, K2: k2, Hidden: hidden}}
	const kk = digits.Kern * digits.Kern
	he := func(n, fanIn int) []float32 {
		w := make([]float32, n)
		for i := range w {
			w[i] = float32(r.NormFloat64() * math.Sqrt(2/float64(fanIn)))
		}
		return w
	}
	m.C1, m.CB1 = he(k1*kk, kk), make([]float32, k1)
	m.C2, m.CB2 = he(k2*k1*kk, k1*kk), make([]float32, k2)
	m.F1, m.FB1 = he(hidden*m.Flat(), m.Flat()), make([]float32, hidden)
	m.F2, m.FB2 = he(10*hidden, hidden), make([]float32, 10)
	for _, p := range params(&m.Model) {
		m.vel = append(m.vel, make([]float32, len(p)))
	}
	return m
}

// step does one step of SGD with momentum on a mini-batch, the batch split
// over two goroutines; it returns the batch's summed cross-entropy.
func (m *trainer) step(xs []digits.Glyph, ys []int, idx []int, lr float32) float64 {
	type grads struct {
		g    [][]float32
		loss float64
	}
	halves := [2]grads{}
	var wg sync.WaitGroup
	for hi := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var g grads
			for _, p := range params(&m.Model) {
				g.g = append(g.g, make([]float32, len(p)))
			}
			a := m.NewActivations()
			b := newBack(&m.Model)
			for k := hi; k < len(idx); k += 2 {
				x := &xs[idx[k]]
				p := m.Forward(x, a)
				g.loss -= math.Log(math.Max(p[ys[idx[k]]], 1e-12))
				b.backward(&m.Model, x, ys[idx[k]], a, p, g.g)
			}
			halves[hi] = g
		}()
	}
	wg.Wait()
	n := float32(len(idx))
	for i, w := range params(&m.Model) {
		v, a, b := m.vel[i], halves[0].g[i], halves[1].g[i]
		for j := range w {
			v[j] = 0.9*v[j] - lr*(a[j]+b[j])/n
			w[j] += v[j]
		}
	}
	return halves[0].loss + halves[1].loss
}

// back holds the gradients of one sample's layers.
type back struct {
	dh, dp2, da2, dp1, da1 []float32
}

func newBack(m *digits.Model) *back {
	a := m.NewActivations()
	return &back{make([]float32, len(a.H)), make([]float32, len(a.P2)), make([]float32, len(a.A2)), make([]float32, len(a.P1)), make([]float32, len(a.A1))}
}

// backward adds to g (in params' order) the gradient of the cross-entropy
// of one sample x of label y, whose forward pass left a and gave p.
func (b *back) backward(m *digits.Model, x *digits.Glyph, y int, a *digits.Activations, p []float64, g [][]float32) {
	gc1, gcb1, gc2, gcb2, gf1, gfb1, gf2, gfb2 := g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]
	h, n := m.Hidden, m.Flat()
	clear(b.dh)
	for o := range p {
		d := float32(p[o])
		if o == y {
			d--
		}
		row, grow := m.F2[o*h:(o+1)*h], gf2[o*h:(o+1)*h]
		for j, v := range a.H {
			grow[j] += d * v
			b.dh[j] += d * row[j]
		}
		gfb2[o] += d
	}
	clear(b.dp2)
	for j, d := range b.dh {
		if a.H[j] <= 0 || d == 0 {
			continue
		}
		row, grow := m.F1[j*n:(j+1)*n], gf1[j*n:(j+1)*n]
		for i, v := range a.P2 {
			grow[i] += d * v
			b.dp2[i] += d * row[i]
		}
		gfb1[j] += d
	}
	unpool(b.dp2, a.I2, a.A2, b.da2)
	clear(b.dp1)
	convBack(a.P1, m.K1, (digits.Side-digits.Kern+1)/2, m.C2, m.K2, b.da2, gc2, gcb2, b.dp1)
	unpool(b.dp1, a.I1, a.A1, b.da1)
	convBack(x[:], 1, digits.Side, m.C1, m.K1, b.da1, gc1, gcb1, nil)
}

// unpool routes each pooled gradient to the maximum it came from, where
// the ReLU before the pooling passed it.
func unpool(dp []float32, at []int32, act, da []float32) {
	clear(da)
	for i, d := range dp {
		if act[at[i]] > 0 {
			da[at[i]] += d
		}
	}
}

// convBack adds the gradients of a convolution of k filters over c maps of
// side×side (in) given the gradient of its output (dout): to its weights
// (gw) and biases (gb), and to its input (din, unless nil).
func convBack(in []float32, c, side int, w []float32, k int, dout, gw, gb, din []float32) {
	const kern = digits.Kern
	o := side - kern + 1
	for f := 0; f < k; f++ {
		fw, fg := w[f*c*kern*kern:(f+1)*c*kern*kern], gw[f*c*kern*kern:(f+1)*c*kern*kern]
		for y := 0; y < o; y++ {
			for x := 0; x < o; x++ {
				d := dout[f*o*o+y*o+x]
				if d == 0 {
					continue
				}
				gb[f] += d
				for ch := 0; ch < c; ch++ {
					base := ch*side*side + y*side + x
					for ky := 0; ky < kern; ky++ {
						for kx := 0; kx < kern; kx++ {
							wi := ch*kern*kern + ky*kern + kx
							fg[wi] += d * in[base+ky*side+kx]
							if din != nil {
								din[base+ky*side+kx] += d * fw[wi]
							}
						}
					}
				}
			}
		}
	}
}
