package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// readNumber reads the document's own number (số và ký hiệu) from the
// top of its first page: the first line labelled as one.
func (r *reading) readNumber(h *pageTop) {
	for i := range h.top {
		s := withCode(h.top, i)
		n, ok := ownNumber(s.Text)
		if !ok {
			continue
		}
		if n.TypeLost {
			h.typeLost = n
			if d := inkDigits(s); d != "" {
				// The digit model read the slot, up to where the type
				// code the heading names would stand.
				h.typeLost.Numeral, h.typeLost.Unreadable = d, false
			}
		} else {
			r.md.Number = n.String()
			r.set("doc_type", s) // the printed code, if the type comes from it
		}
		r.conf["number"] = slotConf(s)
		if n.Numeral == "" || n.Unsure {
			r.conf["number"] = 0 // blank or unreadable: the clerk types it
		}
		h.numberAt = slices.IndexFunc(h.left, func(l layout.Segment) bool { return l.Y0 == s.Y0 && l.X0 == s.X0 })
		return
	}
}

// readDate reads the place and the day of issue from the date line, in
// the motto's column or, where the columns were not told apart, anywhere
// in the top of the first page.
func (r *reading) readDate(h *pageTop) {
	for _, segs := range [][]layout.Segment{h.right, h.top} {
		for i := range segs {
			s := dateLine(segs, i)
			place, date, guessed, ok := readDateLine(s.Text)
			if !ok {
				continue
			}
			r.md.Place, r.md.IssuedDate = dict.RepairPlace(place, texts(h.left)), date
			r.conf["issued_date"] = slotConf(s)
			if len(date) < len("2006-01-02") || guessed {
				r.conf["issued_date"] = 0
			}
			r.set("place", s)
			if !dict.PlaceNamed(r.md.Place, texts(h.left)) {
				r.conf["place"] = 0 // Hà Nẵng: no name of a place
			}
			if clean, ok := strewnPlace(r.md.Place); ok {
				r.md.Place, r.conf["place"] = clean, 0 // "„, Bình An": specks read as signs
			}
			if rest, ok := strings.CutPrefix(r.md.Place, "phố "); ok {
				// "phố Hồ Chí Minh": a city's place whose first word
				// was lost (read into the row beside it, or under
				// ink); a date line names no street.
				r.md.Place, r.conf["place"] = "Thành phố "+rest, 0
			}
			return // a date read is at least its year
		}
	}
}

// ownNumber reads the document's own number from a header line: one that
// begins with "Số" in a capital, as the decree prints it, or with "số:" or
// "s:" (a coarse scan's capital read small; its ố lost beside large
// handwriting); a citation wrapped onto a new line begins "số 115/…"
// without the colon. A law's or a resolution's label names its type first
// ("Luật số: 01/2011/QH13").
func ownNumber(line string) (Number, bool) {
	t := strings.TrimLeftFunc(labelS(line), func(r rune) bool { return !unicode.IsLetter(r) })
	label := []rune(foldUpper(t))
	switch {
	case strings.HasPrefix(t, "S"):
	case typedLabel.MatchString(string(label)):
	case strings.HasPrefix(t, "s") && len(label) > 2 && string(label[:2]) == "SO" && (label[2] == ':' || label[2] == ';'):
	case strings.HasPrefix(t, "s:"): // its ố lost beside figures written by hand
	default:
		return Number{}, false
	}
	return ParseNumberLine(t)
}

// inkDigits is the numeral the digit model read in segment s (a word
// with its readings), if any.
func inkDigits(s layout.Segment) string {
	for _, w := range s.Words {
		if len(w.Alternatives) > 0 && isDigits(w.Text) {
			return w.Text
		}
	}
	return ""
}

// disputed reports whether w is a word of letters that its reader read
// otherwise too, as likely (vanthu.Word.Alternatives): a mark the scan
// does not tell.
func disputed(w vanthu.Word) bool { return len(w.Alternatives) > 0 && !isDigits(w.Text) }

// disputedIn reports whether words[i] is disputed and the words beside it
// do not settle which reading is right: a reading that makes a compound
// of the register with a neighbour (Chủ tịch) where the other does not
// (Chú tịch) settles it.
func disputedIn(words []vanthu.Word, i int) bool {
	w := words[i]
	if !disputed(w) {
		return false
	}
	own, alt := dict.TrimSigns(w.Text), dict.TrimSigns(w.Alternatives[0].Text)
	if i > 0 {
		prev := dict.TrimSigns(words[i-1].Text)
		if dict.IsCompound(prev, own) != dict.IsCompound(prev, alt) {
			return false
		}
	}
	if i+1 < len(words) {
		next := dict.TrimSigns(words[i+1].Text)
		if dict.IsCompound(own, next) != dict.IsCompound(alt, next) {
			return false
		}
	}
	return true
}

// labelAlone matches a "Số:" with nothing after it but a numeral.
var labelAlone = regexp.MustCompile(`^S[O6]\s*[:;.,]?(\s*[0-9]+)?$`)

// withCode is segs[i], and when that is a "Số:" alone (or with a
// numeral), joined with the segment beside it on its row: where OCR read
// nothing of the handwritten numeral, or only the numeral, the blank
// before the printed code ("/TB-UBND") is wide enough to part them into
// two segments. The words joined are the number's too: the numeral the
// digit model read into the slot, and how sure it is, may be beside the
// label.
//
// A number's code wrapped in a narrow column at its hyphen ("Số:
// 1502/SGDĐT-" / "GDTrH", or the hyphen on the line under) goes on with
// the part under it.
func withCode(segs []layout.Segment, i int) layout.Segment {
	s := segs[i]
	if !labelAlone.MatchString(foldUpper(s.Text)) {
		if !strings.Contains(s.Text, "/") {
			return s
		}
		for _, n := range segs[i+1 : min(len(segs), i+4)] {
			t := strings.TrimSpace(n.Text)
			if underLine(s, n) && codeTail.MatchString(t) && (strings.HasSuffix(strings.TrimSpace(s.Text), "-") || strings.HasPrefix(t, "-")) {
				return joinSegs(s, n)
			}
		}
		return s
	}
	if next := layout.NextOnRow(segs, i); next >= 0 {
		return joinSegs(s, segs[next])
	}
	return s
}

// codeTail is the part of a number's code a narrow column wrapped to the
// next line: its parts and their hyphens, nothing else (GDTrH, -KTTH,
// CCVC-NV).
var codeTail = regexp.MustCompile(`^-?\s*[\p{Lu}0-9][\p{Lu}\p{Ll}0-9&]{0,11}(?:\s*-\s*[\p{Lu}0-9][\p{Lu}\p{Ll}0-9&]{0,11})*\.?$`)

// joinSegs is segment s with segment n after it: their text, words and box.
func joinSegs(s, n layout.Segment) layout.Segment {
	s.Text += " " + n.Text
	s.Words = append(s.Words[:len(s.Words):len(s.Words)], n.Words...)
	s.X0, s.X1, s.Y0, s.Y1 = min(s.X0, n.X0), max(s.X1, n.X1), min(s.Y0, n.Y0), max(s.Y1, n.Y1)
	return s
}

// dateLine is the date line of segment i of segs: its text, and when it
// ends on "ngày" (or on its day), the next segment on its row too. A day
// slot left blank (or written in ink OCR did not read) is wide enough for
// the layout to part "Đồng Tháp, ngày" from "tháng 3 năm 2013"; a day an
// e-office system stamped over the slot's dots parts a text layer's line
// after it ("ngày …… 12" / "tháng 3 năm 2024"). A line that ends on
// "năm", its year wrapped to the line under it in a narrow column (a long
// place's), takes that year; so does a line that opens a date line and
// is none alone, wrapped anywhere else (after the place's comma, after
// "tháng"), with the rest under it.
func dateLine(segs []layout.Segment, i int) layout.Segment {
	s := segs[i]
	if endsOnNgay.MatchString(strings.TrimRight(foldUpper(s.Text), " .…_:0123456789")) {
		if next := layout.NextOnRow(segs, i); next >= 0 {
			s = joinSegs(s, segs[next])
		}
	}
	if i+1 >= len(segs) || !underLine(s, segs[i+1]) {
		return s
	}
	n := segs[i+1]
	if strings.HasSuffix(strings.TrimRight(foldUpper(s.Text), " .,:"), " NAM") && wrappedYear.MatchString(strings.TrimSpace(n.Text)) {
		return joinSegs(s, n)
	}
	if !opensDateLine(s.Text) {
		return s // the common case: no place's comma to open one
	}
	if readsAsDate(s.Text) {
		return s
	}
	if j := joinSegs(s, n); readsAsDate(j.Text) {
		return j
	}
	return s
}

// readsAsDate reports whether t reads as a date line (readDateLine).
func readsAsDate(t string) bool {
	_, _, _, ok := readDateLine(t)
	return ok
}

// underLine reports whether n is set right under s: less than a line
// between, across it.
func underLine(s, n layout.Segment) bool {
	return n.Y0 >= s.Y1-(s.Y1-s.Y0)/2 && n.Y0-s.Y1 < s.Y1-s.Y0 && n.X0 < s.X1 && n.X1 > s.X0
}

// opensDateLine reports whether t opens a date line: a place alone and its
// comma, before "ngày" (as OCR may read it: ngàv) or at the line's end.
func opensDateLine(t string) bool {
	up := foldUpper(t)
	if m := commaNgay.FindStringIndex(up); m != nil {
		up = up[:m[0]+1]
	}
	return placeAlone(up)
}

// commaNgay is the comma after a date line's place and the "ngày" after
// it (ngayRead).
var commaNgay = regexp.MustCompile(`,\s*` + ngayRead + `\b`)

// endsOnNgay matches a line that ends on "ngày" (ngayRead).
var endsOnNgay = regexp.MustCompile(ngayRead + `$`)

// wrappedYear is a year alone on its line, with the stop that may end it.
var wrappedYear = regexp.MustCompile(`^(19|20)\d\d\.?$`)

// slotConf is the confidence (0–1) of a number or date read from segment
// s: that of its least sure word with a digit in it. The numeral and the
// day are the parts written by hand, and OCR is least sure of those; the
// mean of the line would hide them behind its printed words.
func slotConf(s layout.Segment) float64 {
	c := s.Conf
	for _, w := range s.Words {
		if strings.ContainsAny(w.Text, "0123456789") {
			c = min(c, w.Confidence)
		}
	}
	return c / 100
}
