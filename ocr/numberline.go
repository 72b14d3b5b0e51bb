package ocr

import (
	"image"
	"image/color"
	"slices"
	"strings"

	"github.com/otiai10/gosseract/v2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// rereadNumberLine reads the row of a first page's number again from the
// page in its colours with every ink of a colour made paper (withoutColour),
// where such ink lies on that row and the reading without it finds the
// number's label and code more surely. A văn thư writes the number by
// hand into the printed "Số: …/QĐ-UBND" in blue or purple ink, in figures
// often taller than the print and close against it, and Tesseract,
// reading the row as one line, bends the print around them: the code read
// "qQb" for QĐ, "v?CP" for VPCP, the line split, the code lost. Without
// the ink the printed row reads as printed; the figures are then read
// from the page's colours by the digit model (readHeaderInk), as in any
// slot Tesseract left blank. decode gives the page as scanned, upright;
// cl is its cleaning; words the first reading, in stored-page pixels of
// the page turned level.
func (w *Worker) rereadNumberLine(decode func() image.Image, cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	bands := numberRows(toWords(words), width, height)
	if len(bands) == 0 {
		return words
	}
	page := decode()
	if page == nil {
		return words
	}
	level := turned(page, cl.Skew)
	i := slices.IndexFunc(bands, func(b numberBand) bool { return colouredInk(level, b.row, b.print*b.print/4) })
	if i < 0 {
		return words
	}
	row := bands[i].row
	second := w.readWithoutColour(level, row, cl.DPI)
	for i := range second {
		second[i].BlockNum += 1 << 19 // lines of their own
	}
	var first, out []gosseract.BoundingBox
	for _, b := range words {
		if boxCentre(b.Box).In(row) {
			first = append(first, b)
		} else {
			out = append(out, b)
		}
	}
	if !numberSlot(second, width, height) || numberSlot(first, width, height) && meanConf(first) >= meanConf(second) {
		return words
	}
	return append(out, second...)
}

// readWithoutColour reads the part r of level (a page turned level, at dpi)
// with every ink of a colour made paper (withoutColour), scaled and
// filtered as a page is; the boxes are in level's pixels. It reads none
// where the part cannot be read.
func (w *Worker) readWithoutColour(level image.Image, r image.Rectangle, dpi int) []gosseract.BoundingBox {
	strip, err := EncodePNG(withoutColour(level, r), dpi)
	if err != nil {
		return nil
	}
	block, err := CleanRegion(strip, dpi, []string{StepScale, StepMedian}, image.Rect(0, 0, r.Dx(), r.Dy()))
	if err != nil {
		return nil
	}
	words, err := w.recognize(block.Image)
	if err != nil {
		return nil
	}
	unscale(words, block.Scale)
	for i := range words {
		words[i].Box = words[i].Box.Add(r.Min)
	}
	return words
}

// withoutColour is the part r of img in grey: the brightest of each
// pixel's channels, those whose channels stand colourSpread apart or more
// (ink of a colour: blue or purple handwriting, a red seal) made paper,
// and the light greys over inkClip (the pale edge of such ink) too.
// (Cut close: Tesseract read the row worse with a line's white above and
// below it.)
func withoutColour(img image.Image, r image.Rectangle) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			hi, spread := channels(img.At(x, y))
			v := uint8(0xff)
			if spread < colourSpread && hi < inkClip {
				v = uint8(hi * 0xff / inkClip)
			}
			g.Pix[(y-r.Min.Y)*g.Stride+x-r.Min.X] = v
		}
	}
	return g
}

// colourSpread is how far apart a pixel's channels are (0–255) for it to
// be taken for ink of a colour: ballpoint blue on a scan stands about 100
// apart, a red seal more; black print and paper, and the colour fringes
// JPEG leaves round black print, under 40. inkClip is the grey at and over
// which a pixel is paper, as the red dropout clips the red channel.
const (
	colourSpread = 60
	inkClip      = 190
)

// numberRows are the rows where a first page's number may be, in the
// header (the top 40% of the page), most likely first: around the label
// "Số" read on the date line's row, which NĐ 30 sets beside it; around
// another label (not the SỞ of a department's name); then the rows of the
// left column near the date line, nearest first (a Party committee's
// number stands a line under it). Each comes with the height of its print,
// and reaches half that above and below the print, and across the left
// column to the date line.
func numberRows(words []vanthu.Word, width, height int) []numberBand {
	return rowsOfNumber(layout.Segments(vanthu.Page{Width: width, Words: words}), width, height)
}

// rowsOfNumber is numberRows of a page's segments.
func rowsOfNumber(segs []layout.Segment, width, height int) []numberBand {
	var date *layout.Segment
	if d, ok := dateLine(segs, width, height); ok {
		date = &d
	}
	right := width / 2
	if date != nil && date.X0 > width/4 {
		right = min(right, date.X0)
	}
	band := func(y0, y1 int) numberBand {
		h := y1 - y0
		return numberBand{image.Rect(0, max(0, y0-h/2), right, min(height, y1+h/2)), h}
	}
	var labels, near []numberBand
	dateMid, dateH := 0, 0
	if date != nil {
		dateMid, dateH = (date.Y0+date.Y1)/2, printHeight(date.Words)
	}
	for _, s := range segs {
		if s.Y0 > height*2/5 || s.X0 >= width/2 || len(s.Words) == 0 {
			continue
		}
		mid := (s.Y0 + s.Y1) / 2
		if w := s.Words[0]; isNumberLabel(w.Text) && dict.NFC(strings.TrimRight(w.Text, ":")) != "SỞ" {
			b := band(w.Y0, w.Y1)
			if date != nil && mid > date.Y0 && mid < date.Y1 {
				labels = append([]numberBand{b}, labels...)
			} else {
				labels = append(labels, b)
			}
			continue
		}
		if date != nil && mid > dateMid-2*dateH && mid < dateMid+3*dateH {
			h := printHeight(s.Words)
			near = append(near, band(mid-h/2, mid+h/2))
		}
	}
	if date != nil {
		near = append(near, band(dateMid-dateH/2, dateMid+dateH/2))
	}
	slices.SortStableFunc(near, func(a, b numberBand) int {
		return abs((a.row.Min.Y+a.row.Max.Y)/2-dateMid) - abs((b.row.Min.Y+b.row.Max.Y)/2-dateMid)
	})
	return slices.DeleteFunc(append(labels, near...), func(b numberBand) bool { return b.print <= 0 })
}

// dateLine is the date line of a first page among its segments: in the
// header (the top 40%), reaching into the right half, with "ngày" and
// "tháng".
func dateLine(segs []layout.Segment, width, height int) (layout.Segment, bool) {
	for _, s := range segs {
		if f := fold(s.Text); s.Y0 <= height*2/5 && s.X1 > width/2 && strings.Contains(f, "NGAY") && strings.Contains(f, "THANG") {
			return s, true
		}
	}
	return layout.Segment{}, false
}

// numberBand is a row where the number may be, with its print's height.
type numberBand struct {
	row   image.Rectangle
	print int
}

// printHeight is the height of the print of words: their median height,
// or the least of two (a word of handwriting stands taller).
func printHeight(words []vanthu.Word) int {
	var hs []int
	for _, w := range words {
		hs = append(hs, w.Y1-w.Y0)
	}
	slices.Sort(hs)
	if len(hs) < 3 {
		return hs[0]
	}
	return hs[len(hs)/2]
}

// numberSlot reports whether words read the number's label and its code
// after it: the slot the digit model reads (inkSlots).
func numberSlot(words []gosseract.BoundingBox, width, height int) bool {
	return slices.ContainsFunc(inkSlots(toWords(words), width, height), func(s inkSlot) bool { return !s.day && !s.month })
}

// colouredInk reports whether at least least pixels of r in img are ink of
// a colour (channels colourSpread apart or more, as withoutColour takes
// them).
func colouredInk(img image.Image, r image.Rectangle, least int) bool {
	r = r.Intersect(img.Bounds())
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if _, spread := channels(img.At(x, y)); spread >= colourSpread {
				if n++; n >= least {
					return true
				}
			}
		}
	}
	return false
}

// channels gives the brightest of c's channels and how far apart its
// brightest and darkest stand (0–255).
func channels(c color.Color) (hi, spread int) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	h, l := max(n.R, n.G, n.B), min(n.R, n.G, n.B)
	return int(h), int(h) - int(l)
}

// meanConf is the mean confidence of words (0 for none).
func meanConf(words []gosseract.BoundingBox) float64 {
	var sum float64
	for _, w := range words {
		sum += w.Confidence
	}
	return sum / float64(max(1, len(words)))
}
