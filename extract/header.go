package extract

import (
	"regexp"
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

// agencyStarts are the first words of the names of issuing bodies: an
// agency is recognised by its structure, not from a list of agencies.
var agencyStarts = []string{
	"UY BAN", "UBND", "HOI DONG", "HDND", "SO ", "BO ", "VAN PHONG", "TONG ", "CUC ", "CHI CUC",
	"BAN ", "PHONG ", "TRUONG ", "VIEN ", "HOC VIEN", "DAI HOC", "BENH VIEN", "TRUNG TAM",
	"KHO BAC", "NGAN HANG", "CONG AN", "BO CHI HUY", "TOA AN", "CHINH PHU", "THU TUONG",
	"QUOC HOI", "DANG UY", "TINH UY", "THANH UY", "HUYEN UY", "DOAN ", "HOI ", "CONG TY",
	"TAP DOAN", "QUY ", "THANH TRA", "KIEM TOAN", "BAO HIEM", "DAI ",
	"LIEN DOAN", "LDLD", "LIEN MINH", "HOP TAC XA", "TINH DOAN",
	"THANH DOAN", "HUYEN DOAN", "QUAN UY", "THI UY", "DANG BO", "CHI BO",
	"CHI NHANH", "XI NGHIEP", "NHA MAY", "HAT ", "DOI QUAN LY",
	"LIEN SO", "LIEN BO", "LIEN NGANH", "LIEN CO QUAN", "MAT TRAN", "QUAN KHU", "BO TU LENH",
	"SU DOAN", "LU DOAN", "TRUNG DOAN", "DON BIEN PHONG", "HAI DOI", "CANH SAT", "BUU DIEN", "DIEN LUC",
	// Bodies under a parent whose name a continuation line does not
	// begin with: a trade union, a library, a museum, a publisher, an
	// investigating agency, a station (TRẠM Y TẾ), a national park, a
	// port authority, a faculty or a hospital's department (not KHOA
	// HỌC, see notStarts), a Party delegation, an army corps, a council's
	// standing body, a social protection centre (CƠ SỞ BẢO TRỢ XÃ HỘI),
	// a central union (TRUNG ƯƠNG HỘI …; a Party body's name may go on
	// with TRUNG ƯƠNG ĐẢNG).
	"CO SO ", "TRUNG UONG HOI", "CONG DOAN", "THU VIEN", "BAO TANG", "NHA XUAT BAN", "NHA HAT", "NHA VAN HOA", "NHA THIEU NHI",
	"LIEN HIEP", "HIEP HOI", "CAU LAC BO", "CO QUAN ", "TRAM ", "VUON QUOC GIA", "KHU BAO TON",
	"CANG ", "TAP CHI", "PHAN VIEN", "PHAN HIEU", "CHI HOI", "CHI DOAN", "KHOA ", "DANG DOAN",
	"BINH DOAN", "QUAN DOAN", "TIEU DOAN", "HAI DOAN", "TO CONG TAC", "TO GIUP VIEC", "TRAI GIAM",
	"THUONG TRUC",
	// Abbreviated, as headers print the parent or a long name.
	"UBMTTQ", "MTTQ", "VKSND", "TAND", "BQL", "UBKT", "BCH", "KBNN", "BHXH", "NHNN", "CTY", "TCT",
}

// issuer reads the issuing agency from the header lines above "Số:": the
// last line that starts an agency name, with the lines after it; and the
// parent agency (cơ quan chủ quản) printed above it, the lines from the
// one before that starts an agency name, if any. Where the "Số:" line was
// not read as a number, the agency still ends above it. A parent is set
// centred over the agency's name (NĐ 30, Phụ lục I); a line that starts
// an agency's name off that axis, such as a signing stamp's
// ("TRUNG TÂM CÔNG BÁO …") printed in the top margin, is neither. A
// name that starts with an abbreviation agencyStarts does not know is
// reported unsure, and so are lines of which none starts an agency's
// name, even once repaired (U AN NHA Ầ THÀNH PHỐ HỒ CHÍ MINH: the body's
// words lost under a note or a stamp, the unit's left). The bodies of a
// joint document (joint: its number's type is liên tịch) are its agency
// together, joined by dashes; one body alone is unsure, the others' lines
// lost.
func issuer(segs []layout.Segment, joint bool) (agency, parent string, unsure bool) {
	var lines []string
	var from []layout.Segment // the segment of each line
	for _, s := range segs {
		if numberish.MatchString(foldUpper(s.Text)) {
			break
		}
		t := logoMarks(strings.TrimSpace(cutNational(s.Text)))
		dash := nameDash.MatchString(t)
		t = strings.TrimSpace(strings.Trim(t, "-_—=~. :;'`"))
		if t == "" || isMark(t) || !dict.Capitals(t) || isNational(t) {
			continue
		}
		if dash {
			t += " -" // BỘ LAO ĐỘNG - / THƯƠNG BINH VÀ XÃ HỘI
		}
		lines = append(lines, t)
		from = append(from, s)
	}
	var starts []int // the lines that start an agency's name
	unknown := map[int]bool{}
	for i, l := range lines {
		if first, rest, _ := strings.Cut(l, " "); first != "" {
			if a, ok := dict.RepairHeadAbbreviation(first); ok {
				l = strings.TrimSpace(a + " " + rest) // UBRD TỈNH LÂM ĐỒNG
				lines[i] = l
			}
		}
		f := foldUpper(l) + " "
		switch {
		case i > 0 && dict.IsBareKind(lines[i-1]):
			// TỔNG CÔNG TY / ĐIỆN LỰC MIỀN TRUNG: a body's kind alone
			// goes on with its name, whatever the name begins with.
		case startsAgency(f) || startsMarked(l):
			starts = append(starts, i)
		case abbreviationBefore(f):
			starts = append(starts, i)
			unknown[i] = true
		}
	}
	if len(lines) == 0 {
		return "", "", false
	}
	name := func(lines []string) string {
		return dict.RepairHeader(strings.TrimSuffix(strings.Join(lines, " "), " -"))
	}
	if len(starts) == 0 {
		agency = name(lines)
		return agency, "", !startsAgency(foldUpper(agency) + " ")
	}
	// A joint document's bodies stand one under the other, a dash after
	// each but the last or none (BỘ TÀI CHÍNH - / BỘ Y TẾ): they issue it
	// together, none is the other's parent, and no ministry is another's.
	// Where the dashes are printed, a line without one goes on with the
	// name above it (BAN CHẤP HÀNH TRUNG ƯƠNG / HỘI NÔNG DÂN VIỆT NAM -).
	dashed := slices.ContainsFunc(lines, func(l string) bool { return strings.HasSuffix(l, " -") })
	k := len(starts) - 1
	for k > 0 && (joint || ministry(lines[starts[k-1]]) && ministry(lines[starts[k]])) && centredOver(from[starts[k-1]], from[starts[k]]) {
		if !dashed {
			lines[starts[k]-1] += " -"
		}
		k--
	}
	start := starts[k]
	agency = name(lines[start:])
	if k > 0 && centredOver(from[starts[k-1]], from[start]) {
		parent = name(lines[starts[k-1]:start])
	}
	return agency, parent, unknown[start] || joint && !strings.Contains(agency, " - ")
}

// logoMarks drops from the ends of header line t what OCR made of a logo
// or an emblem printed beside the agency's name (an enterprise's, a
// bank's, a hospital's): words of signs and no letter or figure (®, |,
// ¬), and words in small letters on a line in capitals (e, ee). A dash
// ending the line is the name's (nameDash), and stays.
func logoMarks(t string) string {
	if !dict.Capitals(t) {
		return t
	}
	ws := strings.Fields(t)
	junk := func(w string) bool {
		if w == "-" || w == "–" || w == "—" {
			return false
		}
		return !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) ||
			!strings.ContainsFunc(w, unicode.IsUpper) && strings.ContainsFunc(w, unicode.IsLower)
	}
	for len(ws) > 1 && junk(ws[0]) {
		ws = ws[1:]
	}
	for len(ws) > 1 && junk(ws[len(ws)-1]) {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// ministry reports whether a header line begins a ministry's name (BỘ
// TÀI CHÍNH), as no ministry's parent's does; the army's commands (BỘ TƯ
// LỆNH, BỘ CHỈ HUY …) stand under one.
func ministry(line string) bool {
	f := foldUpper(line) + " "
	return strings.HasPrefix(f, "BO ") && !slices.ContainsFunc(commands, func(c string) bool { return strings.HasPrefix(f, c) })
}

// commands are the army's bodies named BỘ …, folded as ministry reads.
var commands = []string{"BO TU LENH ", "BO CHI HUY ", "BO TONG THAM MUU ", "BO DOI "}

// notStarts begin lines that go on with a name, though an agency's start
// begins them: VIỆN HÀN LÂM / KHOA HỌC XÃ HỘI VIỆT NAM.
var notStarts = []string{"KHOA HOC "}

// markedStarts are the first words of bodies' names whose letters without
// their marks begin other words too (ĐỘI and ĐỐI, BÁO and BẢO, a
// ministry's VỤ and VŨ): they start an agency's name as printed, with
// their marks.
var markedStarts = []string{"ĐỘI ", "BÁO ", "VỤ "}

// startsAgency reports whether f, a header line folded into capitals with
// a space after it, begins an agency's name.
func startsAgency(f string) bool {
	has := func(a string) bool { return strings.HasPrefix(f, a) }
	return slices.ContainsFunc(agencyStarts, has) && !slices.ContainsFunc(notStarts, has)
}

// startsMarked reports whether line, a header line as read, begins with
// one of markedStarts (BÁO QUẢNG NGÃI, ĐỘI THUẾ), and is not a heading
// (BÁO CÁO).
func startsMarked(line string) bool {
	u := strings.ToUpper(dict.NFC(strings.TrimSpace(line))) + " "
	if !slices.ContainsFunc(markedStarts, func(a string) bool { return strings.HasPrefix(u, a) }) {
		return false
	}
	_, heading := headingType(line, "")
	return !heading
}

// abbreviationBefore reports whether f, as startsAgency takes it, begins
// with an abbreviation agencyStarts does not know before an agency's name:
// a body's organ written short, as BCH (Ban Chấp hành) HỘI NÔNG DÂN, read
// with a letter off (BGH). The abbreviation is two to five capitals that
// are no syllable.
func abbreviationBefore(f string) bool {
	w, rest, ok := strings.Cut(f, " ")
	if !ok || len(w) < 2 || len(w) > 5 || strings.ContainsFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) || dict.IsSyllable(w) {
		return false
	}
	return startsAgency(rest)
}

// centredOver reports whether line a stands centred over line b: the
// middle of one within the other's width. Lines without word boxes are
// taken as centred.
func centredOver(a, b layout.Segment) bool {
	if len(a.Words) == 0 || len(b.Words) == 0 {
		return true
	}
	within := func(x int, s layout.Segment) bool { return x >= s.X0 && x <= s.X1 }
	return within((a.X0+a.X1)/2, b) || within((b.X0+b.X1)/2, a)
}

// nameDash matches a header line broken after the dash between two parts
// of an agency's name (BỘ LAO ĐỘNG - / THƯƠNG BINH VÀ XÃ HỘI): a dash
// standing alone after a word.
var nameDash = regexp.MustCompile(`\pL\s+[-–]$`)

// numberish matches (in folded capitals) a line that is the number's, read
// too poorly to parse: it begins with the label "Số:" (its colon may be
// read as a stop or a comma), or "Số" and a figure (a Party document's
// "Số 12-CT/TU", its slash read as a 7: SỞ, which folds the same, is
// followed by a name), or holds a code after a slash (or what OCR made
// of one), which no agency's name has, or is a code alone, its parts
// joined by a hyphen, after a figure or none (its label read on a line
// of its own, the slash lost: 1 UBND-KGVX).
var numberish = regexp.MustCompile(`^[^A-Z0-9]*S[O6]\s*[:;.,]|^[^A-Z0-9]*S[O6]\s*[0-9]|[/;]\s*[A-Z]{1,6}\s*[-–]\s*[A-Z]|/[A-Z]|^[0-9\s.,…]*[A-Z]{2,8}\s*[-–]\s*[A-Z0-9]{2,10}$`)

// nationals are the beginnings, folded, of what stands at the top right
// of a header: the Quốc hiệu and its motto, or in a Party document the
// Party's name (Hướng dẫn 36-HD/VPTW), in the Youth Union's the Union's.
var nationals = []string{"CONG HOA XA HOI", "DOC LAP TU DO", "DANG CONG SAN VIET NAM", "DOAN TNCS HO CHI MINH", "DOAN THANH NIEN CONG SAN HO CHI MINH"}

// cutNational cuts from a header line the Quốc hiệu (or the Party's name)
// that OCR read on the same row as the agency ("ỦY BAN NHÂN DÂN __ CỘNG
// HÒA XÃ HỘI …").
func cutNational(t string) string {
	rs := []rune(dict.NFC(t))
	f := strings.ToUpper(string(foldRunes(rs)))
	if m := nationalIn.FindStringIndex(f); m != nil && m[0] > 0 {
		return string(rs[:runeIndex(f, m[0])])
	}
	return t
}

// stampRunIn reports whether name, an agency's as read, holds the text of
// a receiving office's stamp ĐẾN set over the header (its mark ĐẾN, which
// no agency's name has, or a field's label, Số:, Ngày:, Chuyển:): the
// stamp's lines were read as the name's, or run into them. ĐỀN (a
// temple's, in a site's board) is a name's word but before Số.
func stampRunIn(name string) bool {
	ws := strings.Fields(dict.NFC(name))
	for i, w := range ws {
		t := strings.ToUpper(strings.Trim(w, ".,;"))
		next := ""
		if i+1 < len(ws) {
			next = foldUpper(ws[i+1])
		}
		if dict.IsReceivedMark(t) && (t != "ĐỀN" || strings.HasPrefix(next, "SO")) || dict.IsReceivedLabel(w) {
			return true
		}
	}
	return false
}

// mottoRunIn cuts from the end of an agency's name the Quốc hiệu's first
// words, CỘNG HÒA, that a row read across both columns left there, the
// rest of the Quốc hiệu lost ("BỘ CÔNG AN CỘNG HÒA"), and reports whether
// it did. A unit named so keeps them (UBND XÃ CỘNG HÒA).
func mottoRunIn(name string) (string, bool) {
	words := strings.Fields(name)
	key := strings.Fields(agencyKey(name))
	n := len(key)
	if n < 3 || len(words) != n || key[n-2] != "CONG" || key[n-1] != "HOA" {
		return name, false
	}
	rest := strings.Join(words[:n-2], " ")
	if dict.EndsWithUnit(rest) {
		return name, false
	}
	return rest, true
}

// unitMisread reports whether name is a people's committee's or a
// council's whose unit's word was misread (UBND TÌ GIA LAI): no unit's
// word, with its marks, goes on after the body (dict.StartsWithUnit). (A
// Party committee's may go on with a bloc's or a sector's: ĐẢNG BỘ KHỐI
// …, ĐẢNG BỘ QUÂN SỰ ….)
func unitMisread(name string) bool {
	words := strings.Fields(name)
	key := strings.Fields(agencyKey(name))
	if len(words) != len(key) {
		return false
	}
	for _, body := range [][]string{{"UY", "BAN", "NHAN", "DAN"}, {"UBND"}, {"HOI", "DONG", "NHAN", "DAN"}, {"HDND"}} {
		if len(key) > len(body) && slices.Equal(key[:len(body)], body) {
			return !dict.StartsWithUnit(strings.Join(words[len(body):], " "))
		}
	}
	return false
}

// nationalIn finds any of nationals within a line, whatever stands between
// its words: the motto's dashes ("Độc lập - Tự do").
var nationalIn = func() *regexp.Regexp {
	var alts []string
	for _, n := range nationals {
		alts = append(alts, strings.Join(strings.Fields(n), `[\s\-–—.,]+`))
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}()

// isNational reports whether t is the Quốc hiệu or its motto (or the
// Party's name), which a header read as one column (or centred) puts
// among the agency's lines.
func isNational(t string) bool {
	f := agencyKey(t)
	return slices.ContainsFunc(nationals, func(n string) bool { return strings.HasPrefix(f, n) })
}

// receivedStamp reports whether t is a line of the stamp ĐẾN that a
// receiving office sets on a document (NĐ 30, Phụ lục IV): one of its own
// (stampLine), or its field Số.
func receivedStamp(t string) bool { return stampLine(t) || stampNumber.MatchString(foldUpper(t)) }

// stampLine reports whether t is a line of the stamp ĐẾN that no line of
// a header's agency column begins as: its mark ĐẾN in capitals (a line
// going on "đến năm 2025" is not), or its fields Ngày, Chuyển, Số và ký
// hiệu HS (the document's day is on the date line; a Số: may be its
// number's).
func stampLine(t string) bool {
	t = strings.TrimSpace(t)
	f := foldUpper(t)
	if w, _, _ := strings.Cut(t, " "); strings.HasPrefix(f, "DEN") && dict.Capitals(w) && len([]rune(w)) == 3 {
		return true
	}
	return stampOwnField.MatchString(f)
}

// stampNumber and stampOwnField match (in folded capitals) the labels of
// the stamp ĐẾN's fields: its Số, and the others.
var (
	stampNumber   = regexp.MustCompile(`^S[O6]\s*[:;]`)
	stampOwnField = regexp.MustCompile(`^(?:NGAY\s*[:;]|CHUYEN\s*[:;]|S[O6] VA KY HIEU)`)
)
