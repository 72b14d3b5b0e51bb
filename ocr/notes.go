package ocr

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otiai10/gosseract/v2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// rereadColouredHead reads the header of a first page again from the page
// in its colours with every ink of a colour made paper (withoutColour),
// where such ink lies in the header away from the rows of the number and
// the date: a leader's note (bút phê) written across a received sheet in
// blue or violet, in the top margin and in the blank under the number, or
// a received stamp over the agency's name. NĐ 30 prints the header in
// black. Tesseract reads the note's strokes as words and runs the print
// they touch into them: an agency's name with strokes in it, a trích yếu
// cut short, a place misread.
//
// The second reading takes the first's place over the header where it
// reads more words of print surely (sureWords) and lost none the first
// read (lostPrint: a letterhead in a colour goes with the note), but for:
//   - the rows of a number or a day written by hand that the note does not
//     reach (untouched): the digit model reads the figures from the page's
//     colours (readHeaderInk), and Tesseract's first reading of them is
//     its second opinion;
//   - a line of the first reading with a word in capitals the second lost
//     (linesLost): a letterhead in a colour, a mark stamped in one.
//
// decode gives the page as scanned, upright; cl is its cleaning; words the
// first reading, in stored-page pixels of the page turned level.
func (w *Worker) rereadColouredHead(decode func() image.Image, cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	read1 := toWords(words)
	slots := inkSlots(read1, width, height)
	head, keep, print := headRegion(read1, slots, width, height)
	if head.Empty() {
		return words
	}
	page := decode()
	if page == nil {
		return words
	}
	level := turned(page, cl.Skew)
	redRead := slices.Contains(w.cfg.Clean, StepRedDropout)
	if !colouredInkOutside(level, head, keep, 3*print*print, redRead) {
		return words
	}
	keep = untouched(level, keep, slots, read1, print, redRead)
	return w.takeWithoutColour(level, cl.DPI, words, head, keep, print, 1<<18)
}

// rereadColouredFoot reads the rest of a page under its header (the
// whole of a page with none) again without the ink of a colour, from the
// first row where blue, violet or green ink lies down to the page's foot:
// a leader's note written over the body or the closing, a signature in
// blue across the role lines and the name. Tesseract reads the strokes as
// words and runs the print they touch into them, the "Nơi nhận" and the
// signer's role among it. The second reading is taken as the header's is
// (takeWithoutColour).
func (w *Worker) rereadColouredFoot(decode func() image.Image, cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	read1 := toWords(words)
	print := printOf(read1, image.Rect(0, 0, width, height))
	if print == 0 {
		return words
	}
	head, _, _ := headRegion(read1, inkSlots(read1, width, height), width, height)
	page := decode()
	if page == nil {
		return words
	}
	level := turned(page, cl.Skew)
	redRead := slices.Contains(w.cfg.Clean, StepRedDropout)
	for y := head.Max.Y; y < height; y += print {
		band := image.Rect(0, y, width, min(height, y+print))
		if colouredInkOutside(level, band, nil, print*print, redRead) {
			// From the row of print above the ink down.
			return w.takeWithoutColour(level, cl.DPI, words, image.Rect(0, max(head.Max.Y, y-print), width, height), nil, print, 1<<17)
		}
	}
	return words
}

// printOf is the height of the print of the words in r: the median height
// of those read at a confidence of 80 or more (0 for none).
func printOf(words []vanthu.Word, r image.Rectangle) int {
	var hs []int
	for _, w := range words {
		if w.Confidence >= 80 && image.Pt((w.X0+w.X1)/2, (w.Y0+w.Y1)/2).In(r) {
			hs = append(hs, w.Y1-w.Y0)
		}
	}
	if len(hs) == 0 {
		return 0
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// takeWithoutColour reads region of level (a page turned level, at dpi)
// again with every ink of a colour made paper, its rows whole (with half a
// line of print above and below; what lies outside region stays as first
// read), and takes that reading in place of the first's inside region but
// for keep, where it reads more words of print surely (sureWords) and lost
// none (lostPrint); a line of capitals it lost stays as first read
// (linesLost). The second reading's blocks are numbered from blocks on,
// apart from the first's and from another such reading's of the page.
func (w *Worker) takeWithoutColour(level image.Image, dpi int, words []gosseract.BoundingBox, region image.Rectangle, keep []image.Rectangle, print, blocks int) []gosseract.BoundingBox {
	b := level.Bounds()
	read := image.Rect(region.Min.X, max(b.Min.Y, region.Min.Y-print/2), region.Max.X, min(b.Max.Y, region.Max.Y+print/2))
	second := w.readWithoutColour(level, read, dpi)
	var stay, first []gosseract.BoundingBox
	for _, b := range words {
		if c := boxCentre(b.Box); c.In(region) && !slices.ContainsFunc(keep, c.In) {
			first = append(first, b)
		} else {
			stay = append(stay, b)
		}
	}
	var fresh []gosseract.BoundingBox
	for _, b := range second {
		// One over a word that stays is read already.
		if !boxCentre(b.Box).In(region) || slices.ContainsFunc(stay, func(s gosseract.BoundingBox) bool { return mostlyOver(b.Box, s.Box) }) {
			continue
		}
		b.BlockNum += blocks // lines of their own
		fresh = append(fresh, b)
	}
	// A receiving office's stamp ĐẾN in a colour over the header is no
	// print of the document's to keep: it goes with the note.
	first = slices.DeleteFunc(first, receivedStampIn(first, fresh))
	if lostPrint(first, fresh) || sureWords(fresh) <= sureWords(first) {
		return words
	}
	kept, cover := linesLost(first, fresh)
	fresh = slices.DeleteFunc(fresh, func(b gosseract.BoundingBox) bool { return slices.ContainsFunc(cover, boxCentre(b.Box).In) })
	return slices.Concat(stay, kept, fresh)
}

// headRegion is the header of a first page: from the page's top down to
// the body (the row under the number's and the date's that begins "Kính
// gửi" or "Căn cứ", else the top 40% of the page), the rows it reaches
// whole; with the rows of the slots (inkSlots) across their columns, and
// the height of the header's print. It is empty on a page with no sign of
// an NĐ 30 header (a slot, the date line or the Quốc hiệu).
func headRegion(words []vanthu.Word, slots []inkSlot, width, height int) (head image.Rectangle, rows []image.Rectangle, print int) {
	header, below := len(slots) > 0, 0
	for _, s := range slots {
		h := s.label.Y1 - s.label.Y0
		x0, x1 := 0, width/2
		if s.label.X0 >= width/2 {
			x0, x1 = width/2, width
		}
		y0, y1 := min(s.label.Y0, s.next.Y0, s.slot.Min.Y), max(s.label.Y1, s.next.Y1, s.slot.Max.Y)
		rows = append(rows, image.Rect(x0, max(0, y0-h/2), x1, min(height, y1+h/2)))
		below = max(below, y1)
	}
	segs := layout.Segments(vanthu.Page{Width: width, Words: words})
	limit := height * 2 / 5
	var hs []int
	for _, s := range segs {
		if s.Y0 > limit {
			break
		}
		f := fold(s.Text)
		for _, w := range s.Words {
			if w.Confidence >= 80 {
				hs = append(hs, w.Y1-w.Y0)
			}
		}
		switch {
		case s.X1 > width/2 && strings.Contains(f, "NGAY") && strings.Contains(f, "THANG"):
			header, below = true, max(below, s.Y1)
		case strings.Contains(f, "CONG HOA") || strings.Contains(f, "DOC LAP") || strings.Contains(f, "CONG SAN VIET NAM"):
			header = true
		case below > 0 && s.Y0 > below && (strings.HasPrefix(f, "KINH GUI") || strings.HasPrefix(f, "CAN CU")):
			limit = s.Y0
		}
	}
	if !header || len(hs) == 0 {
		return image.Rectangle{}, nil, 0
	}
	slices.Sort(hs)
	print = hs[len(hs)/2]
	bottom := 0
	for _, s := range segs {
		if (s.Y0+s.Y1)/2 < limit {
			bottom = max(bottom, s.Y1)
		}
	}
	return image.Rect(0, 0, width, min(height, bottom)), rows, print
}

// untouched are the rows of rows (the slots') that keep the first reading:
// those with a slot not printed (written by hand, or blank) and no ink of
// a colour outside their slots. The figures of a hand stand taller than
// the print and reach past the slot's ends, into the words about it as
// read: a slot's ink is all of the row over it, its label and the word
// after it, and the height of the print to either side. (A hand's blue is
// not always told from print by its colour: dark ballpoint on a scan
// stands less than colourSpread apart.) Where a note runs into the row,
// the row is read again with the rest, and figures in its slot by the
// digit model alone; a row of print is read again as any.
func untouched(level image.Image, rows []image.Rectangle, slots []inkSlot, words []vanthu.Word, print int, redRead bool) []image.Rectangle {
	var out []image.Rectangle
	for _, row := range rows {
		var in []image.Rectangle
		written := false
		for _, s := range slots {
			if r := s.slot.Union(s.room); boxCentre(r).In(row) {
				x0, x1 := min(r.Min.X, s.label.X0), max(r.Max.X, s.next.X1)
				in = append(in, image.Rect(x0-print, row.Min.Y, x1+print, row.Max.Y))
				written = written || !s.printed(words)
			}
		}
		if written && !colouredInkOutside(level, row, in, print*print/2, redRead) {
			out = append(out, row)
		}
	}
	return out
}

// mostlyOver reports whether more than half of a lies over b.
func mostlyOver(a, b image.Rectangle) bool { return 2*area(a.Intersect(b)) > area(a) }

// colouredInkOutside reports whether at least least pixels of r in img,
// outside every rectangle of but, are ink of a colour (as colouredInk)
// that the first reading saw: with the red dropout (redRead), whose red
// channel makes red ink paper (a seal, a red KHẨN), only ink dark in red
// (blue, violet, green). Every other pixel of every other row is looked
// at, and counts for four; a JPEG's pixels are read from its planes.
func colouredInkOutside(img image.Image, r image.Rectangle, but []image.Rectangle, least int, redRead bool) bool {
	r = r.Intersect(img.Bounds())
	rgb := func(x, y int) (r, g, b uint8) {
		c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
		return c.R, c.G, c.B
	}
	if p, ok := img.(*image.YCbCr); ok {
		rgb = func(x, y int) (r, g, b uint8) {
			c := p.COffset(x, y)
			return color.YCbCrToRGB(p.Y[p.YOffset(x, y)], p.Cb[c], p.Cr[c])
		}
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			red, g, b := rgb(x, y)
			if int(max(red, g, b))-int(min(red, g, b)) < colourSpread || redRead && int(red) >= inkClip ||
				slices.ContainsFunc(but, image.Pt(x, y).In) {
				continue
			}
			if n += 4; n >= least {
				return true
			}
		}
	}
	return false
}

// receivedStampIn returns a test of the words of first, a reading with
// the ink of colours, that are the text of a receiving office's stamp ĐẾN
// (NĐ 30, Phụ lục IV) the second reading, without them, lost: its mark
// ĐẾN and, about it, the lost words of its box (the receiving office's
// name over the mark; Số, Ngày, Chuyển and what was written after them).
// The mark counts where a field's label (Số:, Ngày:, Chuyển:) was lost
// with it; the document's print, black, is read by both readings.
func receivedStampIn(first, second []gosseract.BoundingBox) func(gosseract.BoundingBox) bool {
	lost := func(b gosseract.BoundingBox) bool {
		return !slices.ContainsFunc(second, func(s gosseract.BoundingBox) bool { return s.Box.Overlaps(b.Box) })
	}
	var boxes []image.Rectangle // each stamp's, about its mark
	for _, b := range first {
		if !dict.IsReceivedMark(b.Word) || !lost(b) {
			continue
		}
		h := max(b.Box.Dy(), 1)
		box := image.Rect(b.Box.Min.X-h, b.Box.Min.Y-3*h, b.Box.Min.X+18*h, b.Box.Min.Y+7*h)
		if slices.ContainsFunc(first, func(l gosseract.BoundingBox) bool {
			return dict.IsReceivedLabel(l.Word) && lost(l) && boxCentre(l.Box).In(box)
		}) {
			boxes = append(boxes, box)
		}
	}
	return func(b gosseract.BoundingBox) bool {
		return lost(b) && slices.ContainsFunc(boxes, boxCentre(b.Box).In)
	}
}

// lostPrint reports whether the second reading of a region has lost print
// the first read, other than capitals (see linesLost): two words of the
// language of three letters or more, read surely, with no word of the
// second over them. Print of a colour (a letterhead in blue) goes with the
// note.
func lostPrint(first, second []gosseract.BoundingBox) bool {
	n := 0
	for _, b := range first {
		if printLost(b, second) && !capitals(b.Word) && utf8.RuneCountInString(b.Word) >= 3 {
			n++
		}
	}
	return n >= 2
}

// linesLost are the lines of first with a word in capitals the second
// reading lost (printLost): a letterhead printed in a colour, a mark
// stamped in one (MẬT, KHẨN) that the first reading saw. They stay as the
// first read them, with the space they cover.
func linesLost(first, second []gosseract.BoundingBox) (words []gosseract.BoundingBox, cover []image.Rectangle) {
	lost := map[[3]int]image.Rectangle{}
	for _, b := range first {
		if printLost(b, second) && capitals(b.Word) {
			lost[lineKey(b)] = image.Rectangle{}
		}
	}
	for _, b := range first {
		if r, ok := lost[lineKey(b)]; ok {
			words = append(words, b)
			lost[lineKey(b)] = r.Union(b.Box)
		}
	}
	for _, r := range lost {
		cover = append(cover, r)
	}
	return words, cover
}

// lineKey is the line of Tesseract's a word is on.
func lineKey(b gosseract.BoundingBox) [3]int { return [3]int{b.BlockNum, b.ParNum, b.LineNum} }

// printLost reports whether b, of a first reading, is print (surePrint)
// that the second reading lost: no word of second lies over it.
func printLost(b gosseract.BoundingBox, second []gosseract.BoundingBox) bool {
	return surePrint(b) && !slices.ContainsFunc(second, func(s gosseract.BoundingBox) bool { return s.Box.Overlaps(b.Box) })
}

// sureWords counts the words of a reading that are print read surely
// (surePrint). A note's strokes make few; print they cross, read again
// without them, makes them again.
func sureWords(words []gosseract.BoundingBox) int {
	n := 0
	for _, b := range words {
		if surePrint(b) {
			n++
		}
	}
	return n
}

// surePrint reports whether b is print read surely: a word of the language
// of two letters or more, at a confidence of 85 or more.
func surePrint(b gosseract.BoundingBox) bool {
	word := strings.Trim(b.Word, ".,:;()-")
	return b.Confidence >= 85 && utf8.RuneCountInString(word) >= 2 && dict.IsAttested(word)
}

// capitals reports whether w has letters and all of them capitals.
func capitals(w string) bool {
	return strings.ContainsFunc(w, unicode.IsLetter) && !strings.ContainsFunc(w, unicode.IsLower)
}
