package ocr

import (
	"image"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// inkSlot is the place of a handwritten field on one printed line: the
// span between the label (Số:, ngày) and what follows it (/QĐ-UBND,
// tháng) in the rows of the printed line; the room the ink may fill where
// the span's end is an estimate (up to the code whose slash was lost); and
// the words around it.
type inkSlot struct {
	slot, room  image.Rectangle
	label, next vanthu.Word
	labelText   string // the label as printed, without what ran into it
	nextText    string // the next word without what ran into it
	day         bool   // the day's slot, not the number's
	month       bool   // the month's slot, written by hand too on a form printed ahead
	// clearTo is where Tesseract's reading of the slot ends, when that is
	// past the slot: the type code it ran into the handwriting
	// ("2477 -UBND" for "24/TTr-UBND") goes with it.
	clearTo int
}

// inkSlots finds the number, day and month slots in the top 40% of a page.
func inkSlots(words []vanthu.Word, width, height int) []inkSlot {
	var out []inkSlot
	number, day := false, false
	segs := layout.Segments(vanthu.Page{Width: width, Words: words})
	for k, s := range segs {
		if s.Y0 > height*2/5 {
			continue
		}
		ws := s.Words
		if len(ws) > 0 && (!number && isNumberLabel(ws[0].Text) || !day && strings.HasPrefix(fold(ws[len(ws)-1].Text), "NGAY")) {
			// A blank the width of a few digits parts the label (Số:,
			// ngày) from what follows the slot (the code, tháng): in a
			// segment of its own, on the same row.
			if next := layout.NextOnRow(segs, k); next >= 0 {
				ws = slices.Concat(ws, segs[next].Words)
			}
		}
		if len(ws) < 2 {
			continue
		}
		if !number && isNumberLabel(ws[0].Text) {
			// The code follows the slot: the first word after the label
			// with a slash before a capital, or a code whose slash was
			// lost (UBND-KTTH). "Số:" is about 1.6 times as wide as the
			// code's capitals are tall. Where OCR read the handwriting
			// into the code's word (14.UBND-KTTH, §!4/UBND-KTTH), the
			// slot ends where the code's print would begin, its letters
			// set in the label's type, taken wide: a digit counts by its
			// middle, so a slot a little short loses none, and one a
			// little long takes in the slash as a 1.
			for _, w := range ws[1:] {
				if at, ok := codeStart(w.Text); ok {
					labelW := 1.6 * float64(w.Y1-w.Y0)
					codeW := 0.0
					if rs := []rune(w.Text); inkBefore(rs, at) {
						codeW = 1.1 * printWidth(rs[at:]) * em(ws[0], labelW)
					}
					sl := makeSlot(ws[0], w, "Số:", labelW, at, codeW)
					if strings.HasPrefix(w.Text, "-") && !partyCode(w.Text) {
						sl = sl.beforeType(typeHeading(segs, height))
					}
					out = append(out, sl)
					number = true
					break
				}
			}
			continue
		}
		if day {
			continue
		}
		// "ngày … tháng … năm 2025": the year's digits give the size of
		// the print; "ngày" is about 2.5 times as wide as they are tall,
		// "tháng" 3.1 times, "năm" 2.3 times. The month's slot is read
		// only where Tesseract did not read print there (see printed).
		digitH := 0
		for _, w := range ws {
			if len(w.Text) == 4 && strings.Map(keepDigit, w.Text) == w.Text {
				digitH = w.Y1 - w.Y0
			}
		}
		for i, w := range ws {
			if !strings.HasPrefix(fold(w.Text), "NGAY") || digitH == 0 {
				continue
			}
			for j := i + 1; j < min(len(ws), i+4); j++ {
				next := ws[j]
				f := fold(next.Text)
				at := strings.Index(f, "THANG")
				if at < 0 {
					continue
				}
				at = utf8.RuneCountInString(f[:at]) // runes, as makeSlot counts
				sl := makeSlot(w, next, "ngày", 2.5*float64(digitH), at, 3.1*float64(digitH))
				sl.day = true
				out = append(out, sl)
				day = true
				if m, ok := monthSlot(next, at > 0, ws[j+1:min(len(ws), j+4)], digitH); ok {
					out = append(out, m)
				}
				break
			}
			break
		}
	}
	return out
}

// isNumberLabel reports whether w is the label "Số" of a number (Số:,
// Số, Sô:), not a word that begins with it.
func isNumberLabel(w string) bool {
	f := fold(w)
	return strings.HasPrefix(f, "SO") && (len(f) == 2 || !unicode.IsLetter(rune(f[2])))
}

// monthSlot is the slot between "tháng" (the word thang, whose start
// holds the day's ink when inkFirst) and the first of after that holds
// "năm"; digitH is the height of the year's printed digits.
func monthSlot(thang vanthu.Word, inkFirst bool, after []vanthu.Word, digitH int) (inkSlot, bool) {
	for _, year := range after {
		at := strings.Index(fold(year.Text), "NAM")
		if at < 0 {
			continue
		}
		at = utf8.RuneCountInString(fold(year.Text)[:at])
		sl := makeSlot(thang, year, "tháng", 3.1*float64(digitH), at, 2.3*float64(digitH))
		if inkFirst {
			// The day's ink run into "tháng" stands at its start: its
			// print ends the word.
			sl.slot.Min.X, sl.room.Min.X = thang.X1, thang.X1
		}
		sl.month = true
		return sl, true
	}
	return inkSlot{}, false
}

// beforeType ends a number's slot before the type code OCR lost into it
// ("Số: 2477 -UBND"): "/" and abbrev, as wide as the letters of the
// issuing code after it. With no abbreviation (no type heading, or a
// type without one) the slot is left as it is.
func (s inkSlot) beforeType(abbrev string) inkSlot {
	n := utf8.RuneCountInString(s.next.Text)
	if abbrev == "" || n == 0 {
		return s
	}
	perRune := float64(s.next.X1-s.next.X0) / float64(n)
	right := s.next.X0 - int(perRune*float64(1+utf8.RuneCountInString(abbrev)))
	if right <= s.slot.Min.X {
		return s
	}
	s.clearTo = s.next.X0
	s.slot.Max.X, s.room.Max.X = right, right
	return s
}

// typeHeading is the abbreviation (Phụ lục III) of the type whose heading
// (QUYẾT ĐỊNH, TỜ TRÌNH) stands in the top 40% of the page, if any.
func typeHeading(segs []layout.Segment, height int) string {
	for _, s := range segs {
		if s.Y0 > height*2/5 {
			continue
		}
		t := strings.TrimFunc(s.Text, func(r rune) bool { return !unicode.IsLetter(r) })
		if t == "" || strings.ToUpper(t) != t {
			continue
		}
		if dt, ok := dict.DocTypeByName(t); ok {
			return dt.Abbrev
		}
	}
	return ""
}

// codeStart returns the offset (in runes) at which the number's code
// begins in w: its slash (before a capital, or before a capital read as
// a digit: /8C-UBND, or before a year: /2011/TT-BNV), or the word itself
// when it is a code without one.
func codeStart(w string) (int, bool) {
	rs := []rune(w)
	for i, r := range rs {
		if r != '/' || i+1 >= len(rs) {
			continue
		}
		if year := string(rs[i+1 : min(len(rs), i+6)]); len(year) == 5 && year[4] == '/' && strings.Map(keepDigit, year[:4]) == year[:4] {
			// A legal normative document's year (01/2011/TT-BNV) is part
			// of the printed code.
			return i, true
		}
		if unicode.IsUpper(rs[i+1]) || unicode.IsDigit(rs[i+1]) && i+2 < len(rs) && unicode.IsUpper(rs[i+2]) || capitalsAsFigures(rs[i+1:]) {
			// A Party number has its type code before the slash, after a
			// hyphen (1450-CV/TU): the code begins at the hyphen.
			j := i
			for j > 0 && i-j < 4 && unicode.IsLetter(rs[j-1]) {
				j--
			}
			if j > 0 && j < i && rs[j-1] == '-' && unicode.IsUpper(rs[j]) {
				return j - 1, true
			}
			return i, true
		}
	}
	if codeWord(w) {
		return 0, true
	}
	// The handwriting read as figures into the code's word, the slash
	// read as another thin mark ("14.UBND-KTTH"): the mark stands where
	// the slash does.
	if i := slices.IndexFunc(rs, func(r rune) bool { return strings.ContainsRune(dict.SlashLookalikes, r) }); i > 0 &&
		strings.Map(keepDigit, string(rs[:i])) == string(rs[:i]) && codeWord(string(rs[i+1:])) {
		return i, true
	}
	// A slash read as another thin mark (";CT-UBND", "“UBND-KGVX"): the
	// mark stands where the slash does.
	if code := strings.TrimLeft(w, dict.SlashLookalikes); code != w && utf8.RuneCountInString(w)-utf8.RuneCountInString(code) <= 2 && strings.Contains(code, "-") {
		if first, _ := utf8.DecodeRuneInString(code); unicode.IsUpper(first) && isCode(strings.Map(upperTypeCode, code)) {
			return 0, true
		}
	}
	return 0, false
}

// codeWord reports whether w is a number's code without its slash
// (UBND-KTTH, TTr-UBND, -UBND): capitals and hyphens, a type code's
// small letters (the r of TTr) at most two.
func codeWord(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	small := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			small++
		}
	}
	return (unicode.IsUpper(first) || first == '-') && small <= 2 && strings.Contains(w, "-") && isCode(strings.Map(upperTypeCode, w))
}

// capitalsAsFigures reports whether rs, after a slash, is a code whose
// first capitals, one or two, were read as figures (/11r-UBND for
// /TTr-UBND).
func capitalsAsFigures(rs []rune) bool {
	n := 0
	for n < len(rs) && n < 3 && unicode.IsDigit(rs[n]) {
		n++
	}
	if n == 0 || n > 2 {
		return false
	}
	return codeWord(strings.Repeat("X", n) + string(rs[n:]))
}

// partyCode reports whether code is a Party number's, its type code after
// a hyphen and before the slash: "-CV/TU".
func partyCode(code string) bool {
	typ, _, ok := strings.Cut(code, "/")
	return ok && strings.HasPrefix(typ, "-") && len(typ) > 1
}

// upperTypeCode spells the small letter of a type code (TTr) as a capital.
func upperTypeCode(r rune) rune {
	if unicode.IsLower(r) {
		return unicode.ToUpper(r)
	}
	return r
}

// isCode reports whether w is written like a code: capitals, hyphens.
func isCode(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '-':
		default:
			return false
		}
	}
	return n >= 3
}

// makeSlot builds the slot between label, printed as labelText and about
// labelW pixels wide, and next, whose printed part starts at rune nextAt
// and is about nextW pixels wide (0: unknown). OCR often runs the
// handwriting into either word, in its box or in its text: a word wider
// than its print ends (or starts) where its print would.
func makeSlot(label, next vanthu.Word, labelText string, labelW float64, nextAt int, nextW float64) inkSlot {
	left := label.X1
	if float64(label.X1-label.X0) > 1.3*labelW {
		left = label.X0 + int(1.1*labelW)
	}
	if !strings.HasPrefix(label.Text, labelText) {
		if trimmed := strings.TrimRight(label.Text, ":;.,"); utf8.RuneCountInString(trimmed) <= utf8.RuneCountInString(labelText) {
			labelText = label.Text // as read: "Số", "Sô:"
		}
	}
	right := next.X0
	nextText := string([]rune(next.Text)[nextAt:])
	slash := false
	if labelText == "Số:" && !strings.HasPrefix(nextText, "/") && !strings.ContainsRune(dict.SlashLookalikes, []rune(nextText + " ")[0]) && !partyCode(nextText) {
		// The code's slash was read into the slot (or lost): it stands
		// about half a capital's height before the code, and the last
		// digit may reach past that up to it.
		right -= (next.Y1 - next.Y0) / 2
		slash = true
	}
	switch {
	case nextW > 0 && float64(next.X1-next.X0) > 1.3*nextW:
		right, slash = next.X1-int(1.1*nextW), false
	case nextAt > 0 && strings.ContainsAny(string([]rune(next.Text)[:nextAt]), ".…"):
		// OCR read the slot's dotted leaders before the code (a form's or
		// a draft's slot, blank or written over): stops are narrower than
		// letters, and a slot counted by runes takes in the code's slash,
		// which reads as a 1.
		rs := []rune(next.Text)
		right, slash = next.X0+int(float64(next.X1-next.X0)*printWidth(rs[:nextAt])/printWidth(rs)), false
	case nextAt > 0:
		right, slash = next.X0+(next.X1-next.X0)*nextAt/utf8.RuneCountInString(next.Text), false
	}
	slot := image.Rect(left, next.Y0, right, next.Y1)
	room := slot
	if slash {
		room.Max.X = next.X0
	}
	return inkSlot{slot: slot, room: room, label: label, next: next, labelText: labelText, nextText: nextText}
}

// inkBefore reports whether what word rs holds before its code at at is
// handwriting OCR read into it: anything but figures typed with the
// code's slash or hyphen (32/KH-BNV, 1450-CV/TU) or a slot's dotted
// leaders (....../QĐ-TTg).
func inkBefore(rs []rune, at int) bool {
	if at <= 0 {
		return false
	}
	before := string(rs[:at])
	if strings.ContainsAny(before, ".…") {
		return false
	}
	return strings.Map(keepDigit, before) != before || rs[at] != '/' && rs[at] != '-'
}

// em is about how wide an em of the print is beside label "Số:": the
// label's own width over its letters' where it was read as the label
// alone, no wider than the label is about (labelW); else labelW's.
func em(label vanthu.Word, labelW float64) float64 {
	rs := []rune(label.Text)
	if w := float64(label.X1 - label.X0); isNumberLabel(label.Text) && len(rs) <= 3 && w > 0 && w <= 1.3*labelW {
		return w / printWidth(rs)
	}
	return labelW / printWidth([]rune("Số:"))
}

// printWidth is about how wide rs are set in a serif type, in ems.
func printWidth(rs []rune) float64 {
	w := 0.0
	for _, r := range rs {
		switch {
		case strings.ContainsRune(".,:;'’·", r):
			w += 0.25
		case r == '/' || r == '-' || r == 'I' || r == '|':
			w += 0.3
		case r == '…' || r == 'M' || r == 'W' || r == 'm':
			w += 0.9
		case unicode.IsUpper(r):
			w += 0.7
		default:
			w += 0.5
		}
	}
	return w
}
