package extract

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
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

// keyFields must be found; an empty one is flagged for review.
var keyFields = []string{"number", "doc_type", "issuer", "issued_date", "subject", "signer"}

// Review lists the fields a clerk should check: key fields not found, and
// fields read with a confidence below ReviewThreshold.
func Review(md vanthu.Metadata, conf map[string]float64) []string {
	var out []string
	for _, f := range []string{"number", "doc_type", "issuer", "issued_date", "place", "subject", "signer", "signer_title", "recipients", "urgency", "confidentiality"} {
		c, found := conf[f]
		key := false
		for _, k := range keyFields {
			key = key || k == f
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
	first := layout.Segments(pages[0])
	head, rest := splitHeader(first)

	var leftHead, rightHead []layout.Segment
	for _, s := range head {
		if s.Zone == layout.Right {
			rightHead = append(rightHead, s)
		} else {
			leftHead = append(leftHead, s)
		}
	}

	numberAt := -1
	for i, s := range leftHead {
		if n, ok := ParseNumber(s.Text); ok {
			md.Number, numberAt = n, i
			set("number", s)
			break
		}
	}
	if md.Number == "" {
		for _, s := range first {
			if n, ok := ParseNumber(s.Text); ok {
				md.Number = n
				set("number", s)
				break
			}
		}
	}
	for _, segs := range [][]layout.Segment{rightHead, head, first} {
		for _, s := range segs {
			if place, date, ok := ParseDateLine(s.Text); ok {
				md.Place, md.IssuedDate = place, date
				set("issued_date", s)
				set("place", s)
				break
			}
		}
		if md.IssuedDate != "" {
			break
		}
	}

	// Marks of urgency and secrecy stand alone on a line of the header.
	for _, s := range append(append([]layout.Segment{}, head...), rest[:min(len(rest), 6)]...) {
		if u := ParseUrgency(s.Text); u != "" && md.Urgency == "" {
			md.Urgency = u
			set("urgency", s)
		}
		if c := ParseConfidentiality(s.Text); c != "" && md.Confidentiality == "" {
			md.Confidentiality = c
			set("confidentiality", s)
		}
	}

	issuerSegs := leftHead
	if numberAt >= 0 {
		issuerSegs = leftHead[:numberAt]
	}
	if md.Issuer = issuer(issuerSegs); md.Issuer != "" {
		set("issuer", issuerSegs...)
	}

	// Loại văn bản: the heading line, else the number's type abbreviation,
	// else a công văn.
	headingAt := -1
	for i, s := range rest[:min(len(rest), 4)] {
		if t, ok := dict.DocTypeByName(stripPunct(s.Text)); ok && isUpperish(s.Text) {
			md.DocType, headingAt = t.Name, i
			set("doc_type", s)
			break
		}
	}
	if md.DocType == "" {
		if md.DocType = typeFromNumber(md.Number); md.DocType != "" {
			conf["doc_type"] = conf["number"]
		}
	}

	if headingAt >= 0 {
		md.Subject = subjectAfterHeading(rest[headingAt+1:])
		if md.Subject != "" && headingAt+1 < len(rest) {
			set("subject", rest[headingAt+1])
		}
	} else {
		md.Subject = subjectVv(leftHead)
		for _, s := range leftHead {
			if md.Subject != "" && strings.HasPrefix(cleanLine(s.Text), strings.Fields(md.Subject)[0]) {
				set("subject", s)
				break
			}
		}
	}

	// Nơi nhận and the signature are on the last page that has them.
	for i := len(pages) - 1; i >= 0; i-- {
		segs := first
		if i > 0 {
			segs = layout.Segments(pages[i])
		}
		if recips, title, signer, ok := closing(segs); ok {
			md.Recipients, md.SignerTitle, md.Signer = recips, title, signer
			var closingConf float64
			for _, s := range segs {
				closingConf += s.Conf
			}
			c := closingConf / float64(len(segs)) / 100
			for f, v := range map[string]string{"signer": signer, "signer_title": title} {
				if v != "" {
					conf[f] = c
				}
			}
			if len(recips) > 0 {
				conf["recipients"] = c
			}
			break
		}
	}
	if md.Recipients == nil {
		md.Recipients = []string{}
	}
	return md, conf
}

// splitHeader splits the first page at the end of the header: the first
// segment that is a type heading, "Kính gửi", or body text across the page.
func splitHeader(segs []layout.Segment) (head, rest []layout.Segment) {
	for i, s := range segs {
		f := foldUpper(s.Text)
		_, isType := dict.DocTypeByName(stripPunct(s.Text))
		if (isType && isUpperish(s.Text)) || strings.HasPrefix(f, "KINH GUI") || s.Zone == layout.Full && i > 2 {
			return segs[:i], segs[i:]
		}
	}
	return segs, nil
}

var (
	// numberRe finds "Số: 45/QĐ-UBND" in folded, upper-case text. OCR reads
	// the digits as O, l, I or | at times.
	numberRe = regexp.MustCompile(`S[O6]\s*[:;.,]?\s*([0-9OLI|]{1,6}(?:\s*/\s*[0-9OLI|]{4})?\s*/\s*[A-Z0-9]+(?:\s*[-–]\s*[A-Z0-9]+)*)`)
	digitFix = strings.NewReplacer("O", "0", "o", "0", "L", "1", "l", "1", "I", "1", "|", "1", " ", "")
)

// ParseNumber finds a document number after "Số:" in a line and returns it
// in canonical form: no spaces, digits repaired, the document type's
// abbreviation spelt as in Phụ lục III (QĐ, TTr, NĐ).
func ParseNumber(line string) (string, bool) {
	orig := []rune(dict.NFC(line))
	folded := foldRunes(orig)
	m := numberRe.FindStringSubmatchIndex(strings.ToUpper(string(folded)))
	if m == nil {
		return "", false
	}
	// The folded string has one rune per original rune; map byte offsets.
	start, end := runeIndex(string(folded), m[2]), runeIndex(string(folded), m[3])
	raw := strings.Join(strings.Fields(string(orig[start:end])), "")
	raw = strings.NewReplacer("–", "-", "Ð", "Đ").Replace(raw)
	parts := strings.Split(raw, "/")
	if len(parts) < 2 {
		return "", false
	}
	for i := 0; i < len(parts)-1; i++ {
		parts[i] = digitFix.Replace(parts[i])
		if _, err := strconv.Atoi(parts[i]); err != nil {
			return "", false
		}
	}
	codes := strings.Split(parts[len(parts)-1], "-")
	if t, ok := docTypeByCode(codes[0]); ok {
		codes[0] = t.Abbrev
	} else {
		for _, c := range dict.CopyAbbrevs {
			if strings.EqualFold(c, codes[0]) {
				codes[0] = c
			}
		}
	}
	for i, c := range codes {
		if c == "" {
			return "", false
		}
		if i > 0 {
			codes[i] = strings.TrimRight(c, ".,;:")
		}
	}
	parts[len(parts)-1] = strings.Join(codes, "-")
	return strings.Join(parts, "/"), true
}

// docTypeByCode finds the document type of a number's type code, also when
// OCR doubled one of its letters (QĐĐ).
func docTypeByCode(code string) (dict.DocType, bool) {
	if t, ok := dict.DocTypeByAbbrev(code); ok {
		return t, true
	}
	rs := []rune(code)
	for i := 1; i < len(rs); i++ {
		if rs[i] == rs[i-1] {
			if t, ok := dict.DocTypeByAbbrev(string(rs[:i]) + string(rs[i+1:])); ok {
				return t, true
			}
		}
	}
	return dict.DocType{}, false
}

// typeFromNumber names the type from the number's abbreviation: in
// 45/QĐ-UBND the first code after the numbers; a công văn has none.
func typeFromNumber(n string) string {
	if n == "" {
		return ""
	}
	parts := strings.Split(n, "/")
	code := strings.Split(parts[len(parts)-1], "-")[0]
	if t, ok := docTypeByCode(code); ok {
		return t.Name
	}
	return "Công văn"
}

var placeCut = regexp.MustCompile(`\.{2,}|…|_{2,}|[:|]`)

var dateRe = regexp.MustCompile(`NGAY\s*([0-9OLI|\s]{1,5}?)\s*THANG\s*([0-9OLI|\s]{1,5}?)\s*NAM\s*([0-9OLI|][0-9OLI|\s]{3,6})`)

// ParseDateLine reads "<địa danh>, ngày DD tháng MM năm YYYY" and returns the
// place and the date as YYYY-MM-DD.
func ParseDateLine(line string) (place, date string, ok bool) {
	orig := []rune(dict.NFC(line))
	folded := string(foldRunes(orig))
	up := strings.ToUpper(folded)
	m := dateRe.FindStringSubmatchIndex(up)
	if m == nil {
		return "", "", false
	}
	num := func(a, b int) int {
		n, err := strconv.Atoi(digitFix.Replace(up[a:b]))
		if err != nil {
			return -1
		}
		return n
	}
	d, mo, y := num(m[2], m[3]), num(m[4], m[5]), num(m[6], m[7])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if y < 1945 || y > 2100 || t.Day() != d || int(t.Month()) != mo {
		return "", "", false
	}
	p := strings.TrimSpace(string(orig[:runeIndex(folded, m[0])]))
	p = strings.TrimRight(p, " ,.;")
	// Keep only the place: drop anything OCR carried over from the left
	// column, up to a run of dots or underscores, a colon or a bar. A single
	// dot belongs to the place (TP. Hồ Chí Minh).
	if loc := placeCut.FindAllStringIndex(p, -1); loc != nil {
		p = strings.TrimSpace(p[loc[len(loc)-1][1]:])
	}
	return p, t.Format("2006-01-02"), true
}

// Marks of urgency (độ khẩn) and secrecy (độ mật), most specific first.
var (
	urgencies = []struct{ folded, name string }{
		{"HOA TOC", "Hỏa tốc"}, {"THUONG KHAN", "Thượng khẩn"}, {"KHAN", "Khẩn"},
	}
	secrecies = []struct{ folded, name string }{
		{"TUYET MAT", "Tuyệt mật"}, {"TOI MAT", "Tối mật"}, {"MAT", "Mật"},
	}
)

// ParseUrgency recognises a line that is an urgency mark alone.
func ParseUrgency(line string) string { return mark(line, urgencies) }

// ParseConfidentiality recognises a line that is a secrecy mark alone.
func ParseConfidentiality(line string) string { return mark(line, secrecies) }

func mark(line string, marks []struct{ folded, name string }) string {
	if !isUpperish(line) {
		return ""
	}
	f := strings.Join(strings.Fields(stripPunct(foldUpper(line))), " ")
	for _, m := range marks {
		if f == m.folded {
			return m.name
		}
	}
	return ""
}

// agencyStarts are the first words of the names of issuing bodies: an
// agency is recognised by its structure, not from a list of agencies.
var agencyStarts = []string{
	"UY BAN", "UBND", "HOI DONG", "HDND", "SO ", "BO ", "VAN PHONG", "TONG CUC", "CUC ", "CHI CUC",
	"BAN ", "PHONG ", "TRUONG ", "VIEN ", "HOC VIEN", "DAI HOC", "BENH VIEN", "TRUNG TAM",
	"KHO BAC", "NGAN HANG", "CONG AN", "BO CHI HUY", "TOA AN", "CHINH PHU", "THU TUONG",
	"QUOC HOI", "DANG UY", "TINH UY", "THANH UY", "HUYEN UY", "DOAN ", "HOI ", "CONG TY",
	"TAP DOAN", "TONG CONG TY", "QUY ", "THANH TRA", "KIEM TOAN", "BAO HIEM", "DAI ",
}

// issuer reads the issuing agency from the header lines above "Số:": the
// last line that starts an agency name, with the lines after it. A parent
// agency (cơ quan chủ quản) above it is left out.
func issuer(segs []layout.Segment) string {
	var lines []string
	for _, s := range segs {
		t := strings.TrimSpace(strings.Trim(s.Text, "-_—=~. "))
		if t == "" || ParseUrgency(t) != "" || ParseConfidentiality(t) != "" || !isUpperish(t) || isNational(t) {
			continue
		}
		lines = append(lines, t)
	}
	start := -1
	for i, l := range lines {
		f := foldUpper(l) + " "
		for _, a := range agencyStarts {
			if strings.HasPrefix(f, a) {
				start = i
				break
			}
		}
	}
	if start < 0 {
		start = 0
	}
	if start >= len(lines) {
		return ""
	}
	return dict.RepairHeader(strings.Join(lines[start:], " "))
}

// isNational reports whether t is the Quốc hiệu or its motto, which a
// header read as one column (or centred) puts among the agency's lines.
func isNational(t string) bool {
	f := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return ' '
	}, foldUpper(t))), " ")
	return strings.HasPrefix(f, "CONG HOA XA HOI") || strings.HasPrefix(f, "DOC LAP TU DO")
}

// subjectVv reads a công văn's trích yếu: "V/v …" under the number, with
// its continuation lines.
func subjectVv(left []layout.Segment) string {
	var out []string
	for _, s := range left {
		f := strings.ToUpper(string(foldRunes([]rune(s.Text))))
		if len(out) == 0 {
			if strings.HasPrefix(f, "V/V") || strings.HasPrefix(f, "VE VIEC") {
				out = append(out, s.Text)
			}
			continue
		}
		if ParseUrgency(s.Text) != "" || ParseConfidentiality(s.Text) != "" || isRule(s.Text) {
			break
		}
		out = append(out, s.Text)
	}
	return cleanLine(strings.Join(out, " "))
}

// subjectAfterHeading reads the trích yếu under a type heading: the lines
// that follow, up to the short rule or where the body begins: a section
// heading (I., 1., a)), Căn cứ, Kính gửi, Điều, or a line in capitals (the
// issuing authority of a Quyết định).
func subjectAfterHeading(segs []layout.Segment) string {
	var out []string
	for _, s := range segs {
		f := foldUpper(s.Text)
		if isRule(s.Text) || bodyStart.MatchString(f) || (len(out) > 0 && (s.Zone == layout.Full || isUpperish(s.Text))) {
			break
		}
		if len(out) >= 4 {
			break
		}
		out = append(out, s.Text)
	}
	return cleanLine(strings.Join(out, " "))
}

// bodyStart matches (in folded capitals) the first line of a body.
var bodyStart = regexp.MustCompile(`^([IVX]+\s*[.:]|\d+\s*[.)]|[A-Z]\)|CAN CU|KINH GUI|DIEU \d|CHUONG |PHAN |MUC \d)`)

// closing reads "Nơi nhận:" with its list (left) and the signature block
// (right) at the foot of a page.
func closing(segs []layout.Segment) (recipients []string, title, signer string, ok bool) {
	at := -1
	for i, s := range segs {
		if strings.HasPrefix(foldUpper(s.Text), "NOI NHAN") {
			at = i
			break
		}
	}
	if at < 0 {
		return nil, "", "", false
	}
	top := segs[at].Y0 - (segs[at].Y1 - segs[at].Y0)
	// The role lines may begin on the row of "Nơi nhận:" or just above.
	var roles []string
	for _, s := range segs {
		if s.Y1 < top || s.Zone != layout.Right && s.Zone != layout.Centre {
			continue
		}
		t := cleanLine(s.Text)
		switch {
		case isRole(t):
			roles = append(roles, authority.ReplaceAllString(dict.RepairHeader(t), "$1. "))
		case dict.LooksLikeName(t):
			signer = dict.RepairSurname(t) // the last name-like line is the signer
		}
	}
	recipients = []string{}
	// The list is the column under "Nơi nhận:", left of the signature
	// block; a line OCR split in two on one row ("Trung" | "ương;") is
	// joined again.
	edge := math.MaxInt
	for _, s := range segs {
		if t := cleanLine(s.Text); s.Y1 >= top && s.Zone != layout.Left && (isRole(t) || dict.LooksLikeName(t)) {
			edge = min(edge, s.X0)
		}
	}
	var rows []layout.Segment
	for _, s := range segs[at+1:] {
		n := len(rows)
		switch {
		case s.Zone == layout.Left && s.X0 <= segs[at].X0+(segs[at].X1-segs[at].X0):
		case n > 0 && s.X0 >= rows[n-1].X1 && s.X0 < edge && sameRow(rows[n-1], s) &&
			s.X0-rows[n-1].X1 < 3*(s.Y1-s.Y0) && letterShare(s.Text) > 0.5:
		default:
			continue
		}
		if n > 0 && sameRow(rows[n-1], s) && s.X0 >= rows[n-1].X1 && s.X0 < edge {
			rows[n-1].Text += " " + s.Text
			rows[n-1].X1 = s.X1
			continue
		}
		rows = append(rows, s)
	}
	for _, s := range rows {
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		bullet := strings.IndexAny(t[:1], "-–—=+•*~") == 0
		t = strings.TrimLeft(t, "-–—=+•*~ ")
		t = strings.TrimRight(t, " ;,.")
		t = strayLead.ReplaceAllString(t, "")
		t = dict.RepairRecipient(commaSpace.ReplaceAllString(t, ", $1"))
		if t == "" {
			continue
		}
		if !bullet && len(recipients) > 0 {
			recipients[len(recipients)-1] += " " + t // a wrapped line
			continue
		}
		recipients = append(recipients, t)
	}
	return recipients, strings.Join(roles, " / "), signer, true
}

var (
	// authority is a signing-authority prefix (NĐ 30: TM., KT., Q., TL.,
	// TUQ.), always written with a dot; OCR reads the dot as : , or ;.
	authority = regexp.MustCompile(`^(TM|KT|TL|TUQ|Q)\s*[.:,;]\s*`)
	// strayLead is OCR debris before a recipient: a lone digit or mark.
	strayLead = regexp.MustCompile(`^([0-9]|[^\pL\pN\s(])\s+`)
	// commaSpace finds a comma with no space after it before a letter.
	commaSpace = regexp.MustCompile(`,(\pL)`)
)

// isRole reports whether t reads like a line of the signer's role: upper
// case, or one of the authority prefixes (TM., KT., Q., TL., TUQ.).
func isRole(t string) bool {
	f := foldUpper(t)
	for _, p := range []string{"TM.", "KT.", "Q.", "TL.", "TUQ.", "TM ", "KT "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return isUpperish(t) && len([]rune(t)) >= 4 && letterShare(t) > 0.7
}

// sameRow reports whether a and b overlap vertically by half the smaller
// height: two parts of one printed line.
func sameRow(a, b layout.Segment) bool {
	overlap := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
	return 2*overlap >= min(a.Y1-a.Y0, b.Y1-b.Y0)
}

func isRule(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.Trim(t, "-_—–=~. ") == ""
}

// isUpperish reports whether most letters of t are capitals.
func isUpperish(t string) bool {
	var up, low int
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up > 0 && up >= 4*low
}

func letterShare(t string) float64 {
	var l, n int
	for _, r := range t {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if unicode.IsLetter(r) || r == '.' {
			l++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(l) / float64(n)
}

func foldUpper(s string) string { return strings.ToUpper(dict.Fold(dict.NFC(strings.TrimSpace(s)))) }

func stripPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// cleanLine trims OCR debris from the ends of a line and folds spaces.
func cleanLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(strings.TrimLeft(s, "-–—=_~|.,;: "), "-–—=_~|,;: ")
}

// foldRunes folds each rune on its own, so that the result has exactly one
// rune per rune of r.
func foldRunes(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		f := []rune(dict.Fold(string(c)))
		if len(f) == 1 {
			out[i] = f[0]
		} else {
			out[i] = ' '
		}
	}
	return out
}

// runeIndex converts a byte offset in s into a rune offset.
func runeIndex(s string, byteOff int) int { return len([]rune(s[:byteOff])) }
