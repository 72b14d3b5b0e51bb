// Command traindigits trains the handwritten-digit model of package
// ocr/digits on MNIST (LeCun, Cortes and Burges; CC BY-SA 3.0), with the
// distortions of a pen and a scan (slant, size, thickness, offset), and on
// digits drawn in the shapes of Vietnamese hands (package handwriting:
// the flagged 1, the barred 7, the looped 2), and writes
// ocr/digits/model.bin. Each training glyph goes through the same
// normalisation as a glyph cut from a page (digits.Normalize).
//
//	make digits-model   # fetches MNIST from the Go module proxy, trains, writes the model
package main

import (
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"

	"github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/ocr/digits"
)

func main() {
	dir := flag.String("mnist", "", "folder of the MNIST idx files (*.gz)")
	out := flag.String("out", "ocr/digits/model.bin", "model file to write")
	k1 := flag.Int("k1", 8, "filters of the first convolution")
	k2 := flag.Int("k2", 16, "filters of the second convolution")
	hidden := flag.Int("hidden", 64, "hidden units")
	epochs := flag.Int("epochs", 12, "passes over the training set")
	rate := flag.Float64("lr", 0.02, "learning rate of the first pass (each pass 0.8 of the last)")
	seed := flag.Uint64("seed", 1, "random seed (the model is reproducible for one seed)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("traindigits: -mnist DIR is required")
	}
	trainX, trainY := load(*dir, "train")
	testX, testY := load(*dir, "t10k")
	rng := rand.New(rand.NewPCG(*seed, 2))

	test := make([]digits.Glyph, len(testX))
	for i, img := range testX {
		test[i] = digits.Normalize(toInk(img, 28, 28))
	}
	m := newModel(*k1, *k2, *hidden, rng)
	lr := float32(*rate)
	for e := 0; e < *epochs; e++ {
		// MNIST, distorted afresh each pass, and a fifth as many digits
		// drawn in the shapes of Vietnamese hands (package handwriting).
		n := len(trainX) + len(trainX)/5
		order := rng.Perm(n)
		glyphs := make([]digits.Glyph, n)
		labels := make([]int, n)
		copy(labels, trainY)
		parallel(n, func(i int, r *rand.Rand) {
			if i < len(trainX) {
				glyphs[i] = digits.Normalize(distort(trainX[i], r))
				return
			}
			var ink digits.Ink
			ink, labels[i] = synth(r)
			glyphs[i] = digits.Normalize(ink)
		}, *seed+uint64(e))
		var loss float64
		const batch = 64
		for s := 0; s+batch <= len(order); s += batch {
			loss += m.step(glyphs, labels, order[s:s+batch], lr)
		}
		lr *= 0.8
		fmt.Printf("epoch %d: loss %.4f, test accuracy %.2f%%\n", e+1, loss/float64(len(order)), 100*accuracy(&m.Model, test, testY))
	}
	b := m.Marshal()
	q, err := digits.Unmarshal(b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("quantised: test accuracy %.2f%%, %d bytes\n", 100*accuracy(q, test, testY), len(b))
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// load reads one MNIST split: images (28×28 bytes, ink high) and labels.
func load(dir, split string) ([][]byte, []int) {
	read := func(name string) []byte {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			log.Fatal(err)
		}
		b, err := io.ReadAll(z)
		if err != nil {
			log.Fatal(err)
		}
		return b
	}
	ib := read(split + "-images-idx3-ubyte.gz")
	lb := read(split + "-labels-idx1-ubyte.gz")
	n := int(binary.BigEndian.Uint32(ib[4:]))
	if int(binary.BigEndian.Uint32(lb[4:])) != n || len(ib) < 16+n*784 || len(lb) < 8+n {
		log.Fatalf("traindigits: %s: sizes do not agree", split)
	}
	xs := make([][]byte, n)
	ys := make([]int, n)
	for i := range xs {
		xs[i] = ib[16+i*784 : 16+(i+1)*784]
		ys[i] = int(lb[8+i])
	}
	return xs, ys
}

// synth draws a random digit in one of its hand-written shapes, with a
// random pen and size, and returns it cropped to its ink with its label.
func synth(r *rand.Rand) (digits.Ink, int) {
	d := r.IntN(10)
	h := 40 + r.IntN(40)
	img := image.NewGray(image.Rect(0, 0, 2*h, 2*h))
	handwriting.DrawShape(img, rune('0'+d), r.IntN(handwriting.Shapes(rune('0'+d))), r, h/2, h/2, h,
		float64(h)*(0.06+0.08*r.Float64()), color.White)
	return toInk(img.Pix, 2*h, 2*h), d
}

// toInk crops a w×h grey image (ink high) to its ink.
func toInk(img []byte, w, h int) digits.Ink {
	x0, y0, x1, y1 := w, h, -1, -1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if img[y*w+x] > 25 {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	if x1 < 0 {
		return digits.Ink{}
	}
	in := digits.Ink{W: x1 - x0 + 1, H: y1 - y0 + 1}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			in.Pix = append(in.Pix, float32(img[y*w+x])/255)
		}
	}
	return in
}

// distort draws an MNIST digit as another hand and pen might have: an
// affine map (rotation, size, slant, aspect) at three times the
// resolution, strokes thickened or thinned, then cropped to its ink.
func distort(img []byte, r *rand.Rand) digits.Ink {
	const up = 3
	const side = 28 * up
	rot := (r.Float64()*2 - 1) * 12 * math.Pi / 180
	shear := (r.Float64()*2 - 1) * 0.3
	sx := 0.8 + 0.4*r.Float64()
	sy := 0.8 + 0.4*r.Float64()
	c, s := math.Cos(rot), math.Sin(rot)
	// Inverse map: from output pixel to source pixel.
	a, b := c*sx, -s*sx+shear
	d, e := s*sy, c*sy
	det := a*e - b*d
	ia, ib, id, ie := e/det, -b/det, -d/det, a/det
	big := make([]float64, side*side)
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			ox, oy := float64(x)/up-14, float64(y)/up-14
			srcX, srcY := ia*ox+ib*oy+14, id*ox+ie*oy+14
			big[y*side+x] = bilinear(img, srcX, srcY)
		}
	}
	// Pen width: a third of the time thicker, a fifth thinner.
	switch p := r.Float64(); {
	case p < 0.33:
		big = morph(big, side, up, math.Max)
	case p < 0.53:
		big = morph(big, side, up, math.Min)
	}
	bytes := make([]byte, len(big))
	for i, v := range big {
		bytes[i] = byte(math.Min(255, math.Max(0, v)))
	}
	return toInk(bytes, side, side)
}

func bilinear(img []byte, x, y float64) float64 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= 28 || y >= 28 {
			return 0
		}
		return float64(img[y*28+x])
	}
	return (1-fy)*((1-fx)*at(x0, y0)+fx*at(x0+1, y0)) + fy*((1-fx)*at(x0, y0+1)+fx*at(x0+1, y0+1))
}

// morph dilates (max) or erodes (min) with a square of side k.
func morph(in []float64, side, k int, op func(a, b float64) float64) []float64 {
	out := make([]float64, len(in))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			v := in[y*side+x]
			for dy := -k / 2; dy <= k/2; dy++ {
				for dx := -k / 2; dx <= k/2; dx++ {
					xx, yy := x+dx, y+dy
					if xx >= 0 && yy >= 0 && xx < side && yy < side {
						v = op(v, in[yy*side+xx])
					}
				}
			}
			out[y*side+x] = v
		}
	}
	return out
}

// parallel runs f over 0..n-1 on two goroutines, each with its own random
// source.
func parallel(n int, f func(i int, r *rand.Rand), seed uint64) {
	var wg sync.WaitGroup
	const workers = 2
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)+10))
			for i := w; i < n; i += workers {
				f(i, r)
			}
		}()
	}
	wg.Wait()
}

func accuracy(m *digits.Model, xs []digits.Glyph, ys []int) float64 {
	ok := 0
	for i := range xs {
		if d, _ := m.Classify(&xs[i]); d == ys[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(xs))
}
