package ocr

import (
	"bytes"
	"cmp"
	"image"
	"image/color"
	"image/png"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

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
	red := func(c color.Color) bool {
		r, g, bl, _ := c.RGBA()
		return r>>8 > g>>8+60 && r>>8 > bl>>8+60
	}
	m, ok := stampMask(img, red, nil)
	if !ok {
		return vanthu.Word{}, false
	}
	letters := m.letters()
	if len(letters) < 4 || len(letters) > 40 {
		return vanthu.Word{}, false // no stamp's worth of letters, or a seal's ring of text
	}
	return w.readStamp(m, letters, false)
}

// inkStamp reads an urgency stamp where no red one was found: on a grey
// or 1-bit scan the red ink came out grey or black. In the ink of the top
// 45% of the page that no word read with some confidence accounts for
// (read, the words, in the pixels of img), each cluster of letters
// stamped together, the largest first, is turned level and read as
// redStamp reads the red ones. A stamp set askew is no line of text to
// Tesseract's layout, so the page's OCR passes over it.
func (w *Worker) inkStamp(img image.Image, read []vanthu.Word) (vanthu.Word, bool) {
	dark := func(c color.Color) bool { return color.GrayModel.Convert(c).(color.Gray).Y < 128 }
	m, ok := stampMask(img, dark, read)
	if !ok {
		return vanthu.Word{}, false
	}
	for i, c := range clusters(m.letters()) {
		if i == 3 {
			break // the rest are fewer letters still
		}
		if len(c) < 4 || len(c) > 40 {
			continue
		}
		if mark, ok := w.readStamp(m, c, true); ok {
			return mark, true
		}
	}
	return vanthu.Word{}, false
}

// stampStep samples every second pixel: a stamp's letters are large.
const stampStep = 2

// inkMask is the ink of the top 45% of a page, sampled every stampStep
// pixels.
type inkMask struct {
	bounds image.Rectangle // the page's
	w, h   int
	ink    []bool
}

// stampMask is the ink of img's top 45% that is (ink says which pixels
// are), outside the boxes of the words read with some confidence (what
// Tesseract makes of a stamp askew is a few letters or signs it is not
// sure of: x©, t, s). It is false when the page is too small or holds
// too little such ink for a stamp.
func stampMask(img image.Image, ink func(color.Color) bool, read []vanthu.Word) (inkMask, bool) {
	b := img.Bounds()
	const step = stampStep
	m := inkMask{bounds: b, w: b.Dx() / step, h: b.Dy() * 45 / 100 / step}
	if m.w < 50 || m.h < 50 {
		return m, false
	}
	m.ink = make([]bool, m.w*m.h)
	taken := make([]bool, m.w*m.h)
	for _, wd := range read {
		if wd.Confidence < 50 {
			continue
		}
		for y := max(0, (wd.Y0-b.Min.Y)/step-1); y < min(m.h, (wd.Y1-b.Min.Y)/step+2); y++ {
			for x := max(0, (wd.X0-b.Min.X)/step-1); x < min(m.w, (wd.X1-b.Min.X)/step+2); x++ {
				taken[y*m.w+x] = true
			}
		}
	}
	n := 0
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			if !taken[y*m.w+x] && ink(img.At(b.Min.X+x*step, b.Min.Y+y*step)) {
				m.ink[y*m.w+x] = true
				n++
			}
		}
	}
	return m, n >= 200
}

// letters are the boxes of the mask's components of a letter's size: a
// letter of 13–20 pt at the page's scale, between 0.4% and 2% of the
// page's height (a stamp's frame and specks are not).
func (m inkMask) letters() []image.Rectangle {
	_, regions := digits.Label(m.ink, m.w, m.h)
	lo, hi := max(4, m.h*100/45*4/1000), m.h*100/45*2/100
	var out []image.Rectangle
	for _, r := range regions {
		if c := r.Box; c.Dy() >= lo && c.Dy() <= hi && c.Dx() <= 2*hi {
			out = append(out, c)
		}
	}
	return out
}

// clusters groups letters that lie within their height of each other
// (the letters of one stamp), the largest group first.
func clusters(letters []image.Rectangle) [][]image.Rectangle {
	parent := make([]int, len(letters))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, a := range letters {
		for j := i + 1; j < len(letters); j++ {
			b := letters[j]
			gap := max(a.Dy(), b.Dy())
			if a.Inset(-gap).Overlaps(b) {
				parent[root(i)] = root(j)
			}
		}
	}
	groups := map[int][]image.Rectangle{}
	for i, l := range letters {
		groups[root(i)] = append(groups[root(i)], l)
	}
	out := slices.Collect(maps.Values(groups))
	slices.SortFunc(out, func(a, b []image.Rectangle) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0].Min.Y, b[0].Min.Y), cmp.Compare(a[0].Min.X, b[0].Min.X))
	})
	return out
}

// readStamp turns the line of letters level, at the page's own scale,
// black on white, and reads it: all the mask's ink in the band the
// letters span (a letter touching the frame is not a component of its
// own, but it lies in the band; the frame's long sides lie outside it).
// The line is the one through the letters' centres (their second
// moments). It returns a mark of urgency read there as a word in the
// page's pixels; with whole, only a mark read as whole words (ink of any
// colour may read KHÁNH, which holds KHAN folded; red ink is a stamp's).
func (w *Worker) readStamp(m inkMask, letters []image.Rectangle, whole bool) (vanthu.Word, bool) {
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
	ow, oh := int((maxU-minU)*stampStep)+20, int((maxV-minV)*stampStep)+20
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for y := 10; y < oh-10; y++ {
		for x := 10; x < ow-10; x++ {
			u, v := minU+float64(x-10)/stampStep, minV+float64(y-10)/stampStep
			sx, sy := int(cx+u*cos-v*sin), int(cy+u*sin+v*cos)
			if sx >= 0 && sy >= 0 && sx < m.w && sy < m.h && m.ink[sy*m.w+sx] {
				out.SetGray(x, y, color.Gray{0})
			}
		}
	}
	var buf bytes.Buffer
	if png.Encode(&buf, out) != nil {
		return vanthu.Word{}, false
	}
	boxes, err := w.recognize(buf.Bytes())
	if err != nil || len(boxes) == 0 {
		return vanthu.Word{}, false
	}
	var text []string
	var conf float64
	for _, bx := range boxes {
		text = append(text, bx.Word)
		conf += bx.Confidence
	}
	folded := strings.ToUpper(dict.Fold(dict.NFC(strings.Join(text, " "))))
	if whole {
		folded = " " + strings.Join(strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) }), " ") + " "
	}
	b := m.bounds
	for _, u := range dict.Urgencies { // the marks a văn thư stamps in red
		if whole && (strings.Contains(folded, " "+u.Folded+" ") || ownWord(u) != "" && strings.Contains(folded, " "+ownWord(u)+" ")) ||
			!whole && strings.Contains(folded, u.Folded) {
			full := image.Rect(b.Min.X+box.Min.X*stampStep, b.Min.Y+box.Min.Y*stampStep, b.Min.X+box.Max.X*stampStep, b.Min.Y+box.Max.Y*stampStep)
			return vanthu.Word{Text: strings.ToUpper(u.Name), X0: full.Min.X, Y0: full.Min.Y, X1: full.Max.X, Y1: full.Max.Y,
				Confidence: conf / float64(len(boxes))}, true
		}
	}
	return vanthu.Word{}, false
}

// ownWord is the last word of a mark of two words when no other mark has
// it (TOC of HOA TOC, whose first word a scan's lost marks make HA or
// HOA), which alone tells the mark; "" otherwise (KHAN: THUONG KHAN or
// KHAN).
func ownWord(u dict.Mark) string {
	words := strings.Fields(u.Folded)
	if len(words) < 2 {
		return ""
	}
	last := words[len(words)-1]
	for _, o := range dict.Urgencies {
		if o != u && slices.Contains(strings.Fields(o.Folded), last) {
			return ""
		}
	}
	return last
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
	var mark vanthu.Word
	ok := false
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(img)); err == nil && colour(cfg.ColorModel) {
		if p := decode(); p != nil {
			mark, ok = w.redStamp(p)
		}
	}
	if p := level(); !ok && p != nil {
		// No red (a grey or 1-bit scan, or red gone dark): the stamp is
		// in the ink the words do not account for, on the page as the
		// words were read from it.
		mark, ok = w.inkStamp(p, words)
	}
	if ok {
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
