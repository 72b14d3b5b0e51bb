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

// redStamps reads the red stamps of urgency (HỎA TỐC, THƯỢNG KHẨN,
// KHẨN) and of secrecy (MẬT, TỐI MẬT, TUYỆT MẬT) in the top 45% of a
// colour page: the red dropout that keeps seals off the text takes them
// off too, and they are often stamped askew. The red ink's letters (its
// components of a letter's size: a stamp's frame and specks are not) are
// turned level along the line through their centres and read, and so is
// each cluster of them apart (see readStamps). It returns the marks as
// words in the page's pixels.
func (w *Worker) redStamps(img image.Image, tone *[256]uint8) []stampMark {
	red := func(c color.Color) bool {
		r, g, bl, _ := c.RGBA()
		r, g, bl = uint32(tone[r>>8]), uint32(tone[g>>8]), uint32(tone[bl>>8])
		return r > g+60 && r > bl+60
	}
	m, ok := stampMask(img, red, nil)
	if !ok {
		return nil
	}
	return w.readStamps(m, false)
}

// readStamps reads m's letters as one stamp when they are a stamp's worth
// (three letters, MẬT, to forty: more is a seal's ring), then, where more
// than one cluster of them stands apart, three of those of a stamp's
// worth (a seal's ring of letters, larger, is neither read nor counted):
// the largest of those whose letters are about as tall as the tallest
// (three quarters of them at least) first, then the largest of the rest.
// A mark of urgency or secrecy is stamped in large capitals; the small
// print of a seal's ring or of a signing tool's stamp (a page printed
// from a signed PDF has several in its top margin) is not. It returns
// the marks read: one of urgency and one of secrecy at most.
func (w *Worker) readStamps(m inkMask, whole bool) []stampMark {
	var out []stampMark
	found := map[bool]bool{} // by whether the mark is of secrecy
	add := func(marks []stampMark) {
		for _, mark := range marks {
			if !found[mark.secret] {
				found[mark.secret] = true
				out = append(out, mark)
			}
		}
	}
	letters := m.letters()
	cs := clusters(letters)
	if len(letters) >= 3 && len(letters) <= 40 && (!whole || len(cs) == 1) {
		add(w.readStamp(m, letters, whole))
	}
	if len(cs) <= 1 {
		return out
	}
	cs = slices.DeleteFunc(cs, func(c []image.Rectangle) bool { return len(c) < 3 || len(c) > 40 })
	heights := make([]int, len(cs))
	for i, c := range cs {
		heights[i] = letterHeight(c)
	}
	tallest := slices.Max(append(heights, 0))
	// The clusters of tall letters first, each part in clusters' order
	// (the largest first).
	var tall, small [][]image.Rectangle
	for i, c := range cs {
		if heights[i]*4 >= tallest*3 {
			tall = append(tall, c)
		} else {
			small = append(small, c)
		}
	}
	cs = append(tall, small...)
	for _, c := range cs[:min(3, len(cs))] {
		if found[false] && found[true] {
			break
		}
		add(w.readStamp(m, c, whole))
	}
	return out
}

// letterHeight is the median height of letters.
func letterHeight(letters []image.Rectangle) int {
	hs := make([]int, len(letters))
	for i, l := range letters {
		hs[i] = l.Dy()
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// inkStamps reads the stamps of urgency and secrecy where no red one was
// found: on a grey or 1-bit scan the red ink came out grey or black. In
// the ink of the top 45% of the page that no word read with some
// confidence accounts for (read, the words, in the pixels of img), each
// cluster of letters stamped together is turned level and read as
// redStamps reads the red ones, and only marks read as whole words count.
// A stamp set askew is no line of text to Tesseract's layout, so the
// page's OCR passes over it.
func (w *Worker) inkStamps(img image.Image, read []vanthu.Word, tone *[256]uint8) []stampMark {
	dark := func(c color.Color) bool { return tone[color.GrayModel.Convert(c).(color.Gray).Y] < 128 }
	m, ok := stampMask(img, dark, read)
	if !ok {
		return nil
	}
	return w.readStamps(m, true)
}

// stampMark is a mark read from a stamp, as a word in the page's pixels,
// and whether it is a mark of secrecy (else of urgency).
type stampMark struct {
	vanthu.Word
	secret bool
}

// inkMask is the ink of the top 45% of a page, sampled every step
// pixels.
type inkMask struct {
	bounds image.Rectangle // the page's
	w, h   int
	step   int
	ink    []bool
}

// maskStep is the step a page h pixels tall is sampled at: every second
// pixel, as a stamp's letters are large; every pixel of a page drawn
// under about 150 dpi, where at every second the small letters of a
// seal's ring run into the ring and into a stamp's letters beside it.
func maskStep(h int) int {
	if h < 1750 {
		return 1
	}
	return 2
}

// stampMask is the ink of img's top 45% that is (ink says which pixels
// are), outside the boxes of the words read with some confidence (what
// Tesseract makes of a stamp askew is a few letters or signs it is not
// sure of: x©, t, s). It is false when the page is too small or holds
// too little such ink for a stamp.
func stampMask(img image.Image, ink func(color.Color) bool, read []vanthu.Word) (inkMask, bool) {
	b := img.Bounds()
	step := maskStep(b.Dy())
	m := inkMask{bounds: b, w: b.Dx() / step, h: b.Dy() * 45 / 100 / step, step: step}
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
// page's height (a stamp's frame and specks are not). A component of a
// letter's height up to eight letters long, and more than two of its
// own heights wide, is capitals run together by their serifs (a red KHẨN
// at 200 dpi, its ink's pink edges touching; HẨN of a KHẨN set in Times):
// it counts as letters as wide as it is tall, side by side.
func (m inkMask) letters() []image.Rectangle {
	_, regions := digits.Label(m.ink, m.w, m.h)
	lo, hi := max(4, m.h*100/45*4/1000), m.h*100/45*2/100
	var out []image.Rectangle
	for _, r := range regions {
		c := r.Box
		if c.Dy() < lo || c.Dy() > hi || c.Dx() > 8*hi {
			continue
		}
		if c.Dx() <= 2*c.Dy() {
			out = append(out, c)
			continue
		}
		n := (c.Dx() + c.Dy()/2) / c.Dy()
		for i := range n {
			out = append(out, image.Rect(c.Min.X+c.Dx()*i/n, c.Min.Y, c.Min.X+c.Dx()*(i+1)/n, c.Max.Y))
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
// own, but it lies in the band; the frame's long sides lie outside it),
// and where that holds no mark, on along their line while ink lies on
// it (alongInk: a blurred stamp's letters may all touch its frame but
// three). The line is the one through the letters' centres (their
// second moments). It returns
// the marks of urgency and of secrecy read there as words in the page's
// pixels. A mark of urgency counts as whole words, or by the words only
// it has (TỐC of HỎA TỐC, whose HỎA a blurred H may make NỖA: ownWord);
// without whole, within a word too (ink of any colour may read KHÁNH,
// which holds KHAN folded; red ink is a stamp's). A mark of secrecy
// counts as whole words only: MẬT is in many a word.
func (w *Worker) readStamp(m inkMask, letters []image.Rectangle, whole bool) []stampMark {
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
	// The band the letters span is read first; if it holds no mark, the
	// band on along the line while ink lies on it (alongInk).
	marks := w.readBand(m, box, cx, cy, angle, minU-1.5*h, maxU+1.5*h, minV-0.9*h, maxV+0.9*h, whole)
	if len(marks) > 0 {
		return marks
	}
	lo, hi := alongInk(m, cx, cy, sin, cos, minU, maxU, minV-0.4*h, maxV+0.4*h, h)
	if lo > minU-h/2 && hi < maxU+h/2 {
		return nil
	}
	return w.readBand(m, box, cx, cy, angle, lo-1.5*h, hi+1.5*h, minV-0.9*h, maxV+0.9*h, whole)
}

// readBand reads the band of m from minU to maxU along the line through
// (cx, cy) at angle and from minV to maxV across it, turned level, and
// returns the marks read there, placed at box (in m's cells).
func (w *Worker) readBand(m inkMask, box image.Rectangle, cx, cy, angle, minU, maxU, minV, maxV float64, whole bool) []stampMark {
	sin, cos := math.Sin(angle), math.Cos(angle)
	step := float64(m.step)
	ow, oh := int((maxU-minU)*step)+20, int((maxV-minV)*step)+20
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for y := 10; y < oh-10; y++ {
		for x := 10; x < ow-10; x++ {
			u, v := minU+float64(x-10)/step, minV+float64(y-10)/step
			sx, sy := int(cx+u*cos-v*sin), int(cy+u*sin+v*cos)
			if sx >= 0 && sy >= 0 && sx < m.w && sy < m.h && m.ink[sy*m.w+sx] {
				out.SetGray(x, y, color.Gray{0})
			}
		}
	}
	var buf bytes.Buffer
	if png.Encode(&buf, out) != nil {
		return nil
	}
	boxes, err := w.recognize(buf.Bytes())
	if err != nil || len(boxes) == 0 {
		return nil
	}
	var text []string
	var conf float64
	for _, bx := range boxes {
		text = append(text, bx.Word)
		conf += bx.Confidence
	}
	folded := strings.ToUpper(dict.Fold(dict.NFC(strings.Join(text, " "))))
	words := " " + strings.Join(strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) }), " ") + " "
	b := m.bounds
	full := image.Rect(b.Min.X+box.Min.X*m.step, b.Min.Y+box.Min.Y*m.step, b.Min.X+box.Max.X*m.step, b.Min.Y+box.Max.Y*m.step)
	mark := func(name string, secret bool) stampMark {
		return stampMark{vanthu.Word{Text: strings.ToUpper(name), X0: full.Min.X, Y0: full.Min.Y, X1: full.Max.X, Y1: full.Max.Y,
			Confidence: conf / float64(len(boxes))}, secret}
	}
	var marks []stampMark
	for _, u := range dict.Urgencies { // the marks a văn thư stamps in red
		if strings.Contains(words, " "+u.Folded+" ") || ownWord(u) != "" && strings.Contains(words, " "+ownWord(u)+" ") ||
			clipped(u.Folded) != "" && strings.Contains(words, " "+clipped(u.Folded)+" ") ||
			!whole && strings.Contains(folded, u.Folded) {
			marks = append(marks, mark(u.Name, false))
			break
		}
	}
	for _, s := range dict.Secrecies { // the longest first: TUYỆT MẬT holds MẬT
		if strings.Contains(words, " "+s.Folded+" ") || clipped(s.Folded) != "" && strings.Contains(words, " "+clipped(s.Folded)+" ") {
			marks = append(marks, mark(s.Name, true))
			break
		}
	}
	return marks
}

// alongInk extends the stretch [minU, maxU] of a stamp's line (u along
// it, v across, from (cx, cy) in m, the line at the angle of sin and cos)
// while m's ink lies on it between minV and maxV, with gaps shorter than
// one and a half letters of height h: the letters found as components
// may be some of the stamp's only, as a letter that touches the frame
// (a heavy stamp, a blurred photograph of one) is no component of its
// own, and the words read must be whole.
func alongInk(m inkMask, cx, cy, sin, cos, minU, maxU, minV, maxV, h float64) (float64, float64) {
	inked := func(u float64) bool {
		for v := minV; v <= maxV; v++ {
			x, y := int(cx+u*cos-v*sin), int(cy+u*sin+v*cos)
			if x >= 0 && y >= 0 && x < m.w && y < m.h && m.ink[y*m.w+x] {
				return true
			}
		}
		return false
	}
	extend := func(u, dir float64) float64 {
		for gap := 0.0; gap < 1.5*h; {
			if u += dir; inked(u) {
				gap = 0
			} else {
				gap++
			}
			if u < -float64(m.w+m.h) || u > float64(m.w+m.h) {
				break
			}
		}
		return u - dir*1.5*h
	}
	return extend(minU, -1), extend(maxU, 1)
}

// clipped is a mark of two words or more as read when the last letter of
// its last word runs into the stamp's frame and is lost with it (HOA TO
// of HOA TOC, its C touching the arrow's point of a heavy stamp or a
// dark copy of one): its words before the last read whole tell the mark.
// "" for a mark of one word, or whose last word clipped would be a letter
// or two.
func clipped(mark string) string {
	words := strings.Fields(mark)
	if len(words) < 2 || len(words[len(words)-1]) < 3 {
		return ""
	}
	return mark[:len(mark)-1]
}

// ownWord is the words after the first of a mark of two words or more
// that no other mark has, but one that goes on from it (TOC of HOA TOC,
// whose first word a scan's lost marks make HA or HOA, though HOA TOC HEN
// GIO has TOC too; HEN GIO of HOA TOC HEN GIO), which alone tell the
// mark: its last words up to one another mark has. "" where the last is
// another's (KHAN: THUONG KHAN or KHAN).
func ownWord(u dict.Mark) string {
	words := strings.Fields(u.Folded)
	own := len(words)
	for own > 1 && !slices.ContainsFunc(dict.Urgencies, func(o dict.Mark) bool {
		return o != u && !strings.HasPrefix(o.Folded, u.Folded+" ") && slices.Contains(strings.Fields(o.Folded), words[own-1])
	}) {
		own--
	}
	if own == len(words) {
		return ""
	}
	return strings.Join(words[own:], " ")
}

// readHeaderInk reads what the header of a first page holds in ink OCR
// does not read: the handwritten number and day (readInk), and the red
// stamps of urgency and secrecy (redStamps, else inkStamps) whose mark was
// not read as print. decode gives the page image img decoded (once, and
// only for a page with an NĐ 30 header). The
// handwriting is read on the page turned as clean-up turned the page OCR
// read the words from (see Cleaned.Skew), so that a slot is where its
// words are; the stamp, found by its colour alone, on the page as
// scanned. stamped are the numerals the page's PDF draws over its scan
// (vanthu.PageImage.Stamped), in the pixels of the page as scanned: one
// in a slot is its reading (readStamped). On a coarse scan (detail, its
// resolution in its coarser direction, below coarseDPI) what the ink in
// the slots says is left for a clerk to confirm, whoever read it.
func (w *Worker) readHeaderInk(img []byte, decode func() image.Image, cl Cleaned, detail int, words, stamped []vanthu.Word, width, height int) ([]vanthu.Word, bool) {
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
	// The stamped numerals, moved from the page as scanned to the page
	// turned level.
	words, inked, stampedIn := readStamped(slots, words, turnedWords(stamped, cl.Skew, width, height))
	words, changed := readInk(level, inked, words)
	if detail > 0 && detail < coarseDPI {
		words, changed = unsure(inked, words), true
	}
	changed = changed || stampedIn
	need := map[bool]bool{false: !hasMark(words, height, false), true: !hasMark(words, height, true)}
	if !need[false] && !need[true] {
		return words, changed
	}
	var marks []stampMark
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(img)); err == nil && colour(cfg.ColorModel) {
		if p := decode(); p != nil {
			marks = w.redStamps(p, toneCurve(cl.Ink))
		}
	}
	if p := level(); len(marks) == 0 && p != nil {
		// No red (a grey or 1-bit scan, or red gone dark): the stamp is
		// in the ink the words do not account for, on the page as the
		// words were read from it.
		marks = w.inkStamps(p, words, toneCurve(cl.Ink))
	}
	line := 0
	for _, wd := range words {
		line = max(line, wd.Line+1)
	}
	for _, mark := range marks {
		if !need[mark.secret] {
			continue // read as print already
		}
		mark.Line, mark.Block = line, 1<<21+line
		line++
		words, changed = append(words, mark.Word), true
	}
	return words, changed
}

// hasMark reports whether a mark of urgency (of secrecy, with secret) was
// read in the top 45% of the page as extraction reads one: a stretch of
// a line that is the mark, or two marks side by side (dict.ReadMarks),
// the stretches of a line parted where its words stand more than three
// heights apart (a mark beside the Quốc hiệu). A word of a mark read
// among others (TỐC of a stamp askew read into a line of debris) is no
// mark read: the stamp is then read by its ink.
func hasMark(words []vanthu.Word, height int, secret bool) bool {
	type key struct{ block, line int }
	lines := map[key][]vanthu.Word{}
	var order []key
	for _, w := range words {
		if w.Y0 >= height*45/100 {
			continue
		}
		k := key{w.Block, w.Line}
		if _, ok := lines[k]; !ok {
			order = append(order, k)
		}
		lines[k] = append(lines[k], w)
	}
	is := func(text []string) bool {
		u, c := dict.ReadMarks(strings.Join(text, " "))
		return secret && c != "" || !secret && u != ""
	}
	for _, k := range order {
		var text []string
		for i, w := range lines[k] {
			if i > 0 {
				p := lines[k][i-1]
				if w.X0-p.X1 > 3*max(p.Y1-p.Y0, w.Y1-w.Y0) {
					if is(text) {
						return true
					}
					text = nil
				}
			}
			text = append(text, w.Text)
		}
		if is(text) {
			return true
		}
	}
	return false
}

// colour reports whether a page image of colour model m may hold colour.
func colour(m color.Model) bool { return m != color.GrayModel && m != color.Gray16Model }
