package extract

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

// page is a page of text without word boxes: one segment a line.
func page(n int, lines ...string) vanthu.Page {
	return vanthu.Page{Number: n, Text: strings.Join(lines, "\n")}
}

var header = []string{
	"ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
}

func TestReadSeveralDocuments(t *testing.T) {
	first := page(1, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	cont := page(2, "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.", "Nơi nhận:", "- Như Điều 3;")
	second := page(3, append(append([]string{}, header...), "Số: 7/TB-UBND", "Bình An, ngày 05 tháng 02 năm 2025", "THÔNG BÁO")...)
	r := Read([]vanthu.Page{first, cont, second}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" {
		t.Errorf("number %q, want the first document's", r.Metadata.Number)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "nhiều văn bản") || !strings.Contains(r.Warnings[0], "trang 3") {
		t.Errorf("warnings %q: want several documents, the other from page 3", r.Warnings)
	}
	// A continuation page with no header is no new document.
	if r := Read([]vanthu.Page{first, cont}, nil); len(r.Warnings) != 0 {
		t.Errorf("one document, warnings %q", r.Warnings)
	}
	// Nor is a form an appendix sets out: the header with its slots
	// blank, or labelled as a form.
	for _, form := range [][]string{
		{"UBND TỈNH BÌNH AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ....../QĐ-UBND", "Bình An, ngày ... tháng ... năm 20...", "QUYẾT ĐỊNH"},
		{"TÊN CƠ QUAN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/TB-…", "……, ngày …… tháng …… năm ……", "THÔNG BÁO"},
		{"Mẫu số 02", "UBND XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 15/GXN-UBND", "An Bình, ngày 10 tháng 5 năm 2024", "GIẤY XÁC NHẬN"},
	} {
		if r := Read([]vanthu.Page{first, cont, page(3, form...)}, nil); len(r.Warnings) != 0 {
			t.Errorf("a form in an appendix (%q) taken for another document: %q", form[0], r.Warnings)
		}
	}
	// Nor is what the document issues, set out after it under the same
	// header: a regulation, a plan, an appendix, "kèm theo" it by its
	// number and date.
	for _, attached := range [][]string{
		{"QUY CHẾ", "Làm việc của Ủy ban nhân dân tỉnh", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 03 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh)"},
		{"PHỤ LỤC", "(Kèm theo Quyết định số: 12/QĐ-UBND ngày 03/02/2025 của UBND tỉnh Bình An)"},
		{"Bình An, ngày 03 tháng 02 năm 2025", "KẾ HOẠCH", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)"},
	} {
		if r := Read([]vanthu.Page{first, cont, page(3, append(append([]string{}, header...), attached...)...)}, nil); len(r.Warnings) != 0 {
			t.Errorf("%q, issued with the document, taken for another: %q", attached[0], r.Warnings)
		}
	}
	// A document whose trích yếu names a paper sent with it is another.
	other := page(3, append(append([]string{}, header...), "Số: 7/UBND-VP", "Bình An, ngày 05 tháng 02 năm 2025", "V/v gửi hồ sơ kèm theo Công văn số 12/UBND-VP")...)
	if r := Read([]vanthu.Page{first, cont, other}, nil); len(r.Warnings) != 1 {
		t.Errorf("a công văn naming a paper sent with it: warnings %q", r.Warnings)
	}
	// Another document whose number and day were written by hand, unread:
	// its year is printed.
	handwritten := page(3, append(append([]string{}, header...), "Số: …/TB-UBND", "Bình An, ngày … tháng 02 năm 2025", "THÔNG BÁO")...)
	if r := Read([]vanthu.Page{first, cont, handwritten}, nil); len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "trang 3") {
		t.Errorf("a second document with its number and day unread: warnings %q", r.Warnings)
	}
}

func TestReadSignatureEvidence(t *testing.T) {
	p := page(1, "ỦY BAN NHÂN DÂN", "TINH QUANG NGAI", "Số: 5/UBND-KT", "Quảng Ngãi, ngày 04 tháng 02 năm 2025", "V/v thử")
	agency := vanthu.Signature{Signer: "Ủy ban nhân dân tỉnh Quảng Ngãi", Organization: "Tỉnh Quảng Ngãi", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	person := vanthu.Signature{Signer: "Nguyễn Văn An", Organization: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", SignedAt: "2025-02-04T17:00:00+07:00", Intact: true}

	r := Read([]vanthu.Page{p}, []vanthu.Signature{person, agency})
	if r.Metadata.Issuer != "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" {
		t.Errorf("issuer %q: want the certificate's spelling of the agency OCR read without marks", r.Metadata.Issuer)
	}
	if r.Metadata.Signer != "Nguyễn Văn An" {
		t.Errorf("signer %q: want the name of the person's own signature", r.Metadata.Signer)
	}
	if slices.Contains(r.Review, "issuer") || slices.Contains(r.Review, "issued_date") {
		t.Errorf("agreeing evidence flagged: %v", r.Review)
	}

	// Signed before the date the page gives, or by another agency: the
	// clerk checks.
	early := person
	early.SignedAt = "2025-02-01T09:00:00+07:00"
	other := vanthu.Signature{Signer: "Sở Tài chính tỉnh Bình An", Organization: "Sở Tài chính", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	r = Read([]vanthu.Page{p}, []vanthu.Signature{early})
	if !slices.Contains(r.Review, "issued_date") {
		t.Errorf("dated after its signature, not flagged: %v", r.Review)
	}
	r = Read([]vanthu.Page{p}, []vanthu.Signature{other})
	if !slices.Contains(r.Review, "issuer") {
		t.Errorf("signed by another agency, issuer not flagged: %v", r.Review)
	}
	// A signature whose bytes changed, or a time-stamping authority's
	// stamp, witnesses nothing: neither its date nor its organisation
	// weighs.
	broken, stamp := early, agency
	broken.Intact = false
	stamp.TimeStamp = true
	unsigned := Read([]vanthu.Page{p}, nil)
	for _, s := range []vanthu.Signature{broken, stamp} {
		if r = Read([]vanthu.Page{p}, []vanthu.Signature{s}); !slices.Equal(r.Review, unsigned.Review) || !reflect.DeepEqual(r.Metadata, unsigned.Metadata) {
			t.Errorf("intact %v, time stamp %v: taken as a witness: review %v, want %v as unsigned", s.Intact, s.TimeStamp, r.Review, unsigned.Review)
		}
	}

	// A joint document is signed by each of its bodies: either agrees
	// with the issuer, which stays the two together.
	joint := page(1, "SỞ TÀI CHÍNH -", "SỞ NỘI VỤ", "Số: 12/HDLT-STC-SNV", "Bình An, ngày 04 tháng 02 năm 2025", "HƯỚNG DẪN LIÊN TỊCH", "Về việc thử")
	snv := vanthu.Signature{Signer: "Sở Nội vụ", Organization: "Sở Nội vụ", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	r = Read([]vanthu.Page{joint}, []vanthu.Signature{snv})
	if r.Metadata.Issuer != "SỞ TÀI CHÍNH - SỞ NỘI VỤ" || slices.Contains(r.Review, "issuer") {
		t.Errorf("signed by one of its bodies: issuer %q, review %v; want the two, not flagged", r.Metadata.Issuer, r.Review)
	}
	syt := vanthu.Signature{Signer: "Sở Y tế", Organization: "Sở Y tế", SignedAt: "2025-02-05T10:00:00+07:00", Intact: true}
	if r = Read([]vanthu.Page{joint}, []vanthu.Signature{syt}); !slices.Contains(r.Review, "issuer") {
		t.Errorf("signed by no body of it, issuer not flagged: %v", r.Review)
	}
}

// seg is a line with its box, as read from a scan.
func seg(text string, zone layout.Zone, x0, y0, x1, y1 int) layout.Segment {
	return layout.Segment{Text: text, Zone: zone, X0: x0, Y0: y0, X1: x1, Y1: y1, Conf: 95,
		Words: []vanthu.Word{{Text: text, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: 95}}}
}

// subjectText is a trích yếu read, without the lines it stands on.
func subjectText(t string, _ []layout.Segment) string { return t }

// Every document under NĐ 30 has a place on its date line and a role over
// its signature: one not read is for the clerk to fill in.
func TestReviewFlagsAPlaceOrRoleNotRead(t *testing.T) {
	md := vanthu.Metadata{Number: "12/UBND-KT", DocType: "Công văn", Issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
		IssuedDate: "2025-01-15", Subject: "V/v góp ý", Signer: "Nguyễn Văn An"}
	conf := map[string]float64{"number": 0.9, "doc_type": 0.9, "issuer": 0.9, "issued_date": 0.9, "subject": 0.9, "signer": 0.9}
	if got := Review(md, conf); !slices.Equal(got, []string{"place", "signer_title"}) {
		t.Errorf("Review = %v, want [place signer_title]", got)
	}
}

// A giấy giới thiệu's form prints no trích yếu: none read is nothing for
// the clerk to fill in, as it is for a Quyết định.
func TestReviewAsksNoSubjectOfAFormWithout(t *testing.T) {
	conf := map[string]float64{"number": 0.9, "doc_type": 0.9, "issuer": 0.9, "issued_date": 0.9, "place": 0.9, "signer": 0.9, "signer_title": 0.9}
	for docType, flagged := range map[string]bool{"Giấy giới thiệu": false, "Giấy nghỉ phép": false, "Quyết định": true, "Giấy mời": true} {
		md := vanthu.Metadata{Number: "15/GT-TV", DocType: docType, Issuer: "THƯ VIỆN TỈNH", IssuedDate: "2014-05-20", Place: "Bình An",
			Signer: "Trần Văn Hùng", SignerTitle: "GIÁM ĐỐC"}
		if got := slices.Contains(Review(md, conf), "subject"); got != flagged {
			t.Errorf("%s without a trích yếu: subject flagged %v, want %v", docType, got, flagged)
		}
	}
}

// row is a line of a scan as one word in its box.
type row struct {
	text           string
	x0, y0, x1, y1 int
}

// scanWords is the words of an NĐ 30 header (agency and Quốc hiệu) on an
// A4 page at 200 dpi, then rows, each a line of its own.
func scanWords(rows ...row) []vanthu.Word {
	rows = append([]row{
		{"ỦY BAN NHÂN DÂN", 270, 129, 605, 177},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
		{"TỈNH BÌNH AN", 269, 174, 603, 211},
		{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
	}, rows...)
	return rowWords(rows...)
}

// rowWords is rows as the words of a page, each a line of its own, read
// at confidence 95.
func rowWords(rows ...row) []vanthu.Word {
	var words []vanthu.Word
	for i, l := range rows {
		words = append(words, vanthu.Word{Text: l.text, X0: l.x0, Y0: l.y0, X1: l.x1, Y1: l.y1, Confidence: 95, Line: i})
	}
	return words
}

// A law prints no date line: it was passed on the day its closing
// sentence names, which may run over two lines. A body that tells when
// another text was passed names that one, not "this".
func TestPassedOn(t *testing.T) {
	law := []layout.Segment{
		seg("Điều 42. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2012.", layout.Full, 250, 400, 2200, 460),
		seg("Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp", layout.Full, 250, 500, 2200, 560),
		seg("thứ 2 thông qua ngày 11 tháng 11 năm 2011.", layout.Full, 250, 580, 1200, 640),
		seg("CHỦ TỊCH QUỐC HỘI", layout.Right, 1500, 700, 2100, 760),
	}
	date, s, ok := passedOn(law)
	if !ok || date != "2011-11-11" || s.Y0 != 580 {
		t.Errorf("passedOn(law) = %q, line at %d, %v; want 2011-11-11 on the line at 580", date, s.Y0, ok)
	}
	body := []layout.Segment{
		seg("Căn cứ Nghị quyết số 42/2017/QH14 được Quốc hội thông qua ngày 21 tháng 6 năm 2017;", layout.Full, 250, 400, 2200, 460),
	}
	if date, _, ok := passedOn(body); ok {
		t.Errorf("passedOn(citation) = %q; want nothing", date)
	}
}

// A signer's name with a syllable that is no name in common use, read
// unsure, is flagged for the clerk: faint print bends Hoàng into Hoane.
// The same syllable read surely is a rare name, and stands; a mark that
// the repair of a name put back (Tuần → Tuấn) is no doubt either.
func TestSignerWithAnUnsureSyllableFlagged(t *testing.T) {
	for _, c := range []struct {
		name    []string
		conf    []float64
		flagged bool
	}{
		{[]string{"Nguyễn", "Hoane", "Giang"}, []float64{93, 61, 90}, true},
		{[]string{"Nguyễn", "Hoane", "Giang"}, []float64{93, 96, 90}, false},
		{[]string{"Trần", "Hoàng", "Tuần"}, []float64{96, 97, 76}, false},
		{[]string{"Nguyễn", "Hoàng", "Giang"}, []float64{93, 61, 90}, false},
	} {
		words := scanWords(
			row{"Số: 45/TB-UBND", 300, 318, 600, 356},
			row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 318, 1483, 356},
			row{"THÔNG BÁO", 700, 420, 950, 456},
			row{"Kết luận của Chủ tịch UBND tỉnh", 520, 470, 1130, 506},
			row{"Nơi nhận:", 257, 1716, 394, 1746},
			row{"CHỦ TỊCH", 1000, 1709, 1279, 1756},
			row{"- Như trên;", 256, 1766, 560, 1801},
		)
		for k, w := range c.name {
			x := 1000 + 130*k
			words = append(words, vanthu.Word{Text: w, X0: x, Y0: 2081, X1: x + 120, Y1: 2124, Confidence: c.conf[k], Line: 99})
		}
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if got := slices.Contains(r.Review, "signer"); got != c.flagged || r.Metadata.Signer == "" {
			t.Errorf("%q %v: signer %q, flagged %v; want flagged %v", c.name, c.conf, r.Metadata.Signer, got, c.flagged)
		}
	}
}

// Pages with ink of which OCR read no text (a photograph, a seal alone)
// are named to the clerk; the document is read from the others.
func TestUnreadPagesWarned(t *testing.T) {
	first := page(1, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	photo := vanthu.Page{Number: 2, Unread: true}
	r := Read([]vanthu.Page{first, photo, {Number: 3}}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "trang 2 ") {
		t.Errorf("number %q, warnings %q; want the number read and page 2 named", r.Metadata.Number, r.Warnings)
	}
}

// A sheet fed face down through a duplex scanner gives its blank back
// first: the document is read from the first page with text, and the
// clerk told which pages were passed over.
func TestReadFromTheFirstPageWithText(t *testing.T) {
	first := page(2, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	last := page(4, "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.", "Nơi nhận:", "- Như Điều 3;")
	r := Read([]vanthu.Page{{Number: 1}, first, {Number: 3, Text: " \n"}, last}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" || r.Metadata.IssuedDate != "2025-02-03" || r.Metadata.DocType != "Quyết định" {
		t.Errorf("number %q, date %q, type %q; want them read from page 2", r.Metadata.Number, r.Metadata.IssuedDate, r.Metadata.DocType)
	}
	if want := fmt.Sprintf(LeadingPagesWarning, "1", 2); !slices.Equal(r.Warnings, []string{want}) {
		t.Errorf("warnings %q, want only %q", r.Warnings, want)
	}
	// A page of ink unread, or of marks, before the header (a seal
	// alone) is passed over too; before a page that is no header, it may
	// be the header unread, and is not.
	for _, before := range []vanthu.Page{{Number: 1, Unread: true}, {Number: 1, Text: "vs.\nV tz\n`\nì"}} {
		if r := Read([]vanthu.Page{before, first}, nil); r.Metadata.Number != "12/QĐ-UBND" {
			t.Errorf("%q before the header: number %q; want it read from page 2", before.Text, r.Metadata.Number)
		}
		if r := Read([]vanthu.Page{before, last}, nil); len(r.Warnings) > 0 && strings.Contains(r.Warnings[len(r.Warnings)-1], "các trường được đọc từ trang") {
			t.Errorf("%q before a page that is no header: passed over: %q", before.Text, r.Warnings)
		}
	}
	if r := Read([]vanthu.Page{{Number: 1}, {Number: 2}}, nil); len(r.Warnings) != 0 || r.Metadata.Number != "" {
		t.Errorf("every page blank: warnings %q, number %q; want none (the pipeline warns of it)", r.Warnings, r.Metadata.Number)
	}
}

// A file scanned last page first begins with the document's foot and
// ends with its header: it is read from the last page, the clerk told. A
// file that begins with a page of neither, and one whose first page
// carries a header, are read as they come.
func TestReadLastPageFirst(t *testing.T) {
	head := page(3, append(append([]string{}, header...), "Số: 12/QĐ-UBND", "Bình An, ngày 03 tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	middle := page(2, "Điều 2. Quyết định này có hiệu lực từ ngày ký.")
	foot := vanthu.Page{Number: 1, Width: 1654, Height: 2339, Words: rowWords(
		row{"Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành.", 230, 200, 1400, 240},
		row{"Nơi nhận:", 230, 300, 400, 335}, row{"CHỦ TỊCH", 1100, 300, 1400, 340},
		row{"- Như Điều 3;", 230, 345, 450, 380},
		row{"- Lưu: VT.", 230, 390, 420, 425},
		row{"Nguyễn Văn An", 1080, 600, 1420, 640},
	)}
	r := Read([]vanthu.Page{foot, middle, head}, nil)
	if r.Metadata.Number != "12/QĐ-UBND" || r.Metadata.Signer != "Nguyễn Văn An" || r.HeaderPage != 3 {
		t.Errorf("number %q, signer %q, header page %d; want the header read from page 3, the signer from page 1", r.Metadata.Number, r.Metadata.Signer, r.HeaderPage)
	}
	if want := fmt.Sprintf(LastFirstWarning, 3); !slices.Equal(r.Warnings, []string{want}) {
		t.Errorf("warnings %q, want only %q", r.Warnings, want)
	}
	// Its number and day written by hand, unread, the header is the
	// header still.
	slots := page(2, append(append([]string{}, header...), "Số:     /QĐ-UBND", "Bình An, ngày    tháng 02 năm 2025", "QUYẾT ĐỊNH", "Về việc A")...)
	if r := Read([]vanthu.Page{foot, slots}, nil); r.Metadata.Number != "…/QĐ-UBND" || r.HeaderPage != 2 {
		t.Errorf("the slots unread: number %q, header page %d; want …/QĐ-UBND from page 2", r.Metadata.Number, r.HeaderPage)
	}
	// A form set out at the end is no header.
	form := page(2, "Mẫu số 01", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐƠN ĐỀ NGHỊ")
	if r := Read([]vanthu.Page{foot, form}, nil); r.HeaderPage != 1 || len(r.Warnings) != 0 {
		t.Errorf("a form last: header page %d, warnings %q; want the pages read as they come", r.HeaderPage, r.Warnings)
	}
	head.Number, foot.Number = 1, 2
	if r := Read([]vanthu.Page{head, foot}, nil); r.Metadata.Number != "12/QĐ-UBND" || len(r.Warnings) != 0 || r.HeaderPage != 1 {
		t.Errorf("in order: number %q, warnings %q, header page %d", r.Metadata.Number, r.Warnings, r.HeaderPage)
	}
	middle.Number, head.Number = 1, 2
	if r := Read([]vanthu.Page{middle, head}, nil); r.Metadata.Number != "" || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "nhiều văn bản") {
		t.Errorf("a page of neither, then a header: number %q, warnings %q; want another document warned of", r.Metadata.Number, r.Warnings)
	}
}

// A document is issued before it arrives: a date read later than the day
// it arrived (in Vietnam's time) goes to review, one on or before it does
// not, and a date read to its year or month is compared as far as it goes.
func TestCheckArrival(t *testing.T) {
	arrived := time.Date(2024, 3, 15, 18, 30, 0, 0, time.UTC) // 16 March, 01:30 in Vietnam
	for date, flagged := range map[string]bool{
		"2024-03-16": false, "2024-03-15": false, "2023-12-31": false, "2024-03": false, "2024": false,
		"2024-03-17": true, "2029-03-15": true, "2024-04": true, "2025": true,
	} {
		r := Result{Metadata: vanthu.Metadata{IssuedDate: date}, Confidence: map[string]float64{"issued_date": 0.9}, Review: []string{"number", "signer"}}
		r.CheckArrival(arrived)
		if got := slices.Contains(r.Review, "issued_date"); got != flagged {
			t.Errorf("%s arrived %v: review %v; want issued_date flagged: %v", date, arrived, r.Review, flagged)
		}
		if flagged && !slices.Equal(r.Review, []string{"number", "issued_date", "signer"}) {
			t.Errorf("%s: review %v, not in the register's order", date, r.Review)
		}
	}
	r := Result{Metadata: vanthu.Metadata{IssuedDate: "2099-01-01"}}
	if r.CheckArrival(time.Time{}); len(r.Review) != 0 {
		t.Errorf("no arrival: review %v; want nothing checked", r.Review)
	}
}
