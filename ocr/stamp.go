package ocr

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/ocr/digits"
)

// redStamp reads a red urgency stamp (HỎA TỐC, THƯỢNG KHẨN, KHẨN) in the
// top 45% of a colour page: the red dropout that keeps seals off the text
// takes it off too, and it is often stamped askew. The red ink's letters
// (its components of a letter's size: the stamp's frame and specks are
// not) are turned level along the line through their centres and read
// alone. It returns the mark as a word in the page's pixels.
func (w *Worker) redStamp(img image.Image) (vanthu.Word, bool) {
	b := img.Bounds()
	const step = 2 // every second pixel: letters are large
	mw, mh := b.Dx()/step, b.Dy()*45/100/step
	if mw < 50 || mh < 50 {
		return vanthu.Word{}, false
	}
	mask := make([]bool, mw*mh)
	red := 0
	for y := 0; y < mh; y++ {
		for x := 0; x < mw; x++ {
			r, g, bl, _ := img.At(b.Min.X+x*step, b.Min.Y+y*step).RGBA()
			if r>>8 > g>>8+60 && r>>8 > bl>>8+60 {
				mask[y*mw+x] = true
				red++
			}
		}
	}
	if red < 200 {
		return vanthu.Word{}, false
	}
	_, regions := digits.Label(mask, mw, mh)
	// A letter of 13–20 pt at the page's scale: between 0.4% and 2% of
	// the page's height.
	lo, hi := max(4, mh*100/45*4/1000), mh*100/45*2/100
	var letters []image.Rectangle
	for _, r := range regions {
		if c := r.Box; c.Dy() >= lo && c.Dy() <= hi && c.Dx() <= 2*hi {
			letters = append(letters, c)
		}
	}
	if len(letters) < 4 || len(letters) > 40 {
		return vanthu.Word{}, false // no stamp's worth of letters, or a seal's ring of text
	}
	// The line through the letters' centres (their second moments).
	var cx, cy float64
	for _, l := range letters {
		cx += float64(l.Min.X+l.Max.X) / 2
		cy += float64(l.Min.Y+l.Max.Y) / 2
	}
	n := float64(len(letters))
	cx, cy = cx/n, cy/n
	var sxx, sxy, syy float64
	for _, l := range letters {
		dx, dy := float64(l.Min.X+l.Max.X)/2-cx, float64(l.Min.Y+l.Max.Y)/2-cy
		sxx, sxy, syy = sxx+dx*dx, sxy+dx*dy, syy+dy*dy
	}
	angle := 0.5 * math.Atan2(2*sxy, sxx-syy)
	// The line of letters turned level, at the page's own scale, black on
	// white: all the red ink in the band the letters span (a letter
	// touching the frame is not a component of its own, but it lies in
	// the band; the frame's long sides lie outside it).
	sin, cos := math.Sin(angle), math.Cos(angle)
	minU, maxU, minV, maxV := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	var box image.Rectangle
	heights := 0
	for _, l := range letters {
		box = box.Union(l)
		heights += l.Dy()
		x, y := float64(l.Min.X+l.Max.X)/2-cx, float64(l.Min.Y+l.Max.Y)/2-cy
		u, v := x*cos+y*sin, -x*sin+y*cos
		minU, maxU, minV, maxV = math.Min(minU, u), math.Max(maxU, u), math.Min(minV, v), math.Max(maxV, v)
	}
	h := float64(heights) / n
	minU, maxU, minV, maxV = minU-1.5*h, maxU+1.5*h, minV-0.9*h, maxV+0.9*h
	ow, oh := int((maxU-minU)*step)+20, int((maxV-minV)*step)+20
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for y := 10; y < oh-10; y++ {
		for x := 10; x < ow-10; x++ {
			u, v := minU+float64(x-10)/step, minV+float64(y-10)/step
			sx, sy := int(cx+u*cos-v*sin), int(cy+u*sin+v*cos)
			if sx >= 0 && sy >= 0 && sx < mw && sy < mh && mask[sy*mw+sx] {
				out.SetGray(x, y, color.Gray{0})
			}
		}
	}
	var buf bytes.Buffer
	if png.Encode(&buf, out) != nil {
		return vanthu.Word{}, false
	}
	boxes, err := w.recognize(buf.Bytes())
	if err != nil {
		return vanthu.Word{}, false
	}
	var text []string
	var conf float64
	for _, bx := range boxes {
		text = append(text, bx.Word)
		conf += bx.Confidence
	}
	folded := strings.ToUpper(dict.Fold(dict.NFC(strings.Join(text, " "))))
	for _, u := range dict.Urgencies { // the marks a văn thư stamps in red
		if strings.Contains(folded, u.Folded) {
			full := image.Rect(b.Min.X+box.Min.X*step, b.Min.Y+box.Min.Y*step, b.Min.X+box.Max.X*step, b.Min.Y+box.Max.Y*step)
			return vanthu.Word{Text: strings.ToUpper(u.Name), X0: full.Min.X, Y0: full.Min.Y, X1: full.Max.X, Y1: full.Max.Y,
				Confidence: conf / float64(len(boxes))}, true
		}
	}
	return vanthu.Word{}, false
}

// readHeaderInk reads what the header of a first page holds in ink OCR
// does not read: the handwritten number and day (readInk), and a red
// urgency stamp (redStamp) when no mark of urgency was read. The page
// image is decoded once, and only for a page with an NĐ 30 header. The
// handwriting is read on the page turned as clean-up turned the page OCR
// read the words from (see Cleaned.Skew), so that a slot is where its
// words are; the stamp, found by its colour alone, on the page as
// scanned. On a coarse scan (see coarseDPI) what the slots hold is left
// for a clerk to confirm, whoever read it.
func (w *Worker) readHeaderInk(img []byte, cl Cleaned, words []vanthu.Word, width, height int) ([]vanthu.Word, bool) {
	var page image.Image
	decode := func() image.Image {
		if page == nil {
			page, _, _ = image.Decode(bytes.NewReader(img))
		}
		return page
	}
	slots := inkSlots(words, width, height)
	if len(slots) == 0 {
		return words, false // no NĐ 30 header
	}
	level := func() image.Image {
		if p := decode(); p != nil {
			return turned(p, cl.Skew)
		}
		return nil
	}
	words, changed := readInk(level, slots, words)
	if cl.DPI > 0 && cl.DPI < coarseDPI {
		words, changed = unsure(slots, words), true
	}
	if hasUrgency(words, height) {
		return words, changed
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(img)); err != nil || !colour(cfg.ColorModel) {
		return words, changed // a grey scan has no red (read from the header, not decoded)
	}
	p := decode()
	if p == nil {
		return words, changed
	}
	if mark, ok := w.redStamp(p); ok {
		line := 0
		for _, wd := range words {
			line = max(line, wd.Line+1)
		}
		mark.Line, mark.Block = line, 1<<21
		words, changed = append(words, mark), true
	}
	return words, changed
}

// hasUrgency reports whether a mark of urgency was read in the top 45% of
// the page.
func hasUrgency(words []vanthu.Word, height int) bool {
	for _, w := range words {
		if f := fold(w.Text); w.Y0 < height*45/100 && (strings.HasPrefix(f, "KHAN") || strings.HasPrefix(f, "TOC")) {
			return true
		}
	}
	return false
}

// colour reports whether a page image of colour model m may hold colour.
func colour(m color.Model) bool { return m != color.GrayModel && m != color.Gray16Model }
