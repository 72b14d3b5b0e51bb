package eval

// The ways of scanning paper that the evaluation's columns simulate: each
// takes a page drawn (or rendered) at the scan's resolution and gives the
// PDF image XObject a scanner would write.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// jpegImage is img as a JPEG image XObject, as scanners write colour.
func jpegImage(img *image.RGBA, _ int) string {
	var b bytes.Buffer
	jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	r := img.Bounds()
	return fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
		r.Dx(), r.Dy(), b.Len(), b.String())
}

// turnedGreyImage is img in grey, turned 1.5° on the glass, as a JPEG
// of quality 50: a cheap scanner's or a copier's scan-to-PDF.
func turnedGreyImage(img *image.RGBA, _ int) string {
	r := img.Bounds()
	grey := image.NewGray(r)
	for i := range grey.Pix {
		grey.Pix[i] = 255
	}
	draw.BiLinear.Transform(grey, turn(r, 1.5), img, r, draw.Over, nil)
	var b bytes.Buffer
	jpeg.Encode(&b, grey, &jpeg.Options{Quality: 50})
	return fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
		r.Dx(), r.Dy(), b.Len(), b.String())
}

// askewShowingThroughImage is img printed on both sides of thin paper
// (showThrough) and laid on the glass turned 4°, as a JPEG.
func askewShowingThroughImage(img *image.RGBA, _ int) string {
	sheet := showThrough(img, 200)
	r := sheet.Bounds()
	out := image.NewRGBA(r)
	draw.Draw(out, r, image.White, image.Point{}, draw.Src)
	draw.BiLinear.Transform(out, turn(r, -4), sheet, r, draw.Over, nil)
	return jpegImage(out, 0)
}

// turn is the transform that turns r by deg degrees about its centre.
func turn(r image.Rectangle, deg float64) f64.Aff3 {
	a := deg * math.Pi / 180
	cx, cy := float64(r.Dx())/2, float64(r.Dy())/2
	sin, cos := math.Sin(a), math.Cos(a)
	return f64.Aff3{cos, -sin, cx - cx*cos + cy*sin, sin, cos, cy - cx*sin - cy*cos}
}

// upsideDownImage is img turned half a turn, as a JPEG: a sheet fed into
// the scanner head first.
func upsideDownImage(img *image.RGBA, _ int) string { return jpegImage(quarterTurned(img, 2), 0) }

// sidewaysImage is img turned a quarter clockwise, as a JPEG: a sheet
// laid on its side on the glass.
func sidewaysImage(img *image.RGBA, _ int) string { return jpegImage(quarterTurned(img, 1), 0) }

// quarterTurned is img turned clockwise by turns quarter turns.
func quarterTurned(img *image.RGBA, turns int) *image.RGBA {
	for range turns {
		r := img.Bounds()
		out := image.NewRGBA(image.Rect(0, 0, r.Dy(), r.Dx()))
		for y := range r.Dy() {
			for x := range r.Dx() {
				out.SetRGBA(r.Dy()-1-y, x, img.RGBAAt(r.Min.X+x, r.Min.Y+y))
			}
		}
		img = out
	}
	return img
}

// darkBedImage is img laid on a flatbed scanner's glass off its top and
// left edges, the lid open: the scan is larger than the sheet and dark
// around it (8% wider, 4% taller), as a JPEG.
func darkBedImage(img *image.RGBA, _ int) string {
	r := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, r.Dx()*108/100, r.Dy()*104/100))
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{35, 35, 38, 255}), image.Point{}, draw.Src)
	at := image.Pt(r.Dx()*5/100, r.Dy()/100)
	draw.Draw(out, r.Sub(r.Min).Add(at), img, r.Min, draw.Src)
	return jpegImage(out, 0)
}

// showThrough is img, of dpi, printed on thin paper whose back holds
// print too: the back's print shows through mirrored, blurred by the
// paper and faint (at most 20% darker than the paper), its lines between
// the front's. The back is the front itself, mirrored and moved down by
// half a line.
func showThrough(img *image.RGBA, dpi int) *image.RGBA {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	back := make([]float64, w*h) // the back's darkness, 0 to 1
	shift := dpi / 12
	for y := shift; y < h; y++ {
		for x := range w {
			g := color.GrayModel.Convert(img.At(r.Min.X+w-1-x, r.Min.Y+y-shift)).(color.Gray)
			back[y*w+x] = 1 - float64(g.Y)/255
		}
	}
	back = boxBlur(back, w, h, max(1, dpi/100))
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := img.RGBAAt(r.Min.X+x, r.Min.Y+y)
			k := 1 - 0.2*back[y*w+x]
			out.SetRGBA(x, y, color.RGBA{uint8(float64(c.R) * k), uint8(float64(c.G) * k), uint8(float64(c.B) * k), 255})
		}
	}
	return out
}

// boxBlur blurs the w×h values v with a box of radius rad, across then
// down.
func boxBlur(v []float64, w, h, rad int) []float64 {
	pass := func(in []float64, n, lines int, at func(line, i int) int) []float64 {
		out := make([]float64, len(in))
		for l := range lines {
			for i := range n {
				sum, cnt := 0.0, 0
				for j := max(0, i-rad); j <= min(n-1, i+rad); j++ {
					sum += in[at(l, j)]
					cnt++
				}
				out[at(l, i)] = sum / float64(cnt)
			}
		}
		return out
	}
	v = pass(v, w, h, func(y, x int) int { return y*w + x })
	return pass(v, h, w, func(x, y int) int { return y*w + x })
}

// faxImage is img, scanned at dpi, as a fax machine sends it in its
// standard mode: half as many lines as columns an inch (98 against 204),
// one bit a pixel; the page stretches it back to the sheet's shape. The
// sending machine prints its line across the top of the page (faxLine).
func faxImage(img *image.RGBA, dpi int) string {
	img = withFaxLine(img, dpi)
	r := img.Bounds()
	squat := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()*98/204))
	draw.CatmullRom.Scale(squat, squat.Bounds(), img, r, draw.Src, nil)
	return bilevelImage(squat, 0)
}

// fadedBilevelImage is img printed as the printer's toner runs out, its
// black a dark grey (ink at 85% of its darkness), and scanned at one bit
// per pixel, black below mid-grey: the edges of every stroke, lighter
// still, fall on the paper's side, and a stroke of a pixel or two (a T's
// bar, the tail of a sắc, the bowl of a breve) thins or breaks.
func fadedBilevelImage(img *image.RGBA, _ int) string {
	return oneBit(img, func(c color.RGBA) bool {
		ink := 255 - int(color.GrayModel.Convert(c).(color.Gray).Y)
		return 255-ink*85/100 >= 128
	})
}

// darkCopyImage is img copied on a copier set dark, as a received
// document often is before it is scanned, then scanned at one bit per
// pixel: the toner spreads (each pixel as dark as the darkest of it and
// the four beside it, a pixel's spread at 200 dpi), a grey haze lies
// over the sheet (20 of 255 darker), and toner specks of one or two
// pixels are strewn over it, one to every 5,000 pixels, the same on every
// run.
func darkCopyImage(img *image.RGBA, _ int) string {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	ink := make([]uint8, w*h) // darkness, 0 for paper
	for y := range h {
		for x := range w {
			ink[y*w+x] = 255 - color.GrayModel.Convert(img.RGBAAt(r.Min.X+x, r.Min.Y+y)).(color.Gray).Y
		}
	}
	spread := make([]uint8, w*h)
	for y := range h {
		for x := range w {
			d := ink[y*w+x]
			if x > 0 {
				d = max(d, ink[y*w+x-1])
			}
			if x < w-1 {
				d = max(d, ink[y*w+x+1])
			}
			if y > 0 {
				d = max(d, ink[(y-1)*w+x])
			}
			if y < h-1 {
				d = max(d, ink[(y+1)*w+x])
			}
			spread[y*w+x] = d
		}
	}
	seed := uint32(12345)
	next := func() int { // xorshift: the same specks on every run
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed)
	}
	for range w * h / 5000 {
		x, y, size := next()%(w-2), next()%(h-2), 1+next()%2
		for dy := range size {
			for dx := range size {
				spread[(y+dy)*w+x+dx] = 255
			}
		}
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for i, d := range spread {
		g := 255 - uint8(min(255, int(d)+20))
		out.Pix[4*i], out.Pix[4*i+1], out.Pix[4*i+2], out.Pix[4*i+3] = g, g, g, 255
	}
	return bilevelImage(out, 0)
}

// lightImage is img scanned light, as a JPEG: its ink at 45% of its
// darkness (black a mid-grey of 140, every colour as pale), as a scanner
// whose brightness is set high, or faint print, gives it.
func lightImage(img *image.RGBA, _ int) string {
	r := img.Bounds()
	out := image.NewRGBA(r)
	for i := 0; i < len(img.Pix); i += 4 {
		for c := range 3 {
			out.Pix[i+c] = uint8(255 - (255-int(img.Pix[i+c]))*45/100)
		}
		out.Pix[i+3] = 255
	}
	return jpegImage(out, 0)
}

// gutterImage is img as a page of a bound file scanned in colour, as a
// JPEG: the gutter's shadow along its left edge, 35% of the light at the
// edge, growing lighter as the square of the distance, gone a fifth of
// the way in.
func gutterImage(img *image.RGBA, _ int) string {
	r := img.Bounds()
	out := image.NewRGBA(r)
	edge := float64(r.Dx()) / 5
	for y := range r.Dy() {
		for x := range r.Dx() {
			k := 1.0
			if f := float64(x) / edge; f < 1 {
				k = 0.35 + 0.65*f*f
			}
			i, o := img.PixOffset(r.Min.X+x, r.Min.Y+y), out.PixOffset(x, y)
			for c := range 3 {
				out.Pix[o+c] = uint8(float64(img.Pix[i+c]) * k)
			}
			out.Pix[o+3] = 255
		}
	}
	return jpegImage(out, 0)
}

// bilevelImage is img at one bit per pixel, black below mid-grey.
func bilevelImage(img *image.RGBA, _ int) string {
	return oneBit(img, func(c color.RGBA) bool { return color.GrayModel.Convert(c).(color.Gray).Y >= 128 })
}

// oneBit is img at one bit per pixel, as a PDF image XObject: white where
// white says of a pixel's colour.
func oneBit(img *image.RGBA, white func(color.RGBA) bool) string {
	r := img.Bounds()
	stride := (r.Dx() + 7) / 8
	bits := make([]byte, stride*r.Dy())
	for y := range r.Dy() {
		for x := range r.Dx() {
			if white(img.RGBAAt(r.Min.X+x, r.Min.Y+y)) {
				bits[y*stride+x/8] |= 0x80 >> (x % 8) // 1 is white in DeviceGray
			}
		}
	}
	var b bytes.Buffer
	z := zlib.NewWriter(&b)
	z.Write(bits)
	z.Close()
	return fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream",
		r.Dx(), r.Dy(), b.Len(), b.String())
}

// foldedPunchedImage is img, of dpi, as a letter folded in three for
// the post, then filed in a binder (foldedPunched), scanned in one bit.
func foldedPunchedImage(img *image.RGBA, dpi int) string {
	return bilevelImage(foldedPunched(img, dpi), 0)
}

// foldedPunched is img, of dpi, as a letter folded in three for the post
// and unfolded on the glass, then filed in a binder: two creases across
// the sheet from edge to edge, a little askew and bent, each a thin line
// darker than the paper (the first lifted from the glass, dark, with its
// shadow under it; the second fainter); and two holes punched in its left
// margin (ISO 838: 6 mm across, 12 mm from the edge, 80 mm apart), black
// where the lid or the feeder behind them is dark.
func foldedPunched(img *image.RGBA, dpi int) *image.RGBA {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	mm := float64(dpi) / 25.4
	creases := []struct{ y, dark, shade float64 }{{float64(h) / 3, 0.6, 0.15}, {float64(h) * 2 / 3, 0.35, 0}}
	holes := []image.Point{{int(12 * mm), h/2 - int(40*mm)}, {int(12 * mm), h/2 + int(40*mm)}}
	rad := 3 * mm
	for y := range h {
		for x := range w {
			k := 1.0
			for _, c := range creases {
				at := c.y + 3*math.Sin(float64(x)/float64(w)*math.Pi*1.3) + float64(x)/float64(w)*4
				d := float64(y) - at
				k *= 1 - c.dark*math.Exp(-d*d/1.5)
				if d > 0 && c.shade > 0 {
					k *= 1 - c.shade*math.Exp(-d/(4*mm/3))
				}
			}
			i, o := img.PixOffset(r.Min.X+x, r.Min.Y+y), out.PixOffset(x, y)
			for c := range 3 {
				out.Pix[o+c] = uint8(float64(img.Pix[i+c]) * k)
			}
			out.Pix[o+3] = 255
			for _, p := range holes {
				if dx, dy := float64(x-p.X), float64(y-p.Y); dx*dx+dy*dy < rad*rad {
					out.SetRGBA(x, y, color.RGBA{20, 20, 22, 255})
				}
			}
		}
	}
	return out
}

// stapledImage is img, of dpi, as a JPEG with a staple in its top left
// corner (stapled).
func stapledImage(img *image.RGBA, dpi int) string {
	return jpegImage(stapled(img, dpi), 0)
}

// stapled is img, of dpi, with the crown of a staple (a 24/6: 12 mm long,
// its wire 0.6 mm) in its top left corner, askew at 40° with its centre
// 11 mm from the top and 14 from the left: dark grey steel, and its
// shadow on the paper beside it. Drawn on every page (only a
// set's first page shows it from the front: the others show its holes).
func stapled(img *image.RGBA, dpi int) *image.RGBA {
	r := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), img, r.Min, draw.Src)
	mm := float64(dpi) / 25.4
	cx, cy := 14*mm, 11*mm
	sin, cos := math.Sincos(40 * math.Pi / 180)
	half, wire := 6*mm, 0.3*mm
	for y := int(cy - 8*mm); y <= int(cy+8*mm); y++ {
		for x := int(cx - 8*mm); x <= int(cx+8*mm); x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			along, across := dx*cos+dy*sin, -dx*sin+dy*cos
			if math.Abs(along) > half+wire {
				continue
			}
			o := out.PixOffset(x, y)
			switch {
			case math.Abs(across) <= wire:
				copy(out.Pix[o:o+3], []uint8{88, 90, 96})
			case across > wire && across <= wire+0.5*mm: // its shadow
				for c := range 3 {
					out.Pix[o+c] = uint8(float64(out.Pix[o+c]) * 0.8)
				}
			}
		}
	}
	return out
}

// faxLine is the line a sending fax machine prints across the top of
// each page it sends, in small capitals without marks: the time it sent
// it, its number, its station's name and the page. Drawn at 300 dpi
// (pagerender), cut to the line; nil where the fonts are not installed.
var faxLine = sync.OnceValue(func() *image.Gray {
	r, err := pagerender.New()
	if err != nil {
		return nil
	}
	g := r.Render([]string{"07/01/2025 14:32   FAX 02553822111   VP UBND TINH   P.001/002"})
	return g.SubImage(image.Rect(200, 120, g.Bounds().Dx(), 200)).(*image.Gray)
})

// withFaxLine is img, of dpi, with faxLine printed over it 2 mm from its
// top and 5 mm from its left, at 9 points.
func withFaxLine(img *image.RGBA, dpi int) *image.RGBA {
	line := faxLine()
	if line == nil {
		return img
	}
	f := float64(dpi) / pagerender.DPI * 9 / 13 // pagerender sets 13 points
	b := line.Bounds()
	small := image.NewGray(image.Rect(0, 0, int(float64(b.Dx())*f), int(float64(b.Dy())*f)))
	draw.CatmullRom.Scale(small, small.Bounds(), line, b, draw.Src, nil)
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	at := out.Bounds().Min.Add(image.Pt(int(5*float64(dpi)/25.4), int(2*float64(dpi)/25.4)))
	for y := range small.Bounds().Dy() {
		for x := range small.Bounds().Dx() {
			if v := small.GrayAt(x, y).Y; v < out.RGBAAt(at.X+x, at.Y+y).R {
				out.SetRGBA(at.X+x, at.Y+y, color.RGBA{v, v, v, 255})
			}
		}
	}
	return out
}
