package extract

import (
	"slices"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/layout"
)

func TestCheckAgainstCited(t *testing.T) {
	cited := []string{"2023-07-25", "2024-12-30", "2025-01-08", "2025-01-15"}
	for _, c := range []struct {
		issued, cited string // cited: which of the lists
		want          string
		before        bool
	}{
		{"2025-01-23", "all", "2025-01-23", false},
		{"2025-01-15", "all", "2025-01-15", false}, // the same day as one it cites
		{"2025-01", "all", "2025-01", false},       // its day not read
		{"2025", "all", "2025", false},
		// Before what it cites: misread. The year a figure from the latest
		// cited one's, with two cited of that year, takes it.
		{"2023-01-23", "all", "2025-01-23", true},
		{"2023-01", "all", "2025-01", true},
		// Flagged, kept: the year fixed is still before the latest
		// cited; two figures away; one cited date of that year alone.
		{"2023-01-10", "all", "2023-01-10", true},
		{"2013-01-23", "all", "2013-01-23", true},
		{"2024-03-01", "one", "2024-03-01", true},
		{"2023-01-23", "none", "2023-01-23", false},
	} {
		list := map[string][]string{"all": cited, "one": {"2024-01-02", "2025-02-01"}, "none": nil}[c.cited]
		got, before := checkAgainstCited(c.issued, list)
		if got != c.want || before != c.before {
			t.Errorf("checkAgainstCited(%q, %v) = %q, %v; want %q, %v", c.issued, list, got, before, c.want, c.before)
		}
	}
}

// The documents a body cites by number and date, in either form of the
// date, and across a line's end; not a deadline, nor a date with no
// number before it, nor one no calendar has.
func TestCitedDates(t *testing.T) {
	var words []vanthu.Word
	for i, l := range []string{
		"Thực hiện Công văn số 5633/VPCP-KSTT ngày 25/7/2023 của Văn phòng",
		"Chính phủ; Quyết định số 72/2024/QĐ-UBND ngày 30 tháng 12 năm 2024;",
		"Công điện số 131/CĐ-",
		"TTg ngày 11/12/2024 và Quyết định số 08/QĐ-TTg ngày",
		"15/01/2025; báo cáo trước ngày 20/02/2025; Công văn số 12/UBND ngày 45/01/2025.",
	} {
		words = append(words, vanthu.Word{Text: l, X0: 250, Y0: 400 + 60*i, X1: 2200, Y1: 440 + 60*i, Confidence: 95, Line: i})
	}
	got := citedDates([][]layout.Segment{layout.Segments(vanthu.Page{Number: 1, Width: 2480, Height: 3508, Words: words})})
	want := []string{"2023-07-25", "2024-12-30", "2024-12-11", "2025-01-15"}
	if !slices.Equal(got, want) {
		t.Errorf("citedDates = %q, want %q", got, want)
	}
}

// A date line whose year a coarse scan misread (2023 for 2025) is put
// right by the documents its body cites, and goes to review.
func TestIssuedBeforeWhatItCites(t *testing.T) {
	words := scanWords(
		row{"Số: 23/BC-UBND", 300, 318, 600, 356},
		row{"Bình An, ngày 23 tháng 01 năm 2023", 901, 318, 1483, 356},
		row{"BÁO CÁO", 700, 420, 950, 456},
		row{"Kết quả cải cách thủ tục hành chính tháng 01/2025", 420, 470, 1230, 506},
		row{"Thực hiện Quyết định số 72/2024/QĐ-UBND ngày 30/12/2024 và Công văn", 250, 620, 1480, 656},
		row{"số 85/VP-TTHC ngày 08/01/2025, Quyết định số 08/QĐ-TTg ngày 15/01/2025,", 250, 680, 1480, 716},
	)
	r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
	if r.Metadata.IssuedDate != "2025-01-23" || !slices.Contains(r.Review, "issued_date") {
		t.Errorf("issued %q, review %v; want 2025-01-23, flagged", r.Metadata.IssuedDate, r.Review)
	}
}

func TestNumberYear(t *testing.T) {
	for n, want := range map[string]string{
		"72/2024/QĐ-UBND": "2024", "12/2011/TT-BNV": "2011", "…/2025/NĐ-CP": "2025",
		"45/QĐ-UBND": "", "125-QĐ/TU": "", "2024": "", "": "", "3/205/QĐ": "",
	} {
		if got := numberYear(n); got != want {
			t.Errorf("numberYear(%q) = %q, want %q", n, got, want)
		}
	}
}

// A number with its year and a date line of another year: one of the two
// is misread, and both go to review; of the same year, neither.
func TestIssuedInTheNumbersYear(t *testing.T) {
	for _, c := range []struct {
		number, date string
		flagged      bool
	}{
		{"Số: 72/2024/QĐ-UBND", "Bình An, ngày 30 tháng 12 năm 2024", false},
		{"Số: 72/2024/QĐ-UBND", "Bình An, ngày 30 tháng 12 năm 2021", true},
		{"Số: 72/2021/QĐ-UBND", "Bình An, ngày 30 tháng 12 năm 2024", true},
	} {
		words := scanWords(
			row{c.number, 300, 318, 640, 356},
			row{c.date, 901, 318, 1483, 356},
			row{"QUYẾT ĐỊNH", 700, 420, 950, 456},
			row{"Ban hành Quy chế công tác văn thư", 520, 470, 1130, 506},
		)
		r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: words}}, nil)
		if got := slices.Contains(r.Review, "issued_date") && slices.Contains(r.Review, "number"); got != c.flagged {
			t.Errorf("%s, %s: number %q, date %q, review %v; want both flagged %v", c.number, c.date, r.Metadata.Number, r.Metadata.IssuedDate, r.Review, c.flagged)
		}
	}
}
