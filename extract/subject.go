package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// readSubject reads the trích yếu: under the type heading, or a công
// văn's "V/v …" under the number. It is as sure as its least sure line,
// and as a word in it that is no word (QI)-TTe): one misread spoils it.
// A letter Vietnamese has not (Nøãi) is a misread however sure OCR was,
// and a slip of the tone that makes a word all but absent from the
// register of one of its commonest (vẻ for về) likely one, as is a word
// with the marks of Vietnamese that is none of its syllables (thưe), a
// code a capital away from one of the commonest abbreviations (TXHH for
// TNHH), a sign no typed trích yếu has, a stop or a space where a comma
// or a number's slash was (sửa đổi. bổ sung, số 2269 Q1-TTg), a word of
// the register spelt as none of the words with its letters (phần bố for
// phân bổ), and a number it cites that the text cites nowhere else,
// where it cites one a figure away.
func (r *reading) readSubject(h *pageTop) {
	var lines []layout.Segment
	if h.headingAt >= 0 {
		r.md.Subject, lines = subjectAfterHeading(h.heading, h.afterHeading)
	} else {
		r.md.Subject, lines = subjectVv(h.left)
	}
	if r.md.Subject != "" && len(lines) > 0 {
		r.conf["subject"] = 1
		if strayMarks(r.md.Subject) || misreadSeparator(r.md.Subject) || misspeltPair(r.md.Subject) || citedOtherwise(r.md.Subject, r.pages) {
			r.doubt("subject")
		}
		for _, s := range lines {
			r.conf["subject"] = min(r.conf["subject"], s.Conf/100)
			for i, w := range s.Words {
				if garbled(w.Text) {
					r.conf["subject"] = min(r.conf["subject"], w.Confidence/100)
				}
				if dict.IsSlip(dict.TrimSigns(w.Text)) || foreignLetter(w.Text) || misread(w.Text) || nearAbbreviation(w.Text) || disputedIn(s.Words, i) {
					r.doubt("subject")
				}
			}
		}
	}
	r.typeByForm(h, lines)
}

// vvLead matches (in folded capitals) "V/v" at the start of a line as OCR
// may misread it: its v lost, its slash read as another thin mark (a
// fraction's slash, a stop before the v) or, in a 1-bit scan, lost ("V v
// tham gia …", "Vv tham gia …"), its V read as the W or Y of its shape
// before a slash. Printed heavy (a dark photocopy), the slash and the v
// run together: a # (V#w, V#), the v a w beside the V (VW, V/w).
var vvLead = regexp.MustCompile(`^(?:V\s*(?:[/|\\LI1⁄∕#]\s*[VWY]?|\.\s*[VWY]|\s[VWY]|[VW])|[WY]\s*[/⁄∕]\s*V)[.:]?\s+`)

// vvSpecks are the marks a speck before "V/v" is read as.
const vvSpecks = "\"'“”‘’`([{*·,.-–—|"

// subjectVv reads a công văn's trích yếu, with the lines it stands on:
// "V/v …" under the number, with its continuation lines, set
// single-spaced in small letters; specks among them (see speck) are
// passed over. It ends at a blank line, a line in capitals or one of a
// received stamp (see receivedStamp), which the receiving office sets in
// the space under it (NĐ 30, Phụ lục IV).
func subjectVv(left []layout.Segment) (string, []layout.Segment) {
	var out []string
	var lines []layout.Segment
	var prev layout.Segment
	var lead string // what stood before its V/v
	line := 0
	for _, s := range left {
		if len(out) == 0 {
			// A speck read as a quote or a bracket before it (“V/v,
			// (V/v) is none of the line, nor its pair at the trích
			// yếu's end.
			read := speckless(s)
			t := strings.TrimLeft(read, vvSpecks)
			lead = read[:len(read)-len(t)]
			f := strings.ToUpper(string(foldRunes([]rune(t))))
			switch m := vvLead.FindStringIndex(f); {
			case strings.HasPrefix(f, "V/V") || strings.HasPrefix(f, "VE VIEC"):
				if strings.HasPrefix(t, "V/V ") {
					t = "V/v" + t[3:] // its v read as a capital
				}
				out = append(out, t)
			case m != nil:
				// "V/v" misread: its v lost (V/ triển khai …), its slash
				// read as a letter (Vlv). One rune folds to one rune.
				out = append(out, "V/v "+string([]rune(t)[utf8.RuneCountInString(f[:m[1]]):]))
			default:
				continue
			}
			line, prev = s.Y1-s.Y0, s
			lines = append(lines, s)
			continue
		}
		if speck(s, line) {
			continue
		}
		// A line of no ascender or descender ("V/v triển khai chính sách
		// đối với") is shorter than its neighbours: the height a gap is
		// weighed against is the taller of the two, within reason.
		lh := max(line, min(s.Y1-s.Y0, line*3/2))
		blank := len(s.Words) > 0 && len(prev.Words) > 0 && s.Y0-prev.Y1 > lh
		if blank || isMark(s.Text) || isRule(s.Text) ||
			dict.Capitals(s.Text) || receivedStamp(s.Text) {
			break
		}
		out, prev = append(out, speckless(s)), s
		lines = append(lines, s)
	}
	subject := subjectOf(out)
	for _, pair := range [][2]string{{"(", ")"}, {"[", "]"}, {"{", "}"}, {"\"", "\""}, {"“", "”"}, {"'", "'"}, {"‘", "’"}} {
		if strings.Contains(lead, pair[0]) {
			subject = strings.TrimSuffix(subject, pair[1])
		}
	}
	return subject, lines
}

// subjectAfterHeading reads the trích yếu under a type heading, with the
// lines it stands on: the lines that follow, up to the short rule or
// where the body begins: a section heading (I., 1., a)), Căn cứ, Kính
// gửi, Điều, a line in capitals (the issuing authority of a Quyết định),
// a blank line, or a line set as body.
// Specks between its lines (see speck) are passed over, and so are, under
// a heading read with its boxes, what stands beside a line that crosses
// the heading's centre without crossing it (the trích yếu is centred under
// the heading, and a stamp set beside it is not), and the fields of a
// received stamp (see receivedStamp) before the trích yếu; after it, the
// stamp stands where the body begins.
func subjectAfterHeading(heading layout.Segment, segs []layout.Segment) (string, []layout.Segment) {
	centre := (heading.X0 + heading.X1) / 2
	crosses := func(s layout.Segment) bool {
		return len(heading.Words) == 0 || len(s.Words) == 0 || s.X0 <= centre && centre <= s.X1
	}
	aside := func(i int) bool {
		if crosses(segs[i]) {
			return false
		}
		for j := max(i-2, 0); j < min(i+3, len(segs)); j++ {
			if j != i && sameRow(segs[i], segs[j]) && crosses(segs[j]) {
				return true
			}
		}
		return false
	}
	left, right := math.MaxInt, 0
	var heights []int
	for _, s := range segs {
		right = max(right, s.X1)
		if len(s.Words) > 0 {
			left = min(left, s.X0)
			heights = append(heights, s.Y1-s.Y0)
		}
	}
	line := 0 // the height of a line of text: the median segment's
	if len(heights) > 0 {
		slices.Sort(heights)
		line = heights[len(heights)/2]
	}
	var out []string
	var lines []layout.Segment
	var prev layout.Segment
	for i, s := range segs {
		f := foldUpper(s.Text)
		if receivedStamp(s.Text) && len(out) > 0 {
			break // the stamp stands between the trích yếu and the body
		}
		if speck(s, line) || aside(i) || receivedStamp(s.Text) {
			continue
		}
		if len(out) == 0 && strings.HasPrefix(f, "CUA ") && dict.Capitals(s.Text) {
			continue // the heading's authority, in the format before 2011: CỦA CHỦ TỊCH …
		}
		if isRule(s.Text) || opensSection(s.Text) || len(out) == 0 && noSubject(s.Text) || (len(out) > 0 && (dict.Capitals(s.Text) || opensBody(s.Text) || !continues(prev, s, left, right))) {
			break
		}
		prev = s
		if len(out) >= 4 {
			break
		}
		out, lines = append(out, speckless(s)), append(lines, s)
	}
	return subjectOf(out), lines
}

// subjectOf is the trích yếu of its lines as read. It ends on no stop
// (NĐ 30 prints none): one there is a speck OCR read after its last word
// ("dịp Tết."), but for an abbreviation's ("v.v.").
func subjectOf(lines []string) string {
	t := citedSlashes(cleanLine(joinLines(withoutStrayDashes(lines))))
	last := t[strings.LastIndexByte(t, ' ')+1:]
	if strings.HasSuffix(last, ".") && !strings.Contains(strings.TrimSuffix(last, "."), ".") && utf8.RuneCountInString(last) > 3 {
		t = strings.TrimSuffix(t, ".")
	}
	return t
}

// joinLines joins a trích yếu's lines with a space, but for a range of
// years or numbers broken after its hyphen ("năm học 2023-" / "2024"),
// which was printed without one.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && !(brokenRange.MatchString(lines[i-1]) && dict.StartsFigure(l)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// withoutStrayDashes is a trích yếu's lines without the dash that stands
// alone at the end of a line or the start of the next where it joins no
// two parts of a name: after a word that asks for what follows it ("của
// -" / "Quyết định"), or before a word in lower case ("nhà đầu tư" / "—
// thực hiện"). A photograph's debris at the turn of a line is read so;
// a name broken at its dash ("Sở Lao động -" / "Thương binh và Xã hội")
// and a range of years keep it.
func withoutStrayDashes(lines []string) []string {
	out := slices.Clone(lines)
	for i := 1; i < len(out); i++ {
		before, after := strings.Fields(out[i-1]), strings.Fields(out[i])
		switch {
		case len(before) >= 2 && isDash(before[len(before)-1]) && len(after) > 0 && strayBetween(before[len(before)-2], after[0]):
			out[i-1] = strings.Join(before[:len(before)-1], " ")
		case len(after) >= 2 && isDash(after[0]) && len(before) > 0 && strayBetween(before[len(before)-1], after[1]):
			out[i] = strings.Join(after[1:], " ")
		}
	}
	return out
}

// isDash reports whether w is a dash standing alone.
func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

// strayBetween reports whether a dash between the words prev and next
// joins nothing: prev asks for what follows it, or next is in lower
// case.
func strayBetween(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return asksForMore[strings.ToLower(prev)] || unicode.IsLower(r)
}

// asksForMore are the words a trích yếu never ends a part on: a
// preposition or a conjunction, or the plural's mark.
var asksForMore = map[string]bool{
	"của": true, "về": true, "cho": true, "với": true, "tại": true, "và": true, "các": true,
	"những": true, "để": true, "theo": true, "trên": true, "trong": true, "từ": true, "đến": true,
}

// brokenRange matches a line that ends on a figure and a hyphen with no
// space between them.
var brokenRange = regexp.MustCompile(`\d[-–]$`)

// citedNumber is a number cited after "số" whose slash OCR read as a
// comma, a stop or a space: "số 2269, QĐ-TTg".
var citedNumber = regexp.MustCompile(`(\b[Ss]ố\s+[0-9]{1,5})(?:\s*[,.;:]\s*|\s+)(\pL+)(-\pL)`)

// citedSlashes puts back the slash of each number cited in t whose slash
// OCR lost, where a document type's abbreviation (Phụ lục III) follows:
// "số 2269, QĐ-TTg" is "số 2269/QĐ-TTg", and "số 2269 QD-TTg" too (the
// code's Đ given back, dict.RepairTypeCode).
func citedSlashes(t string) string {
	return citedNumber.ReplaceAllStringFunc(t, func(m string) string {
		g := citedNumber.FindStringSubmatch(m)
		if _, ok := docTypeByCode(g[2]); !ok {
			return m
		}
		code, _ := dict.RepairTypeCode(g[2])
		return g[1] + "/" + code + g[3]
	})
}

// speck reports whether s is a mark and no line of text: one with no
// letter or digit that is not a rule (narrower than three times its
// height), or one less than half as tall as a line of text (line): a dot
// or the end of the rule under the trích yếu that OCR read as a letter
// ("ộ").
func speck(s layout.Segment, line int) bool {
	if len(s.Words) == 0 {
		return false
	}
	h := s.Y1 - s.Y0
	return dict.TrimSigns(s.Text) == "" && s.X1-s.X0 < 3*h || 2*h < line
}

// speckless is the text of line s without the specks OCR read as words
// in it: a word less than half as tall as the line's words that OCR was
// unsure of (the end of a rule read as "Ộ"), or a stop standing alone
// ("của . Quyết định"), which no trích yếu has within it.
func speckless(s layout.Segment) string {
	if len(s.Words) < 2 {
		return s.Text
	}
	line := layout.MedianHeight(s.Words)
	keep := make([]string, 0, len(s.Words))
	for _, w := range s.Words {
		short := 2*(w.Y1-w.Y0) < line
		if short && (w.Confidence < 50 || strings.Trim(w.Text, ".,;:·'`") == "") {
			continue
		}
		keep = append(keep, w.Text)
	}
	if len(keep) == len(s.Words) {
		return s.Text
	}
	return strings.Join(keep, " ")
}

// continues reports whether line s goes on with the trích yếu whose last
// line is prev. A trích yếu is set single-spaced, its lines centred (or
// flush left in a Công văn): a line after a blank line, or a line as wide
// as the page (reaching from left to right, the edges of the text) that
// neither continues a line as wide (see runsOn) nor shares prev's centre,
// is body. A line on prev's centre that stops short of either edge goes
// on with it, however wide: the trích yếu's widest line, where the body's
// lines are short. Lines without boxes are judged by their zone alone.
func continues(prev, s layout.Segment, left, right int) bool {
	if len(s.Words) == 0 || len(prev.Words) == 0 {
		return s.Zone != layout.Full
	}
	h := prev.Y1 - prev.Y0
	gap := s.Y0 - prev.Y1
	switch {
	case gap > h:
		return false
	case s.Zone != layout.Full || runsOn(prev, s):
		return true
	}
	// By its words: not a rule's or a stamp frame's dashes read beside
	// them.
	s0, s1 := wordsSpan(s)
	p0, p1 := wordsSpan(prev)
	return (s1 < right-h || s0 > left+h) && abs((s0+s1)/2-(p0+p1)/2) < h
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// runsOn reports whether s continues a trích yếu as wide as the page
// whose last line is prev: itself that wide, set as tight as its lines
// (less than half a line between them), where the body would start after
// a space, and its words centred as prev's are or starting where they
// start. A line set tight under it from the body's margin, left of the
// trích yếu and off its axis, is the body's.
func runsOn(prev, s layout.Segment) bool {
	h := prev.Y1 - prev.Y0
	if prev.Zone != layout.Full || len(s.Words) == 0 || s.Y0-prev.Y1 >= h/2 {
		return false
	}
	p0, p1 := wordsSpan(prev)
	s0, s1 := wordsSpan(s)
	return s0 >= p0-h/2 || abs((s0+s1)-(p0+p1))/2 < h
}

// wordsSpan is where the words of s with a letter or a figure begin and
// end: not a rule's or a fold's dashes read beside them ("——__ thực
// hiện …").
func wordsSpan(s layout.Segment) (x0, x1 int) {
	x0, x1 = s.X1, s.X0
	for _, w := range s.Words {
		if strings.ContainsFunc(w.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			x0, x1 = min(x0, w.X0), max(x1, w.X1)
		}
	}
	if x0 > x1 {
		return s.X0, s.X1
	}
	return x0, x1
}

// bodyOpening matches (in folded capitals) the words a body's first
// sentence opens with when no Căn cứ or Kính gửi comes first: "Thực hiện
// Kế hoạch số …", "Ngày 05 tháng 9 năm 2016, …", "Theo đề nghị của …";
// or, after the office's name, its courtesy (see courtesy).
var bodyOpening = regexp.MustCompile(`^(THUC HIEN|THEO |NGAY \d|NHAM |TRONG |SAU KHI|VUA QUA|HIEN NAY|NHAN DUOC|XET |TRA LOI|TIEP THEO|VAO LUC|HOI \d|` + courtesy + `)`)

// courtesy matches (in folded capitals) the courtesy a giấy mời, a giấy
// giới thiệu or a công văn opens with after the office's name: "Sở Nội
// vụ trân trọng kính mời …", "Thư viện tỉnh trân trọng giới thiệu:". No
// trích yếu speaks so.
const courtesy = `(\pL+ ){0,12}TRAN TRONG (KINH )?(MOI|DE NGHI|THONG BAO|BAO CAO|GUI|GIOI THIEU)`

var courtesyRe = regexp.MustCompile(`^` + courtesy)

// noSubject reports whether line, the first after a heading, is a body's
// and no trích yếu's: a sentence that ends on a colon, as a giấy giới
// thiệu's "… trân trọng giới thiệu:" does, or a courtesy (a trích yếu
// ends on no sign, NĐ 30).
func noSubject(line string) bool {
	return strings.HasSuffix(strings.TrimSpace(line), ":") && !dict.Capitals(line) || courtesyRe.MatchString(foldUpper(line))
}

// opensBody reports whether line opens a body: a capital, then the words a
// body's first sentence opens with. A trích yếu's next line goes on with
// its sentence, in small letters ("Về việc … / theo đề nghị của …").
func opensBody(line string) bool {
	t := strings.TrimLeftFunc(line, func(r rune) bool { return !unicode.IsLetter(r) })
	first, _ := utf8.DecodeRuneInString(t)
	// "Để" opens a sentence ("Để bảo đảm …"); "Đề án", folded the same,
	// may be the trích yếu's own words.
	return unicode.IsUpper(first) && !dict.Capitals(t) && (bodyOpening.MatchString(foldUpper(t)) || strings.HasPrefix(dict.NFC(t), "Để "))
}

// bodyStart matches (in folded capitals) the first line of a body: a
// section's numeral (I., 1., a)), Căn cứ, Kính gửi, or the heading of an
// article, section, chapter or part (Điều 1, Mục 2, Chương II, Phần I,
// Phần thứ nhất); or the note under the trích yếu of what a decision
// issues, "(Ban hành kèm theo Quyết định số …)".
var bodyStart = regexp.MustCompile(`^([IVX]+\s*[.:]|\d+\s*[.)]|[A-Z]\)|CAN CU|KINH GUI|(DIEU|MUC) \d|CHUONG [IVXL\d]+\b|PHAN ([IVXL\d]+\b|THU )|\(\s*(BAN HANH\s+)?KEM THEO)`)

// sectionWord matches (in folded capitals) the words of bodyStart's
// headings, which running text uses too: a trích yếu goes on with
// "chương trình …", "phân bổ …", "phần mềm …", "điều 5 Quy chế …".
var sectionWord = regexp.MustCompile(`^(DIEU|MUC|CHUONG|PHAN) `)

// opensSection reports whether line is the first line of a body (see
// bodyStart). A heading's word opens it with a capital; a trích yếu's
// line that goes on with the word does not.
func opensSection(line string) bool {
	f := foldUpper(line)
	if !bodyStart.MatchString(f) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(line))
	return !sectionWord.MatchString(f) || unicode.IsUpper(first)
}
