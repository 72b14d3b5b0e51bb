package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

// A decision's number and day, written by hand and lost, are read from
// the line under the title of the text it issues, on a later page, where
// that line cites it by its own code; both stay for the clerk to check. A
// header read otherwise than that line cites it goes to review.
func TestAttachedTextCitesItsDocument(t *testing.T) {
	decision := func(number, date string) vanthu.Page {
		return vanthu.Page{Number: 1, Width: 1654, Height: 2339, Words: scanWords(
			row{number, 300, 240, 580, 275},
			row{date, 800, 240, 1400, 278},
			row{"QUYẾT ĐỊNH", 700, 350, 950, 390},
			row{"Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh", 450, 400, 1200, 440},
			row{"ỦY BAN NHÂN DÂN TỈNH BÌNH AN", 560, 450, 1100, 490},
			row{"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 200, 540, 1450, 580},
		)}
	}
	regulation := func(lines ...string) vanthu.Page {
		rows := []row{{"QUY CHẾ", 740, 330, 910, 370}, {"Làm việc của Ủy ban nhân dân tỉnh Bình An", 500, 380, 1150, 420}}
		for i, l := range lines {
			rows = append(rows, row{l, 380, 430 + 50*i, 1270, 470 + 50*i})
		}
		rows = append(rows, row{"Chương I", 760, 650, 890, 690}, row{"Điều 1. Phạm vi điều chỉnh", 200, 750, 700, 790})
		return vanthu.Page{Number: 2, Width: 1654, Height: 2339, Words: scanWords(rows...)}
	}
	const (
		blank     = "Số:          /QĐ-UBND"
		noDay     = "Bình An, ngày      tháng 3 năm 2023"
		printed   = "Số: 245/QĐ-UBND"
		dated     = "Bình An, ngày 12 tháng 3 năm 2023"
		cites     = "(Ban hành kèm theo Quyết định số 245/QĐ-UBND ngày 12/3/2023"
		ofTheUBND = "của Ủy ban nhân dân tỉnh Bình An)"
	)
	for _, c := range []struct {
		name          string
		first, second vanthu.Page
		number, date  string
		flagged       []string // of number and issued_date
		warning       string   // the start of the one warning, or ""
	}{
		{"number and day lost", decision(blank, noDay), regulation(cites, ofTheUBND),
			"245/QĐ-UBND", "2023-03-12", []string{"number", "issued_date"}, "Số hoặc ngày lấy"},
		{"the date wrapped onto the line under", decision(blank, noDay), regulation("(Ban hành kèm theo Quyết định số 245/QĐ-UBND", "ngày 12 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh Bình An)"),
			"245/QĐ-UBND", "2023-03-12", []string{"number", "issued_date"}, "Số hoặc ngày lấy"},
		{"the two agree", decision(printed, dated), regulation(cites, ofTheUBND),
			"245/QĐ-UBND", "2023-03-12", nil, ""},
		{"the header's numeral misread", decision("Số: 246/QĐ-UBND", dated), regulation(cites, ofTheUBND),
			"246/QĐ-UBND", "2023-03-12", []string{"number"}, "Dòng “kèm theo” ở trang 2 ghi 245/QĐ-UBND"},
		{"the header's day misread", decision(printed, "Bình An, ngày 13 tháng 3 năm 2023"), regulation(cites, ofTheUBND),
			"245/QĐ-UBND", "2023-03-13", []string{"issued_date"}, "Dòng “kèm theo” ở trang 2 ghi 245/QĐ-UBND ngày 12/03/2023"},
		{"the line's slots blank too", decision(blank, noDay), regulation("(Ban hành kèm theo Quyết định số          /QĐ-UBND ngày      /3/2023", ofTheUBND),
			"…/QĐ-UBND", "2023-03", []string{"number", "issued_date"}, ""},
		{"another body's decision", decision(blank, noDay), regulation("(Kèm theo Quyết định số 30/QĐ-SNV ngày 02/3/2023", "của Sở Nội vụ tỉnh Bình An)"),
			"…/QĐ-UBND", "2023-03", []string{"number", "issued_date"}, ""},
		{"a plan of the same code", decision(blank, noDay), regulation("(Kèm theo Kế hoạch số 30/QĐ-UBND ngày 02/3/2023", ofTheUBND),
			"…/QĐ-UBND", "2023-03", []string{"number", "issued_date"}, ""},
	} {
		r := Read([]vanthu.Page{c.first, c.second}, nil)
		md := r.Metadata
		var flagged []string
		for _, f := range r.Review {
			if f == "number" || f == "issued_date" {
				flagged = append(flagged, f)
			}
		}
		if md.Number != c.number || md.IssuedDate != c.date || !slices.Equal(flagged, c.flagged) {
			t.Errorf("%s: number %q, issued %q, review %v; want %q, %q, flagged %v", c.name, md.Number, md.IssuedDate, r.Review, c.number, c.date, c.flagged)
		}
		if c.warning == "" && len(r.Warnings) > 0 || c.warning != "" && (len(r.Warnings) != 1 || !strings.HasPrefix(r.Warnings[0], c.warning)) {
			t.Errorf("%s: warnings %q; want one beginning %q", c.name, r.Warnings, c.warning)
		}
	}
	// A Party document's number is the Party's order: numeral-TYPE/ISSUER.
	party := page(1, "ĐẢNG BỘ TỈNH BÌNH AN", "TỈNH ỦY", "Số      -QĐ/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình An, ngày   tháng 3 năm 2023", "QUYẾT ĐỊNH", "ban hành Quy chế làm việc")
	rules := page(2, "QUY CHẾ", "làm việc của Ban Chấp hành Đảng bộ tỉnh", "(Kèm theo Quyết định số 125-QĐ/TU ngày 15/3/2023", "của Ban Thường vụ Tỉnh ủy)")
	if md := Read([]vanthu.Page{party, rules}, nil).Metadata; md.Number != "125-QĐ/TU" || md.IssuedDate != "2023-03-15" {
		t.Errorf("Party decision: number %q, issued %q; want 125-QĐ/TU, 2023-03-15", md.Number, md.IssuedDate)
	}
}
