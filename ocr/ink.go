package ocr

import (
	"image"
	"slices"
	"strconv"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/ocr/digits"
)

// inkConfCap is the highest confidence (0–100) given to a number or day
// read from handwriting alone: below extraction's review threshold, so that
// a clerk confirms it. Where Tesseract's own reading of the slot has the
// same digits, two readers agree and the model's confidence stands.
const inkConfCap = 60

// readInk reads the digits written by hand into the slots of an NĐ 30
// header, the number ("Số: 45/QĐ-UBND") and the day ("ngày 07 tháng"),
// with the digit model (package digits) on the page image turned level as
// OCR read it (page gives it, decoded once, when a slot needs it), and puts
// them into the page's words in place of Tesseract's reading of the slot.
// slots are the page's (inkSlots) and words in the image's pixels (an
// upright page); slots with nothing written in them leave the words as
// they are.
func readInk(page func() image.Image, slots []inkSlot, words []vanthu.Word) ([]vanthu.Word, bool) {
	changed := false
	for _, s := range slots {
		if s.printed(words) {
			continue
		}
		img := page()
		if img == nil {
			return words, changed
		}
		if r := digits.Read(img, s.slot, s.room, s.valid); r.Text != "" {
			words, changed = s.apply(words, r), true
		}
	}
	return words, changed
}

// readStamped puts into words each numeral of stamped (drawn by a PDF over
// its scan: an e-office system's number and day, in the same frame as
// words) that stands in a slot, as sure as print: it is the document's own
// text, not a reading of ink. It returns the slots left to the readers of
// ink.
func readStamped(slots []inkSlot, words, stamped []vanthu.Word) ([]vanthu.Word, []inkSlot, bool) {
	changed := false
	var left []inkSlot
	for _, s := range slots {
		if st, ok := s.stamped(stamped); ok {
			words, changed = s.put(words, st), true
			continue
		}
		left = append(left, s)
	}
	return words, left, changed
}

// stamped returns the numeral of stamped that stands in the slot (its
// centre in the slot's band, within the room the ink may fill) and can be
// what the slot holds, as a word of the slot's line, fully sure.
func (s inkSlot) stamped(stamped []vanthu.Word) (vanthu.Word, bool) {
	room := s.slot.Union(s.room)
	for _, w := range stamped {
		c := centre(w)
		if c.In(room) && c.Y >= s.slot.Min.Y && c.Y < s.slot.Max.Y && s.valid(w.Text) {
			w.Confidence, w.Block, w.Line, w.Alternatives = 100, s.label.Block, s.label.Line, nil
			return w, true
		}
	}
	return vanthu.Word{}, false
}

// valid reports whether digits can be what the slot holds: any number,
// a day of the month, or a month.
func (s inkSlot) valid(digits string) bool {
	if !s.day && !s.month {
		return true
	}
	d, err := strconv.Atoi(digits)
	last := 31
	if s.month {
		last = 12
	}
	return err == nil && len(digits) <= 2 && d >= 1 && d <= last
}

// printedConf is the confidence (0–100) above which Tesseract's reading of
// a slot as digits is taken for print, not handwriting: Tesseract reads
// print surely and handwriting never so.
const printedConf = 85

// printed reports whether the slot holds printed digits, not handwriting:
// Tesseract read digits there and nothing else, and read them surely or
// as one word with the code's slash ("32/KH-BNV": typed together; a hand
// writes into the blank before the printed slash; a day run into
// "tháng"). Digits glued to the code by another mark ("14.UBND-KTTH")
// are no such sign: the slash was misread, and so may they be. Digits
// read surely in the number's slot are print only where they stand as
// print does, no taller than the code's capitals by a quarter and on
// their baseline: a hand writes larger, and across the line.
func (s inkSlot) printed(words []vanthu.Word) bool {
	read, conf, box := s.tesseract(words)
	if numeral, year, ok := strings.Cut(read, "/"); ok && len(year) == 4 && strings.Map(keepDigit, year) == year {
		read = numeral // a legal normative document's year, read apart from its code: print
	}
	if read == "" || strings.Map(keepDigit, read) != read {
		return false
	}
	glued := strings.TrimSuffix(s.next.Text, s.nextText)
	if glued != "" && strings.Map(keepDigit, glued) == glued {
		return s.day || s.month || strings.HasPrefix(s.nextText, "/") || strings.HasPrefix(s.nextText, "-")
	}
	return conf >= printedConf && (s.day || s.month || s.printSized(box))
}

// printSized reports whether box, where Tesseract read digits in the
// number's slot, is of the size and on the line of the code's print (the
// next word, when it is the code alone).
func (s inkSlot) printSized(box image.Rectangle) bool {
	h := s.next.Y1 - s.next.Y0
	if s.next.Text != s.nextText || h <= 0 || box.Empty() {
		return true
	}
	return 4*box.Dy() <= 5*h && 4*(box.Max.Y-s.next.Y1) <= h && 4*(s.next.Y0-box.Min.Y) <= h
}

// tesseract returns what Tesseract read in the slot (what ran into the
// label and the next word included), its least confidence, and the boxes
// of the words read in the slot alone.
func (s inkSlot) tesseract(words []vanthu.Word) (string, float64, image.Rectangle) {
	var b strings.Builder
	conf := 100.0
	var box image.Rectangle
	for _, w := range words {
		cx := (w.X0 + w.X1) / 2
		var part string
		alone := false
		switch {
		case same(w, s.label):
			part = w.Text // what ran in after the label's print
			if i := strings.Index(w.Text, s.labelText); i >= 0 {
				part = w.Text[i+len(s.labelText):]
			}
		case same(w, s.next):
			part = strings.TrimSuffix(w.Text, s.nextText)
		case w.Line == s.label.Line && cx > s.slot.Min.X && cx < max(s.slot.Max.X, s.clearTo):
			part, alone = w.Text, true
		}
		if part = strings.Trim(part, " .,:;_-–"); part != "" {
			b.WriteString(part)
			conf = min(conf, w.Confidence)
			if alone {
				box = box.Union(image.Rect(w.X0, w.Y0, w.X1, w.Y1))
			}
		}
	}
	return b.String(), conf, box
}

// apply puts the digit model's reading r into words (see put), as
// confident as the model unless only the model read it (see inkConfCap),
// with the model's other readings.
func (s inkSlot) apply(words []vanthu.Word, r digits.Reading) []vanthu.Word {
	tess, _, _ := s.tesseract(words)
	conf := 100 * r.Conf()
	if strings.Map(keepDigit, tess) != r.Text {
		conf = min(conf, inkConfCap)
	}
	return s.put(words, vanthu.Word{Text: r.Text, X0: r.Box.Min.X, Y0: r.Box.Min.Y, X1: r.Box.Max.X, Y1: r.Box.Max.Y,
		Confidence: conf, Block: s.label.Block, Line: s.label.Line, Alternatives: r.Alternatives})
}

// put puts the slot's reading into words: the words Tesseract read inside
// the slot go, the label and the next word lose what ran into them, and
// the reading stands between them as one word.
func (s inkSlot) put(words []vanthu.Word, reading vanthu.Word) []vanthu.Word {
	var out []vanthu.Word
	at := -1
	for _, w := range words {
		cx := (w.X0 + w.X1) / 2
		switch {
		case same(w, s.label):
			w.Text, w.X1 = s.labelText, min(w.X1, s.slot.Min.X)
			out = append(out, w)
			at = len(out)
		case same(w, s.next):
			w.Text, w.X0 = s.nextText, max(w.X0, s.slot.Max.X)
			out = append(out, w)
		case w.Line == s.label.Line && cx > s.slot.Min.X && cx < max(s.slot.Max.X, s.clearTo):
			// Tesseract's reading of the ink goes.
		default:
			out = append(out, w)
		}
	}
	if at < 0 {
		return words
	}
	return slices.Insert(out, at, reading)
}

// coarseDPI is the resolution below which no reading of a slot is sure:
// at 150 dpi a digit of the header is about twelve pixels tall, a 3 and
// an 8 or a 0 and a 2 differ by a pixel or two, and Tesseract and the
// digit model make the same misreading with confidence.
const coarseDPI = 150

// unsure caps at inkConfCap the confidence of the words that reach into
// a slot on its line, so that what they read there goes to review.
func unsure(slots []inkSlot, words []vanthu.Word) []vanthu.Word {
	for i, w := range words {
		for _, s := range slots {
			if w.Line == s.label.Line && w.Block == s.label.Block && w.X1 > s.slot.Min.X && w.X0 < s.slot.Max.X {
				words[i].Confidence = min(w.Confidence, inkConfCap)
			}
		}
	}
	return words
}

// same reports whether a and b are one word of the page: the same text in
// the same box on the same line.
func same(a, b vanthu.Word) bool {
	return a.Text == b.Text && a.X0 == b.X0 && a.Y0 == b.Y0 && a.X1 == b.X1 && a.Y1 == b.Y1 && a.Line == b.Line
}

func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func fold(s string) string { return strings.ToUpper(dict.Fold(dict.NFC(s))) }
