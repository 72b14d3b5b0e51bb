package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// readIssuer reads the issuing agency and its parent from the agency's
// column above the number, and doubts them where that column holds what
// no agency's name does.
func (r *reading) readIssuer(h *pageTop) {
	segs := h.left
	if h.numberAt >= 0 {
		segs = h.left[:h.numberAt]
	}
	var unsure bool
	r.md.Issuer, r.md.ParentBody, unsure = issuer(segs, dict.IsJointAbbrev(typeOf(r.md.Number)))
	if r.md.Issuer != "" {
		r.set("issuer", segs...)
		if unsure || dict.Garbled(r.md.Issuer) {
			r.conf["issuer"] = 0 // BGH HỘI NÔNG DÂN: an abbreviation no body's
		}
	}
	if r.md.ParentBody != "" && dict.Garbled(r.md.ParentBody) {
		r.conf["parent_body"] = 0 // UBND HUYỆN S[I MA CAI
	}
	if name, ok := mottoRunIn(r.md.Issuer); ok {
		r.md.Issuer, r.conf["issuer"] = name, 0
	}
	if name, ok := mottoRunIn(r.md.ParentBody); ok {
		r.md.ParentBody, r.conf["parent_body"] = name, 0
	}
	if slices.ContainsFunc(segs, func(s layout.Segment) bool { return stampLine(s.Text) }) {
		// A receiving office's stamp ĐẾN over the agency's lines, above
		// the number, its lines read among the name's or in its place
		// (SỞ TÀI CHÍNH, the receiving office's, for SỞ Y TẾ). Under the
		// number or the trích yếu, where NĐ 30 sets it, it is no part of
		// the header.
		r.conf["issuer"] = 0
		if r.md.ParentBody != "" {
			r.conf["parent_body"] = 0
		}
	}
	if r.md.ParentBody == "" && (r.md.Issuer == "" || dict.HasParent(r.md.Issuer)) {
		r.conf["parent_body"] = 0 // SỞ NỘI VỤ with no UBND TỈNH read above it
	}
	for f, name := range map[string]string{"issuer": r.md.Issuer, "parent_body": r.md.ParentBody} {
		if unitMisread(name) || dict.UnknownDistrict(name) || stampRunIn(name) {
			r.conf[f] = 0 // UBND TÌ GIA LAI, UBND HUYỆN SMA CAI, SỞ TÀI CHÍNH ĐẾN Số: …
		}
		if dict.NamedOtherwise(name, r.md.Place) {
			r.conf[f], r.conf["place"] = 0, 0 // UBND TỈNH BINH AN over Bình An
		}
	}
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

// edgeSpeck is what a speck or a rule at either end of an agency's line
// is read as, and no name ends with: a dash, a stop, a colon, a quote, or
// a mark standing alone (UBND TỈNH BÌNH AN ˆ, a speck of a dark copy read
// as a circumflex; ^ ` ´ ¨ and their kin are symbols or letters that
// modify, none the letter of a name).
func edgeSpeck(r rune) bool {
	return strings.ContainsRune("-_—=~. :;'", r) || unicode.In(r, unicode.Sk, unicode.Lm)
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
		t = strings.TrimSpace(strings.TrimFunc(t, edgeSpeck))
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
