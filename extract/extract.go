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

// Extract reads the metadata of a document from its recognised pages (in
// order). Fields it cannot find are left empty.
func Extract(pages []vanthu.Page) vanthu.Metadata {
	md, _ := ExtractWithConfidence(pages)
	return md
}

// ReviewThreshold is the confidence below which a field is flagged for a
// clerk's review.
const ReviewThreshold = 0.75

// keyFields must be found; an empty one is flagged for review. Every
// document under NĐ 30 has them, the place and the signer's role too.
var keyFields = []string{"number", "doc_type", "issuer", "issued_date", "place", "subject", "signer", "signer_title"}

// Review lists the fields a clerk should check: key fields not found (but
// the trích yếu of a type whose form has none), and fields read with a
// confidence below ReviewThreshold.
func Review(md vanthu.Metadata, conf map[string]float64) []string {
	var out []string
	for _, f := range reviewOrder {
		c, found := conf[f]
		key := false
		for _, k := range keyFields {
			key = key || k == f
		}
		if f == "subject" && !found && !dict.HasSubject(md.DocType) {
			continue // a giấy giới thiệu's form has no trích yếu to read
		}
		if found && c < ReviewThreshold || !found && key {
			out = append(out, f)
		}
	}
	return out
}

// ExtractWithConfidence is Extract with the confidence (0–1) of each field
// found: the mean OCR confidence of the words it was read from.
func ExtractWithConfidence(pages []vanthu.Page) (vanthu.Metadata, map[string]float64) {
	return extractFields(pages, make([][]layout.Segment, len(pages)))
}

// extractFields is ExtractWithConfidence with the segments of the pages
// after the first that a caller has made (segsOf, nil where not made);
// it makes those it needs, into segsOf.
func extractFields(pages []vanthu.Page, segsOf [][]layout.Segment) (vanthu.Metadata, map[string]float64) {
	md := vanthu.Metadata{Recipients: []string{}}
	conf := map[string]float64{}
	if len(pages) == 0 {
		return md, conf
	}
	set := func(field string, segs ...layout.Segment) {
		if len(segs) == 0 {
			return
		}
		var sum float64
		for _, s := range segs {
			sum += s.Conf
		}
		conf[field] = sum / float64(len(segs)) / 100
	}
	first := belowNational(splitNational(splitNumberDate(layout.Segments(pages[0]), pages[0].Width), pages[0].Width))
	head, rest := splitHeader(first)

	var leftHead, rightHead []layout.Segment
	for _, s := range head {
		if s.Zone == layout.Right {
			rightHead = append(rightHead, s)
		} else {
			leftHead = append(leftHead, s)
		}
	}

	// The number and the date are the document's own only in the header:
	// the body cites other documents' numbers and dates, and a wrapped
	// citation can begin a line with "số 115/2021/NĐ-CP".
	top := head
	for i, s := range rest {
		// Text without word boxes has no columns: its lines run on to the
		// first line of the body.
		if s.Zone == layout.Full && len(s.Words) > 0 || i >= 8 || opensSection(s.Text) {
			break
		}
		top = append(top[:len(top):len(top)], s)
	}
	numberAt := -1
	var typeLost Number // a number whose type code the heading must give back
	for i := range top {
		s := withCode(top, i)
		if n, ok := ownNumber(s.Text); ok {
			if n.TypeLost {
				typeLost = n
				if d := inkDigits(s); d != "" {
					// The digit model read the slot, up to where the type
					// code the heading names would stand.
					typeLost.Numeral, typeLost.Unreadable = d, false
				}
			} else {
				md.Number = n.String()
				set("doc_type", s) // the printed code, if the type comes from it
			}
			conf["number"] = slotConf(s)
			if n.Numeral == "" || n.Unsure {
				conf["number"] = 0 // blank or unreadable: the clerk types it
			}
			numberAt = slices.IndexFunc(leftHead, func(l layout.Segment) bool { return l.Y0 == s.Y0 && l.X0 == s.X0 })
			break
		}
	}
	for _, segs := range [][]layout.Segment{rightHead, top} {
		for i := range segs {
			s := dateLine(segs, i)
			if place, date, guessed, ok := readDateLine(s.Text); ok {
				md.Place, md.IssuedDate = dict.RepairPlace(place, texts(leftHead)), date
				conf["issued_date"] = slotConf(s)
				if len(date) < len("2006-01-02") || guessed {
					conf["issued_date"] = 0
				}
				set("place", s)
				if !dict.PlaceNamed(md.Place, texts(leftHead)) {
					conf["place"] = 0 // Hà Nẵng: no name of a place
				}
				if clean, ok := strewnPlace(md.Place); ok {
					md.Place, conf["place"] = clean, 0 // "„, Bình An": specks read as signs
				}
				if rest, ok := strings.CutPrefix(md.Place, "phố "); ok {
					// "phố Hồ Chí Minh": a city's place whose first word
					// was lost (read into the row beside it, or under
					// ink); a date line names no street.
					md.Place, conf["place"] = "Thành phố "+rest, 0
				}
				break
			}
		}
		if md.IssuedDate != "" {
			break
		}
	}

	// Marks of urgency and secrecy stand alone on a line of the header.
	for _, s := range append(append([]layout.Segment{}, head...), rest[:min(len(rest), 6)]...) {
		u, c := readMarks(s.Text)
		if u != "" && md.Urgency == "" {
			md.Urgency = u
			set("urgency", s)
		}
		if c != "" && md.Confidentiality == "" {
			md.Confidentiality = c
			set("confidentiality", s)
		}
	}

	issuerSegs := leftHead
	if numberAt >= 0 {
		issuerSegs = leftHead[:numberAt]
	}
	var issuerUnsure bool
	md.Issuer, md.ParentBody, issuerUnsure = issuer(issuerSegs, dict.IsJointAbbrev(typeOf(md.Number)))
	if md.Issuer != "" {
		set("issuer", issuerSegs...)
		if issuerUnsure || dict.Garbled(md.Issuer) {
			conf["issuer"] = 0 // BGH HỘI NÔNG DÂN: an abbreviation no body's
		}
	}
	if md.ParentBody != "" && dict.Garbled(md.ParentBody) {
		conf["parent_body"] = 0 // UBND HUYỆN S[I MA CAI
	}
	if name, ok := mottoRunIn(md.Issuer); ok {
		md.Issuer, conf["issuer"] = name, 0
	}
	if name, ok := mottoRunIn(md.ParentBody); ok {
		md.ParentBody, conf["parent_body"] = name, 0
	}
	if slices.ContainsFunc(issuerSegs, func(s layout.Segment) bool { return stampLine(s.Text) }) {
		// A receiving office's stamp ĐẾN over the agency's lines, above
		// the number, its lines read among the name's or in its place
		// (SỞ TÀI CHÍNH, the receiving office's, for SỞ Y TẾ). Under the
		// number or the trích yếu, where NĐ 30 sets it, it is no part of
		// the header.
		conf["issuer"] = 0
		if md.ParentBody != "" {
			conf["parent_body"] = 0
		}
	}
	if md.ParentBody == "" && (md.Issuer == "" || dict.HasParent(md.Issuer)) {
		conf["parent_body"] = 0 // SỞ NỘI VỤ with no UBND TỈNH read above it
	}
	for f, name := range map[string]string{"issuer": md.Issuer, "parent_body": md.ParentBody} {
		if unitMisread(name) || dict.UnknownDistrict(name) || stampRunIn(name) {
			conf[f] = 0 // UBND TÌ GIA LAI, UBND HUYỆN SMA CAI, SỞ TÀI CHÍNH ĐẾN Số: …
		}
		if dict.NamedOtherwise(name, md.Place) {
			conf[f], conf["place"] = 0, 0 // UBND TỈNH BINH AN over Bình An
		}
	}

	// Loại văn bản: the heading line, else the number's type abbreviation,
	// else a công văn.
	headingAt, heading := -1, layout.Segment{}
	var afterHeading []layout.Segment
	for i := range rest[:min(len(rest), 4)] {
		if t, s, after, ok := headingOf(rest, i, md.Number); ok {
			md.DocType, headingAt, heading, afterHeading = t.Name, i, s, after
			set("doc_type", s)
			break
		}
	}
	if t, ok := dict.DocTypeByName(md.DocType); ok && headingAt >= 0 {
		if n, ok := typeLost.WithType(t.Abbrev); ok {
			md.Number = n.String() // "…/TTr-UBND": the print kept, flagged
		}
	}
	named := typeFromNumber(md.Number)
	if n, ok := consolidatedCode(md.Number); ok && md.DocType != "" {
		// 05/VBHR-BNV under THÔNG TƯ: a consolidated text's code
		// misread, which no heading puts right (see below).
		md.Number, named = n, consolidated
		conf["number"] = min(conf["number"], ReviewThreshold/2)
		conf["doc_type"] = min(conf["doc_type"], ReviewThreshold/2)
	}
	switch {
	case md.DocType == "":
		md.DocType = named
	case named == consolidated:
		// A consolidated text prints the heading of the text it
		// consolidates (THÔNG TƯ) under a number of its own series
		// (05/VBHN-BNV): it is registered as what its number says.
		md.DocType = named
	default:
		md.Number = codeForType(md.Number, md.DocType)
		if named = typeFromNumber(md.Number); named != "" && named != "Công văn" && named != md.DocType {
			// The heading says one type, the number's abbreviation
			// another (THÔNG TƯ over 45/QĐ-BNV, TỜ TRÌNH over 12/TT-UBND
			// with its r lost): one of them misread.
			conf["doc_type"] = min(conf["doc_type"], ReviewThreshold/2)
			conf["number"] = min(conf["number"], ReviewThreshold/2)
		}
	}
	if md.DocType == "Công văn" && headingAt < 0 && (slices.ContainsFunc(head, unreadHeading) || slices.ContainsFunc(rest[:min(len(rest), 4)], unreadHeading)) {
		// A công văn has no heading: a line set as one that names no
		// type was misread, and the type read from the number or the
		// trích yếu is not sure.
		conf["doc_type"] = min(conf["doc_type"], ReviewThreshold/2)
	}
	if md.DocType == "" {
		delete(conf, "doc_type")
	}

	var subjectLines []layout.Segment
	if headingAt >= 0 {
		md.Subject, subjectLines = subjectAfterHeading(heading, afterHeading)
	} else {
		md.Subject, subjectLines = subjectVv(leftHead)
	}
	if md.Subject != "" && len(subjectLines) > 0 {
		// A trích yếu is as sure as its least sure line, and as a word in
		// it that is no word (QI)-TTe): one misread spoils it. A letter
		// Vietnamese has not (Nøãi) is a misread however sure OCR was,
		// and a slip of the tone that makes a word all but absent from
		// the register of one of its commonest (vẻ for về) likely one, as
		// is a word with the marks of Vietnamese that is none of its
		// syllables (thưe), a code a capital away from one of the
		// commonest abbreviations (TXHH for TNHH), a sign no typed
		// trích yếu has, a stop or a space where a comma or a
		// number's slash was (sửa đổi. bổ sung, số 2269 Q1-TTg), a
		// word of the register spelt as none of the words with its
		// letters (phần bố for phân bổ), and a number it cites that the
		// text cites nowhere else, where it cites one a figure away.
		conf["subject"] = 1
		if strayMarks(md.Subject) || misreadSeparator(md.Subject) || misspeltPair(md.Subject) || citedOtherwise(md.Subject, pages) {
			conf["subject"] = ReviewThreshold / 2
		}
		for _, s := range subjectLines {
			conf["subject"] = min(conf["subject"], s.Conf/100)
			for _, w := range s.Words {
				if garbled(w.Text) {
					conf["subject"] = min(conf["subject"], w.Confidence/100)
				}
				if dict.IsSlip(dict.TrimSigns(w.Text)) || foreignLetter(w.Text) || misread(w.Text) || nearAbbreviation(w.Text) {
					conf["subject"] = min(conf["subject"], ReviewThreshold/2)
				}
			}
		}
		if headingAt < 0 && md.DocType != "Công văn" {
			// No heading, but a trích yếu "V/v …" under the number: the
			// form of a công văn alone (NĐ 30, ô 5b). A code after the
			// slash that names a type is then the issuer's (CT: Cục
			// Thuế, not Chỉ thị); the clerk checks the two disagreeing.
			c := subjectLines[0].Conf / 100
			if md.DocType != "" && !typeCodeIsIssuers(md.Number, md.Issuer) {
				c = min(c, ReviewThreshold/2)
			}
			md.DocType, conf["doc_type"] = "Công văn", c
		}
	}
	if headingAt < 0 && md.DocType != "Công văn" && typeCodeIsIssuers(md.Number, md.Issuer) {
		// No heading and no trích yếu read, and the code after the slash
		// that names a type is the issuer's (1234/CT-TTHT under CỤC THUẾ):
		// a type of that code prints its heading, a công văn none. A
		// công văn, for the clerk to check.
		md.DocType, conf["doc_type"] = "Công văn", min(conf["doc_type"], ReviewThreshold/2)
	}
	checkIssuingCode(&md, conf)

	// Nơi nhận and the signature are on the last page that has them; a
	// document without the list (a Biên bản) has its signature alone on
	// its last page that has one.
	segsOf[0] = first
	segsAt := func(i int) []layout.Segment {
		if segsOf[i] == nil {
			segsOf[i] = layout.Segments(pages[i])
		}
		return segsOf[i]
	}
	found := false
	for _, alone := range []bool{false, true} {
		for i := len(pages) - 1; i >= 0 && !found; i-- {
			b, ok := closing(beforeCopyBlock(segsAt(i)), alone)
			if !ok {
				continue
			}
			found = true
			segs := segsOf[i]
			md.Recipients, md.SignerTitle, md.Signer = b.recipients, b.title, b.signer
			var closingConf float64
			for _, s := range segs {
				closingConf += s.Conf
			}
			c := closingConf / float64(len(segs)) / 100
			for f, v := range map[string]string{"signer": b.signer, "signer_title": b.title} {
				if v != "" {
					conf[f] = c
				}
			}
			if b.signer != "" && (b.signerGuessed || unsureName(b.signer, b.signerLine)) {
				conf["signer"] = min(c, ReviewThreshold/2)
			}
			if b.title != "" && (b.titleGuessed || !roleShaped(b.title)) {
				conf["signer_title"] = min(c, ReviewThreshold/2) // marks of a seal read as letters
			}
			if len(b.recipients) > 0 {
				conf["recipients"] = c
			}
		}
	}
	if md.Recipients == nil {
		md.Recipients = []string{}
	}
	checkUnitCode(&md, conf)
	if md.IssuedDate != "" {
		var before bool
		for i := range pages {
			segsAt(i)
		}
		if md.IssuedDate, before = checkAgainstCited(md.IssuedDate, citedDates(segsOf)); before {
			conf["issued_date"] = min(conf["issued_date"], ReviewThreshold/2)
		}
		if y := numberYear(md.Number); y != "" && len(md.IssuedDate) >= 4 && md.IssuedDate[:4] != y {
			conf["issued_date"] = min(conf["issued_date"], ReviewThreshold/2)
			conf["number"] = min(conf["number"], ReviewThreshold/2)
		}
	}
	if md.IssuedDate == "" {
		// A law or a resolution of an assembly prints no date line: it
		// was passed on the day its last article names.
		for i := len(pages) - 1; i >= 0 && md.IssuedDate == ""; i-- {
			if date, s, ok := passedOn(segsAt(i)); ok {
				md.IssuedDate, conf["issued_date"] = date, s.Conf/100
			}
		}
	}
	return md, conf
}

// passedSentence is, in folded capitals, the sentence with which a law, an
// ordinance or a resolution of an assembly ends (Luật Ban hành văn bản quy
// phạm pháp luật): "Luật này đã được Quốc hội … thông qua ngày 11 tháng
// 11 năm 2011". "này" makes it the text's own; a body citing another's
// passing names that one by its number.
var passedSentence = regexp.MustCompile(`(?:LUAT|PHAP LENH|NGHI QUYET) NAY\b.{0,240}?THONG QUA (NGAY.*)`)

// passedOn reads the day a text was passed from its closing sentence,
// which may run over lines; s is the line the day stands on, its
// confidence 0 where a figure was read from a letter (readDateLine).
func passedOn(segs []layout.Segment) (date string, s layout.Segment, ok bool) {
	var text strings.Builder
	var at []int // the byte in text where each segment's text starts
	for _, g := range segs {
		at = append(at, text.Len())
		text.WriteString(foldUpper(g.Text) + " ")
	}
	m := passedSentence.FindStringSubmatchIndex(text.String())
	if m == nil {
		return "", layout.Segment{}, false
	}
	_, date, guessed, ok := readDateLine(text.String()[m[2]:])
	if !ok || len(date) < len("2006-01-02") {
		return "", layout.Segment{}, false
	}
	i, _ := slices.BinarySearch(at, m[2]+1)
	s = segs[i-1]
	if guessed {
		s.Conf = 0
	}
	return date, s, true
}

// copyMark matches (in folded capitals) the heading of a copy's block (NĐ
// 30, Điều 25–27): a copy carries the original whole, then, under it,
// "SAO Y BẢN CHÍNH" (or TRÍCH SAO, SAO LỤC) with the copying office's own
// number, Nơi nhận and signature.
var copyMark = regexp.MustCompile(`^(SAO Y( BAN CHINH)?|TRICH SAO|SAO LUC)$`)

// beforeCopyBlock returns segs above a copy's block (from the row of its
// heading, where the copying office's name stands on the left), whose Nơi
// nhận and signature are the copying office's, not the document's.
func beforeCopyBlock(segs []layout.Segment) []layout.Segment {
	for i, s := range segs {
		if !copyMark.MatchString(strings.Join(strings.Fields(dict.TrimSigns(foldUpper(s.Text))), " ")) {
			continue
		}
		for i > 0 && sameRow(segs[i-1], s) {
			i--
		}
		return segs[:i]
	}
	return segs
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

// texts is the text of each segment.
func texts(segs []layout.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}
