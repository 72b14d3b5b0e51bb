package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// splitHeader splits the first page at the end of the header: the first
// segment that is a type heading, "Kính gửi" (unless set in the right
// column, beside a công văn's trích yếu, which goes on under it), or body
// text across the page.
func splitHeader(segs []layout.Segment) (head, rest []layout.Segment) {
	for i, s := range segs {
		f := foldUpper(s.Text)
		_, _, _, isType := headingOf(segs, i, "")
		if isType || strings.HasPrefix(f, "KINH GUI") && s.Zone != layout.Right || s.Zone == layout.Full && i > 2 {
			return segs[:i], segs[i:]
		}
	}
	return segs, nil
}

// headingOf returns the type segment i of segs names as a heading (see
// headingType), the heading's segment, and the segments after it. A
// heading set wide (letter-spaced, or its words far apart) may have been
// parted at its widest gap into two segments of one row: the next is
// joined to it then.
func headingOf(segs []layout.Segment, i int, number string) (dict.DocType, layout.Segment, []layout.Segment, bool) {
	s := segs[i]
	if t, ok := headingType(s.Text, number); ok {
		return t, s, segs[i+1:], true
	}
	next := layout.NextOnRow(segs, i)
	if next != i+1 {
		return dict.DocType{}, s, nil, false
	}
	j := joinSegs(s, segs[next])
	if t, ok := headingType(j.Text, number); ok {
		return t, j, segs[next+1:], true
	}
	return dict.DocType{}, s, nil, false
}

// headingType returns the type a line in capitals names as a document's
// heading: its whole text (QUYẾT ĐỊNH, NGHỊ QUYẾT LIÊN TỊCH), or its
// first words, the rest qualifying it (KẾT LUẬN THANH TRA, BIÊN BẢN LÀM
// VIỆC, and in the format before 2011 QUYẾT ĐỊNH CỦA CHỦ TỊCH …), the
// longest type that begins it. A type read from the first words must agree
// with number, the document's, where its code names a type. A law's and
// an ordinance's heading goes on with its name (LUẬT ĐẤT ĐAI), so only
// their whole text names them. An I of the capitals read as a small l or
// a bar (QUYẾT ĐlNH, GIẤY MỜ|) is an I.
func headingType(line, number string) (dict.DocType, bool) {
	if !dict.Capitals(line) {
		return dict.DocType{}, false
	}
	words := strings.Fields(dict.TrimSigns(capitalI.Replace(line)))
	if t, ok := dict.DocTypeByName(strings.Join(words, " ")); ok {
		return t, true
	}
	for n := len(words) - 1; n >= 1; n-- {
		t, ok := dict.DocTypeByName(strings.Join(words[:n], " "))
		if !ok {
			continue
		}
		if t.Abbrev == "" && t.Name != "Công văn" || t.Abbrev == "L" {
			return dict.DocType{}, false // Luật, Bộ luật, Pháp lệnh, Lệnh, Thư công
		}
		if named := typeFromNumber(number); named != "" && named != "Công văn" && named != t.Name {
			return dict.DocType{}, false
		}
		return t, true
	}
	return dict.DocType{}, false
}

// capitalI reads the marks OCR makes of a capital I in a line of
// capitals as the I, and a 0 as the O it is (T0 TRÌNH, TH0NG BÁO).
var capitalI = strings.NewReplacer("l", "I", "|", "I", "0", "O")

// unreadHeading reports whether s, a line under the header, is set as a
// type's heading is (centred, in capitals, a few words without figures)
// but names no type: a heading OCR misread past reading (QU¥ẾT ĐỊNH).
func unreadHeading(s layout.Segment) bool {
	words := strings.Fields(s.Text)
	f := foldUpper(s.Text)
	return s.Zone == layout.Centre && dict.Capitals(s.Text) && len(words) >= 2 && len(words) <= 5 &&
		!strings.ContainsFunc(s.Text, unicode.IsDigit) && !isNational(s.Text) && !strings.HasPrefix(f, "KINH GUI") &&
		!isMark(s.Text) && !receivedStamp(s.Text)
}

// splitNumberDate parts a header row OCR read as one line across the page:
// the number's "Số: …" and the date line, which a long place ("Thành phố
// Hồ Chí Minh, ngày …") brings within a word's gap of it. The row is cut
// at its widest gap before "ngày"; width is the page's.
func splitNumberDate(segs []layout.Segment, width int) []layout.Segment {
	var out []layout.Segment
	for _, s := range segs {
		_, isNumber := ownNumber(s.Text)
		_, _, isDate := ParseDateLine(s.Text)
		if !isNumber || !isDate || len(s.Words) < 3 {
			out = append(out, s)
			continue
		}
		at, gap := 0, -1
		for i := 2; i < len(s.Words); i++ {
			if g := s.Words[i].X0 - s.Words[i-1].X1; g > gap {
				at, gap = i, g
			}
			if strings.HasPrefix(foldUpper(s.Words[i].Text), "NGAY") {
				break
			}
		}
		out = append(out, layout.NewSegment(s.Words[:at], width), layout.NewSegment(s.Words[at:], width))
	}
	return out
}

// splitNational parts a header row OCR read as one line across the page:
// the agency's first line and the Quốc hiệu (or the Party's name) beside
// it ("ỦY BAN NHÂN DÂN __ CỘNG HÒA XÃ HỘI …"). Tesseract joins the two
// columns when something above them, such as a signing tool's stamp in
// the margin, upsets its reading of the page's layout. The row is cut
// where the Quốc hiệu begins, so that each column is a segment of its own
// (and belowNational finds the row). Only the first rows, in capitals,
// are looked at: a sentence of the body may name the Republic.
func splitNational(segs []layout.Segment, width int) []layout.Segment {
	var out []layout.Segment
	for i, s := range segs {
		at := len(strings.Fields(cutNational(s.Text))) // the agency's words
		if i >= 12 || !dict.Capitals(s.Text) || at == 0 || at >= len(s.Words) {
			out = append(out, s)
			continue
		}
		if national := layout.NewSegment(s.Words[at:], width); isNational(national.Text) {
			out = append(out, layout.NewSegment(s.Words[:at], width), national)
			continue
		}
		out = append(out, s)
	}
	return out
}

// belowNational drops the lines set above the row of the Quốc hiệu (or
// the Party's name): a header's first row holds it beside the agency's
// first line, so what stands higher is no part of the header, such as a
// gazette's running head ("CÔNG BÁO/Số 205 + 206/Ngày 15-3-2020") and
// its part and agency headings, centred, or a fax machine's line. An
// urgency or secrecy mark stays wherever it was stamped, and so does a
// line of capitals without figures in the left column: the first line of
// an agency's name in more lines than the Quốc hiệu and its motto, set
// level with their middle. Lines without word boxes have no rows and are
// kept.
func belowNational(segs []layout.Segment) []layout.Segment {
	at := slices.IndexFunc(segs[:min(len(segs), 12)], func(s layout.Segment) bool {
		m := nationalIn.FindStringIndex(agencyKey(s.Text))
		return len(s.Words) > 0 && m != nil && (m[0] == 0 || s.Zone == layout.Right) && dict.Capitals(s.Text)
	})
	if at < 0 {
		return segs
	}
	nat := segs[at]
	var out []layout.Segment
	for i, s := range segs {
		above := i < at && len(s.Words) > 0 && (s.Y0+s.Y1)/2 < nat.Y0
		agencyLine := s.Zone == layout.Left && dict.Capitals(s.Text) && !strings.ContainsFunc(s.Text, unicode.IsDigit)
		if above && !agencyLine && !isMark(s.Text) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// ParseUrgency recognises a line that is an urgency mark alone: a clerk's
// value, or a query's.
func ParseUrgency(line string) string { return dict.ReadMark(line, dict.Urgencies) }

// ParseConfidentiality recognises a line that is a secrecy mark alone.
func ParseConfidentiality(line string) string { return dict.ReadMark(line, dict.Secrecies) }

// readMarks reads the marks on a line of a page (dict.ReadMarks).
func readMarks(line string) (urgency, secrecy string) { return dict.ReadMarks(line) }

// isMark reports whether a line of a page is marks (readMarks) and no
// more.
func isMark(line string) bool {
	u, c := readMarks(line)
	return u != "" || c != ""
}

// readMarkLines reads the marks of urgency and secrecy, which stand alone
// on a line of the header or under it.
func (r *reading) readMarkLines(h *pageTop) {
	for _, s := range append(append([]layout.Segment{}, h.head...), h.rest[:min(len(h.rest), 6)]...) {
		u, c := readMarks(s.Text)
		if u != "" && r.md.Urgency == "" {
			r.md.Urgency = u
			r.set("urgency", s)
		}
		if c != "" && r.md.Confidentiality == "" {
			r.md.Confidentiality = c
			r.set("confidentiality", s)
		}
	}
}

// readType reads the type of document (loại văn bản): the heading line,
// else the number's type abbreviation, else a công văn; and doubts the
// type and the number where the two disagree.
func (r *reading) readType(h *pageTop) {
	for i := range h.rest[:min(len(h.rest), 4)] {
		if t, s, after, ok := headingOf(h.rest, i, r.md.Number); ok {
			r.md.DocType, h.headingAt, h.heading, h.afterHeading = t.Name, i, s, after
			r.set("doc_type", s)
			break
		}
	}
	if t, ok := dict.DocTypeByName(r.md.DocType); ok && h.headingAt >= 0 {
		if n, ok := h.typeLost.WithType(t.Abbrev); ok {
			r.md.Number = n.String() // "…/TTr-UBND": the print kept, flagged
		}
	}
	named := typeFromNumber(r.md.Number)
	if n, ok := consolidatedCode(r.md.Number); ok && r.md.DocType != "" {
		// 05/VBHR-BNV under THÔNG TƯ: a consolidated text's code
		// misread, which no heading puts right (see below).
		r.md.Number, named = n, consolidated
		r.doubt("number", "doc_type")
	}
	switch {
	case r.md.DocType == "":
		r.md.DocType = named
	case named == consolidated:
		// A consolidated text prints the heading of the text it
		// consolidates (THÔNG TƯ) under a number of its own series
		// (05/VBHN-BNV): it is registered as what its number says.
		r.md.DocType = named
	default:
		r.md.Number = codeForType(r.md.Number, r.md.DocType)
		if named = typeFromNumber(r.md.Number); named != "" && named != "Công văn" && named != r.md.DocType {
			// The heading says one type, the number's abbreviation
			// another (THÔNG TƯ over 45/QĐ-BNV, TỜ TRÌNH over 12/TT-UBND
			// with its r lost): one of them misread.
			r.doubt("doc_type", "number")
		}
	}
	if r.md.DocType == "Công văn" && h.headingAt < 0 && (slices.ContainsFunc(h.head, unreadHeading) || slices.ContainsFunc(h.rest[:min(len(h.rest), 4)], unreadHeading)) {
		// A công văn has no heading: a line set as one that names no
		// type was misread, and the type read from the number or the
		// trích yếu is not sure.
		r.doubt("doc_type")
	}
	if r.md.DocType == "" {
		delete(r.conf, "doc_type")
	}
}

// typeByForm reads a document without a type heading as a công văn where
// its form is one's: a trích yếu "V/v …" under the number (subject, read
// from lines), or a number whose code after the slash is its issuer's.
func (r *reading) typeByForm(h *pageTop, lines []layout.Segment) {
	if h.headingAt >= 0 {
		return
	}
	if r.md.DocType == "Công văn" {
		if r.md.Subject != "" && len(lines) > 0 && !r.doubted["doc_type"] {
			// Its number names no type and a trích yếu "V/v …" stands
			// under it: two signs of a công văn. The figures written by
			// hand into the number's slot, which lower what OCR says of
			// its line, say nothing of either.
			r.conf["doc_type"] = max(r.conf["doc_type"], lines[0].Conf/100)
		}
		return
	}
	if r.md.Subject != "" && len(lines) > 0 {
		// No heading, but a trích yếu "V/v …" under the number: the
		// form of a công văn alone (NĐ 30, ô 5b). A code after the
		// slash that names a type is then the issuer's (CT: Cục
		// Thuế, not Chỉ thị); the clerk checks the two disagreeing.
		c := lines[0].Conf / 100
		if r.md.DocType != "" && !typeCodeIsIssuers(r.md.Number, r.md.Issuer) {
			c = min(c, ReviewThreshold/2)
		}
		r.md.DocType, r.conf["doc_type"] = "Công văn", c
		return
	}
	if typeCodeIsIssuers(r.md.Number, r.md.Issuer) {
		// No heading and no trích yếu read, and the code after the slash
		// that names a type is the issuer's (1234/CT-TTHT under CỤC THUẾ):
		// a type of that code prints its heading, a công văn none. A
		// công văn, for the clerk to check.
		r.md.DocType = "Công văn"
		r.doubt("doc_type")
	}
}
