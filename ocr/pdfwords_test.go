package ocr

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

// bboxPage is pdftotext's -bbox-layout XHTML of one page: blocks of
// lines, a line "y word@xMin-xMax …" (points; each word 14 high; the
// last @ of a word begins its span).
func bboxPage(blocks ...[]string) string {
	var b strings.Builder
	b.WriteString(`<html><body><doc><page width="595" height="842"><flow>`)
	for _, lines := range blocks {
		b.WriteString(`<block>`)
		for _, l := range lines {
			f := strings.Fields(l)
			y, _ := strconv.Atoi(f[0])
			b.WriteString(`<line>`)
			for _, w := range f[1:] {
				at := strings.LastIndex(w, "@") // an e-mail address holds one too
				text, span := w[:max(at, 0)], w[at+1:]
				x0, x1, _ := strings.Cut(span, "-")
				b.WriteString(`<word xMin="` + x0 + `" yMin="` + strconv.Itoa(y) + `" xMax="` + x1 + `" yMax="` + strconv.Itoa(y+14) + `">` + text + `</word>`)
			}
			b.WriteString(`</line>`)
		}
		b.WriteString(`</block>`)
	}
	b.WriteString(`</flow></page></doc></body></html>`)
	return b.String()
}

// A born-digital page's words: a signature stamp's block is left out, and
// the numerals an e-office system stamped into a form's dotted slots,
// which pdftotext sets on lines of their own (taking the rest of the
// printed line with them), stand in their slots: the layout reads the
// number and the day.
func TestParseBBoxLayout(t *testing.T) {
	page := bboxPage(
		[]string{"30 Ký@428-437 bởi:@439-453 Sở@455-465 Tư@467-477 pháp@479-499", "38 Thời@428-444 gian@446-462 ký:@464-475 12.03.2024@477-517 15:20:11@519-550"},
		[]string{"88 Số:………/UBND-KT@96-230", "88 507@126-151"},
		[]string{"103 Bình@281-311 Định,@315-351 ngày@355-387 ……@391-417", "103 12@401-418 tháng@421-450 3@454-460 năm@464-486 2024@490-520"},
		[]string{"300 vấn@90-110 đề@113-125 tồn@128-145 đọng,...@148-185 Trên@188-210"},
	)
	words, err := parseBBoxLayout(strings.NewReader(page), 300.0/72)
	if err != nil {
		t.Fatal(err)
	}
	text := layout.Text(layout.ReadingOrder(layout.Segments(vanthu.Page{Width: 2480, Words: words})))
	if strings.Contains(text, "Ký bởi") || strings.Contains(text, "15:20") {
		t.Errorf("the signature stamp's text kept:\n%s", text)
	}
	if !strings.Contains(text, "Số: ……… 507 /UBND-KT") || !strings.Contains(text, "Bình Định, ngày …… 12 tháng 3 năm 2024") {
		t.Errorf("the stamped number and day not in their slots:\n%s", text)
	}
	// The page's text, as it is stored and searched, too.
	if text := wordsText(words); !strings.Contains(text, "Số: ……… 507 /UBND-KT") || !strings.Contains(text, "Bình Định, ngày …… 12 tháng 3 năm 2024") {
		t.Errorf("the page's text:\n%s", text)
	}
	// Dots that meet no label and no code are prose's, and stay whole.
	if text := wordsText(words); !strings.Contains(text, "tồn đọng,... Trên") {
		t.Errorf("prose's dots parted:\n%s", text)
	}
}

// The blocks of other signing tools' stamps are left out, and so is an
// e-mail address alone in a few short lines (a stamp whose time pdftotext
// set in a block of its own); a body's paragraph and a letterhead that
// give an address are the document's own.
func TestBBoxLayoutStampsAndAddresses(t *testing.T) {
	page := bboxPage(
		[]string{"20 TRUNG@428-460 TÂM@462-480 CÔNG@482-500", "28 BÁO@428-445 VÀ@447-457 TIN@459-470 HỌC@472-490", "36 ttcbth@quangngai.gov.vn@428-520"},
		[]string{"44 05.02.2025@428-470 15:35:18@472-505 +07:00@507-530"},
		[]string{"60 Người@428-450 ký:@452-462 Nguyễn@464-490 Văn@492-505 An@507-515", "68 Ngày@428-445 ký:@447-457 2024-03-12T15:20:11+07:00@459-560"},
		[]string{"30 SỞ@90-105 Y@107-112 TẾ@114-125", "38 Email:@90-115 syt@binhan.gov.vn@117-190"},
		[]string{"300 Mọi@90-110 ý@112-116 kiến@118-135 góp@137-150 ý@152-156 gửi@158-170 về@172-180 địa@182-195 chỉ@197-207 vanthu@binhan.gov.vn@209-290 trước@292-315 ngày@317-335 15/3.@337-350"},
	)
	words, err := parseBBoxLayout(strings.NewReader(page), 300.0/72)
	if err != nil {
		t.Fatal(err)
	}
	text := wordsText(words)
	for _, gone := range []string{"TRUNG TÂM", "ttcbth", "15:35", "Người ký", "2024-03-12"} {
		if strings.Contains(text, gone) {
			t.Errorf("a stamp's %q kept:\n%s", gone, text)
		}
	}
	for _, kept := range []string{"SỞ Y TẾ", "Email: syt@binhan.gov.vn", "gửi về địa chỉ vanthu@binhan.gov.vn trước"} {
		if !strings.Contains(text, kept) {
			t.Errorf("the document's %q left out:\n%s", kept, text)
		}
	}
}

// FuzzBBoxLayout: pdftotext's XHTML of an untrusted file, whatever it
// holds, gives words with text and a box, or an error; never a panic.
func FuzzBBoxLayout(f *testing.F) {
	f.Add(bboxPage([]string{"88 Số:………/UBND-KT@96-230", "88 507@126-151"}))
	f.Add(bboxPage([]string{"10 ……@10-20 ..x..@30-20 …@5-5", "10 1@15-12"}))
	f.Add(`<block><line><word xMin="NaN" xMax="-1e308">..a</word></line></block>`)
	f.Fuzz(func(t *testing.T, s string) {
		words, err := parseBBoxLayout(strings.NewReader(s), 300.0/72)
		if err != nil {
			return
		}
		for _, w := range words {
			if w.Text == "" || !utf8.ValidString(w.Text) && utf8.ValidString(s) {
				t.Fatalf("word %+v", w)
			}
		}
	})
}
