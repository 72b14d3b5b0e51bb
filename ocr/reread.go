package ocr

import (
	"image"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/otiai10/gosseract/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// rereadSignature reads the signature block again when the first reading
// of it is poor. A seal (grey when scanned in grey) and the signature lie
// over the signer's role and name; read a second time with light greys
// made paper (StepInk), they fade while the dark ink stays. Only that block
// is read again: done to the whole page, the same step costs the small
// print of the Nơi nhận list. The words of the second reading replace those
// of the first inside the block.
func (w *Worker) rereadSignature(cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	sig, poor, list := closingRegions(toWords(words), width, height)
	if !list.Empty() {
		// The Nơi nhận list in small print shares its rows with the role
		// lines in large bold: read together, the small print is
		// normalised to the large height and misread. Read alone, it is
		// not.
		words = w.reread(cl, words, list, nil)
	}
	if poor {
		words = w.reread(cl, words, sig, []string{StepInk})
	}
	return words
}

// rereadHooks reads the head of a first page (the rows under the number:
// type, trích yếu, marks; see headBand) and the signature block of a last
// (closingRegions) again without the median filter, and takes from that
// reading only the tone marks the filter takes away: hỏi where the first
// has sắc, and a tone where the first has none. The hook of hỏi is a
// hairline curl that a 3×3 median cuts down to a short stroke, which reads
// as sắc (kiểm → kiếm, chuyển đổi → chuyến đối); a sắc or a dot in 1 bit
// is a few pixels the filter takes whole (thuế → thuê, Tấn → Tân). The
// filter cannot make a mark, so a mark read without it is ink on the page:
// a mark's, unless what the filter takes in the word's box is far finer
// than the letters' strokes, a speck (speckTone).
// Every other difference keeps the filtered reading, which resists noise
// better; where the two read other tone marks that the filter does not
// explain (đổi against đối: the filter also cuts a faded sắc short, and
// the unfiltered 1-bit hook reads as one), the scan does not tell which
// is right, and the word is returned among the disputed (see toneDispute).
func (w *Worker) rereadHooks(cl Cleaned, words []gosseract.BoundingBox, width, height int) ([]gosseract.BoundingBox, []toneDispute) {
	if cl.Plain == nil {
		return words, nil
	}
	vw := toWords(words)
	sig, _, _ := closingRegions(vw, width, height)
	var disputes []toneDispute
	plain := plainPage(cl)
	speck := func(box image.Rectangle) bool {
		p := plain()
		return p != nil && speckTone(p, scaledBox(box, cl.Scale))
	}
	for _, r := range []image.Rectangle{headBand(vw, width, height), sig} {
		if !r.Empty() {
			var d []toneDispute
			words, d = takeMarks(words, w.readRegion(Cleaned{Image: cl.Plain, Scale: cl.Scale}, r, nil), speck)
			disputes = append(disputes, d...)
		}
	}
	return words, disputes
}

// toneDispute is a word that two readings of the page, with the median
// filter and without, read with other tone marks and nothing else
// changed, neither of which the filter explains: its box, and the other
// reading.
type toneDispute struct {
	box   image.Rectangle
	other string
}

// takeMarks puts into words the marks of second (a reading of a part of
// the page without the median filter) that the filter took off them (see
// hooked, toned): each word's by the word of second that covers the most
// of it, more than half. A tone where the first read none is not taken
// where speck says the word's box holds a speck, not a mark. It returns
// the words the two read with other tone marks otherwise (retoned).
func takeMarks(words, second []gosseract.BoundingBox, speck func(image.Rectangle) bool) ([]gosseract.BoundingBox, []toneDispute) {
	var disputes []toneDispute
	for i := range words {
		if !markable(words[i].Word) && !hasTone(words[i].Word) {
			continue
		}
		best := coveringMost(words[i].Box, second)
		if best < 0 {
			continue
		}
		if h, ok := hooked(words[i].Word, second[best].Word); ok {
			words[i].Word = h
		} else if m, ok := toned(words[i].Word, second[best].Word); ok {
			if !speck(words[i].Box) {
				words[i].Word = m
			}
		} else if retoned(words[i].Word, second[best].Word) {
			disputes = append(disputes, toneDispute{words[i].Box, norm.NFC.String(second[best].Word)})
		}
	}
	return words, disputes
}

// retoned reports whether b is a, a syllable, with other tone marks in
// the places of its own and nothing else changed, and a syllable in use
// (dict.IsAttested) too.
func retoned(a, b string) bool {
	da, db := []rune(norm.NFD.String(a)), []rune(norm.NFD.String(b))
	if len(da) != len(db) || a == b {
		return false
	}
	for i := range da {
		if da[i] != db[i] && !(strings.ContainsRune(toneMarks, da[i]) && strings.ContainsRune(toneMarks, db[i])) {
			return false
		}
	}
	ca, _, _ := splitPunct(norm.NFC.String(a))
	cb, _, _ := splitPunct(norm.NFC.String(b))
	return dict.IsSyllable(ca) && dict.IsSyllable(cb) && dict.IsAttested(cb)
}

// hasTone reports whether w is a syllable with a tone mark.
func hasTone(w string) bool {
	core, _, _ := splitPunct(w)
	return core != "" && strings.ContainsAny(norm.NFD.String(core), toneMarks) && dict.IsSyllable(core)
}

// withReadings gives each word of a page that a dispute stands on (its
// centre in the dispute's box) the dispute's other reading as an
// alternative, as likely as its own: a field it is read into goes to a
// clerk's review.
func withReadings(words []vanthu.Word, disputes []toneDispute) []vanthu.Word {
	for i, w := range words {
		for _, d := range disputes {
			if centre(w).In(d.box) && len(w.Alternatives) == 0 && retoned(w.Text, d.other) {
				words[i].Alternatives = []vanthu.Alternative{{Text: d.other, P: 0.5}}
			}
		}
	}
	return words
}

// markable reports whether the median filter may have taken a mark off
// w: a sắc that was a hỏi (hookable), or a whole tone (toneless).
func markable(w string) bool { return hookable(w) || toneless(w) }

// toneMarks are the five tone marks, as NFD writes them after a vowel's
// other marks.
const toneMarks = "\u0300\u0301\u0303\u0309\u0323"

// toneless reports whether w is a syllable without a tone mark, which a
// tone mark too small for the filter (the sắc over thuế, a 1-bit scan's
// dot under ạ) may have been read off.
func toneless(w string) bool {
	core, _, _ := splitPunct(w)
	return core != "" && !strings.ContainsAny(norm.NFD.String(core), toneMarks) && dict.IsSyllable(core)
}

// toned returns b when it is toneless a with a tone mark, and nothing else
// changed, and the syllable it makes is one of the language's in use
// (dict.IsAttested): a mark the filter cannot make, but a speck the
// unfiltered page keeps could.
func toned(a, b string) (string, bool) {
	if !toneless(a) {
		return "", false
	}
	da, db := []rune(norm.NFD.String(a)), []rune(norm.NFD.String(b))
	if len(db) != len(da)+1 {
		return "", false
	}
	i := 0
	for i < len(da) && da[i] == db[i] {
		i++
	}
	if !strings.ContainsRune(toneMarks, db[i]) || string(da[i:]) != string(db[i+1:]) {
		return "", false
	}
	b = norm.NFC.String(b)
	core, _, _ := splitPunct(b)
	if !dict.IsSyllable(core) || !dict.IsAttested(core) {
		return "", false
	}
	return b, true
}

func area(r image.Rectangle) int { return r.Dx() * r.Dy() }

// coveringMost is the index of the word of second that covers the most
// of box, more than half of it; -1 where none does.
func coveringMost(box image.Rectangle, second []gosseract.BoundingBox) int {
	best, bestArea := -1, 0
	for j := range second {
		if a := area(box.Intersect(second[j].Box)); a > bestArea {
			best, bestArea = j, a
		}
	}
	if bestArea*2 <= area(box) {
		return -1
	}
	return best
}

// hookable reports whether w has a sắc mark that could be a hỏi: the word
// with hỏi in its place is a Vietnamese syllable (no hỏi on a syllable closed
// by p, t, c or ch).
func hookable(w string) bool {
	d := norm.NFD.String(strings.ToLower(w))
	if !strings.ContainsRune(d, '\u0301') {
		return false
	}
	core, _, _ := splitPunct(norm.NFC.String(strings.ReplaceAll(d, "\u0301", "\u0309")))
	return dict.IsSyllable(core)
}

// hooked returns b when it is a with one or more sắc marks read as hỏi and
// nothing else changed.
func hooked(a, b string) (string, bool) {
	da, db := []rune(norm.NFD.String(a)), []rune(norm.NFD.String(b))
	if len(da) != len(db) {
		return "", false
	}
	changed := false
	for i := range da {
		switch {
		case da[i] == db[i]:
		case da[i] == '\u0301' && db[i] == '\u0309':
			changed = true
		default:
			return "", false
		}
	}
	return norm.NFC.String(b), changed
}

// headBand is the part of a first page under the row of "Số:" where the
// type, the trích yếu and the marks are: of the six rows after it, down to
// the body ("Kính gửi", "Căn cứ"), those with a word that may have lost a
// mark (markable). It is empty on other pages.
func headBand(words []vanthu.Word, width, height int) image.Rectangle {
	rows := layout.Rows(layout.Segments(vanthu.Page{Width: width, Words: words}))
	for i, row := range rows {
		f := strings.ToUpper(dict.Fold(row[0].Text))
		if row[0].Y0 > height/2 || row[0].Zone != layout.Left || !strings.HasPrefix(f, "SO") || !strings.Contains(f, "/") {
			continue
		}
		var band image.Rectangle
		line := row[0].Y1 - row[0].Y0
		for _, next := range rows[i+1 : min(len(rows), i+7)] {
			f := strings.ToUpper(dict.Fold(next[0].Text))
			if strings.HasPrefix(f, "KINH GUI") || strings.HasPrefix(f, "CAN CU") {
				break
			}
			for _, s := range next {
				if slices.ContainsFunc(strings.Fields(s.Text), markable) {
					band = band.Union(image.Rect(s.X0, s.Y0, s.X1, s.Y1))
				}
			}
		}
		if band.Empty() {
			return band
		}
		// A margin of half a line for the marks above capitals.
		return image.Rect(0, max(0, band.Min.Y-line/2), width, min(height, band.Max.Y+line/2))
	}
	return image.Rectangle{}
}

// reread reads the part r of the page (in stored-page pixels) again, after
// the clean-up steps given, and puts the words it finds there in place of
// the first reading's.
func (w *Worker) reread(cl Cleaned, words []gosseract.BoundingBox, r image.Rectangle, steps []string) []gosseract.BoundingBox {
	second := w.readRegion(cl, r, steps)
	if len(second) == 0 {
		return words
	}
	out := make([]gosseract.BoundingBox, 0, len(words)+len(second))
	for _, b := range words {
		if !boxCentre(b.Box).In(r) {
			out = append(out, b)
		}
	}
	for _, b := range second {
		b.BlockNum += 1 << 20 // lines of their own
		out = append(out, b)
	}
	return out
}

// readRegion reads the part r of the page cl (in stored-page pixels) after
// the clean-up steps given; the boxes are in stored-page pixels.
func (w *Worker) readRegion(cl Cleaned, r image.Rectangle, steps []string) []gosseract.BoundingBox {
	// The block is cut from the cleaned page, whose frame the first
	// reading's boxes share (once unscaled).
	scaled := scaledBox(r, cl.Scale)
	block, err := CleanRegion(cl.Image, 0, steps, scaled)
	if err != nil {
		return nil
	}
	second, err := w.recognize(block.Image)
	if err != nil {
		return nil
	}
	out := second[:0]
	for _, b := range second {
		b.Box = b.Box.Add(scaled.Min)
		// A mark or two against a side of the cut is a piece of what the
		// cut went through (a seal's rim), not a word.
		edge := b.Box.Max.X >= scaled.Max.X-2 || b.Box.Min.X <= scaled.Min.X+2
		if edge && utf8.RuneCountInString(strings.TrimSpace(b.Word)) <= 2 {
			continue
		}
		out = append(out, b)
	}
	unscale(out, cl.Scale)
	return out
}

// closingRegions finds the foot of an NĐ 30 page from the row of "Nơi
// nhận:" down: the signature block (the right column) with whether its
// first reading is poor (no line that reads as a name, or low confidence),
// and the Nơi nhận list (the column left of it). Both are empty on a page
// without "Nơi nhận:".
func closingRegions(words []vanthu.Word, width, height int) (sig image.Rectangle, poor bool, list image.Rectangle) {
	segs := layout.Segments(vanthu.Page{Width: width, Words: words})
	for _, s := range segs {
		if !dict.IsRecipientsLabel(s.Text) {
			continue
		}
		line := s.Y1 - s.Y0
		r := image.Rect(width*45/100, max(0, s.Y0-line/2), width, height)
		var conf float64
		var n int
		named := false
		for _, t := range segs {
			if t.Zone != layout.Right || !image.Pt(t.X0, t.Y0).In(r) {
				continue
			}
			conf += t.Conf
			n++
			named = named || dict.LooksLikeName(t.Text)
		}
		// The list ends where its own lines end, short of a seal's rim.
		right := 0
		for _, t := range segs {
			if t.Zone == layout.Left && t.Y0 > s.Y0 {
				right = max(right, t.X1)
			}
		}
		// The block starts where its own lines start (a little before,
		// not across the list): the Nơi nhận list beside it keeps its
		// first reading, and no line of the block is cut.
		left := width
		for _, t := range segs {
			if (t.Zone == layout.Right || t.Zone == layout.Centre) && t.X1 > r.Min.X && t.Y0 >= r.Min.Y {
				left = min(left, t.X0)
			}
		}
		if left < width {
			r.Min.X = max(left-4*line, min(left, right+line/2), width/4)
		}
		if right > 0 {
			list = image.Rect(0, max(0, s.Y1+line/4), min(r.Min.X, right+line), height)
		}
		return r, n == 0 || !named || conf/float64(n) < 70, list
	}
	return image.Rectangle{}, false, image.Rectangle{}
}
