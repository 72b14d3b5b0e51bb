package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
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

func TestReadCitationsAreNotTheNumber(t *testing.T) {
	// The header's slot was left blank (the number is written by hand and
	// OCR skipped the ink); the body cites other documents.
	p := page(1, append(append([]string{}, header...),
		"Số: ……/TTr-UBND", "Bình An, ngày tháng 01 năm 2025", "TỜ TRÌNH",
		"Về việc miễn nhiệm",
		"Căn cứ Nghị định số 08/2016/NĐ-CP ngày 25/01/2016 của Chính phủ;",
		"số 115/2021/NĐ-CP ngày 16 tháng 12 năm 2021 của Chính phủ")...)
	r := Read([]vanthu.Page{p}, nil)
	md := r.Metadata
	if md.Number != "…/TTr-UBND" || md.DocType != "Tờ trình" {
		t.Errorf("number %q, type %q; want the printed part …/TTr-UBND and Tờ trình", md.Number, md.DocType)
	}
	if md.IssuedDate != "2025-01" {
		t.Errorf("issued_date %q; want the printed month 2025-01", md.IssuedDate)
	}
	for _, f := range []string{"number", "issued_date"} {
		if !slices.Contains(r.Review, f) {
			t.Errorf("%s not flagged for review: %v", f, r.Review)
		}
	}
	if slices.Contains(r.Review, "doc_type") {
		t.Errorf("doc_type flagged, though its code is printed: %v", r.Review)
	}
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
}

func TestParseNumberLine(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		{"Số: /TTr-UBND", Number{Code: "TTr-UBND"}},
		{"Số: ……/QĐ-UBND", Number{Code: "QĐ-UBND"}},
		{"Số: 6§0 /TB-UBND", Number{Code: "TB-UBND", Unreadable: true}},
		{"Số: UBND-KTTH", Number{Code: "UBND-KTTH", Unsure: true}}, // the slash lost beside the ink
		{"Số: 94 UBND-KTTH", Number{Numeral: "94", Code: "UBND-KTTH", Unsure: true}},
		{"Số: 45/QĐ-UBND", Number{Numeral: "45", Code: "QĐ-UBND"}},
	}
	for _, tt := range tests {
		if got, ok := ParseNumberLine(tt.in); !ok || got != tt.want {
			t.Errorf("ParseNumberLine(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"Sở Tài chính/KH-A", "Căn cứ Nghị định số 08/2016/NĐ-CP", "số lượng: 5/KH"} {
		if _, ok := ownNumber(in); ok {
			t.Errorf("ownNumber(%q) found a number", in)
		}
	}
}

func TestParseDateLinePartial(t *testing.T) {
	for in, want := range map[string]string{
		"Quảng Ngãi, ngày tháng 01 năm 2025":    "2025-01",
		"Quảng Ngãi, ngày 0T tháng 02 năm 2025": "2025-02", // handwriting read as marks
		"Quảng Ngãi, ngày @& tháng l] năm 2024": "2024",
		"Quảng Ngãi, ngày 04tháng 02 năm 2025":  "2025-02-04",
	} {
		if _, got, ok := ParseDateLine(in); !ok || got != want {
			t.Errorf("ParseDateLine(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
