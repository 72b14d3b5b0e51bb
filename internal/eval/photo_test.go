package eval

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"slices"
)

// phoneImage is img, rendered at dpi, photographed with a phone held over
// a desk: the sheet smaller than the frame, its far edge narrower (the
// phone tilted toward the reader) and turned a little; a wooden desk
// around it, its grain in light and dark bands; lit more on one side, the
// hand's soft shadow over the bottom right, warm indoor light; the lens's
// slight blur and the sensor's noise; and a JPEG of quality 70, as a
// messaging app sends it.
func phoneImage(img *image.RGBA, dpi int) string { return photograph(img, dpi, 0) }

// bentPhoneImage is phoneImage of the sheet lying bent, its sides lifted
// toward the foot (a sheet taken out of a folder, or off a pile): each
// point of the photograph shows the sheet from further down, by lift
// times the sheet's height times the square of the point's distance from
// the middle (as a share of half the width), four tenths of that at the
// head and all of it at the foot, so that its lines bow up toward its
// sides.
func bentPhoneImage(lift float64) func(*image.RGBA, int) string {
	return func(img *image.RGBA, dpi int) string { return photograph(img, dpi, lift) }
}

// photograph is phoneImage, the sheet bent by lift (see bentPhoneImage).
func photograph(img *image.RGBA, dpi int, lift float64) string {
	r := img.Bounds()
	w, h := float64(r.Dx()), float64(r.Dy())
	W, H := int(w*1.12), int(h*1.08)
	// The sheet's corners in the photograph (top left, top right, bottom
	// right, bottom left), and in the sheet.
	mx, my := w*0.06, h*0.04
	photo := [4][2]float64{{mx + w*0.035, my + h*0.012}, {mx + w*0.975, my}, {mx + w, my + h*0.995}, {mx + w*0.01, my + h}}
	sheet := [4][2]float64{{0, 0}, {w, 0}, {w, h}, {0, h}}
	hm := homography(photo, sheet)
	rng := rand.New(rand.NewPCG(uint64(dpi), 7))
	out := image.NewRGBA(image.Rect(0, 0, W, H))
	cast := [3]float64{1.0, 0.95, 0.85}
	for y := range H {
		for x := range W {
			fx, fy := float64(x), float64(y)
			d := hm[6]*fx + hm[7]*fy + 1
			sx, sy := (hm[0]*fx+hm[1]*fy+hm[2])/d, (hm[3]*fx+hm[4]*fy+hm[5])/d
			if lift > 0 {
				u := 2*sx/w - 1
				sy += lift * h * u * u * (0.4 + 0.6*sy/h)
			}
			var c [3]float64
			if sx >= 0 && sy >= 0 && sx < w-1 && sy < h-1 {
				c = bilinear(img, sx, sy)
			} else {
				n := 8 * math.Sin(fy/9+math.Sin(fx/40)) // the grain
				c = [3]float64{96 + n, 70 + n, 52 + n}
			}
			// A quarter darker at the far corner than at the top left,
			// and the shadow's 30% at its heart.
			l := 1 - 0.25*(fx/float64(W)*0.6+fy/float64(H)*0.4)
			dx, dy := (fx-float64(W)*0.95)/(float64(W)*0.35), (fy-float64(H)*0.98)/(float64(H)*0.2)
			if e := dx*dx + dy*dy; e < 1 {
				l *= 1 - 0.3*(1-e)
			}
			var px [3]uint8
			for k := range 3 {
				px[k] = uint8(max(0, min(255, c[k]*l*cast[k]+rng.NormFloat64()*4)))
			}
			out.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	blur3(out)
	var b bytes.Buffer
	jpeg.Encode(&b, out, &jpeg.Options{Quality: 70})
	return fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
		W, H, b.Len(), b.String())
}

// bilinear is img's colour at (x, y), between its pixels.
func bilinear(img *image.RGBA, x, y float64) [3]float64 {
	x0, y0 := int(x), int(y)
	ax, ay := x-float64(x0), y-float64(y0)
	r := img.Bounds()
	var out [3]float64
	for _, p := range [4]struct {
		dx, dy int
		wt     float64
	}{{0, 0, (1 - ax) * (1 - ay)}, {1, 0, ax * (1 - ay)}, {0, 1, (1 - ax) * ay}, {1, 1, ax * ay}} {
		c := img.RGBAAt(r.Min.X+x0+p.dx, r.Min.Y+y0+p.dy)
		out[0] += p.wt * float64(c.R)
		out[1] += p.wt * float64(c.G)
		out[2] += p.wt * float64(c.B)
	}
	return out
}

// blur3 blurs img in place by a 3×3 box: a lens's and a demosaic's
// softness.
func blur3(img *image.RGBA) {
	src := slices.Clone(img.Pix)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			for k := range 3 {
				s := 0
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						s += int(src[(y+dy)*img.Stride+(x+dx)*4+k])
					}
				}
				img.Pix[y*img.Stride+x*4+k] = uint8(s / 9)
			}
		}
	}
}

// homography is the projective map that takes each of the four points
// from to the same point of to: h[0..7] of the matrix whose last entry
// is 1, solved by Gauss–Jordan elimination.
func homography(from, to [4][2]float64) [8]float64 {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := from[i][0], from[i][1], to[i][0], to[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		for r := range 8 {
			if r != c {
				f := a[r][c] / a[c][c]
				for k := c; k < 9; k++ {
					a[r][k] -= f * a[c][k]
				}
			}
		}
	}
	var h [8]float64
	for i := range 8 {
		h[i] = a[i][8] / a[i][i]
	}
	return h
}
