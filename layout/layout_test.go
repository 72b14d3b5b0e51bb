package layout

import (
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

// page lays out rows of (x0, text) segments, 60 px a row, on a 2480-px page.
func page(rows ...[]any) vanthu.Page {
	var ws []vanthu.Word
	line := 0
	for r, row := range rows {
		for i := 0; i < len(row); i += 2 {
			x := row[i].(int)
			for _, w := range strings.Fields(row[i+1].(string)) {
				ws = append(ws, vanthu.Word{Text: w, X0: x, X1: x + 30*len([]rune(w)), Y0: r * 60, Y1: r*60 + 40, Line: line, Confidence: 90})
				x += 30*len([]rune(w)) + 15
			}
			line++
		}
	}
	return vanthu.Page{Width: 2480, Words: ws}
}

func TestReadingOrder(t *testing.T) {
	p := page(
		[]any{250, "ỦY BAN NHÂN DÂN", 1300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		[]any{250, "TỈNH HÒA BÌNH", 1350, "Độc lập - Tự do - Hạnh phúc"},
		[]any{250, "Số: 45/UBND-VX", 1350, "Hòa Bình, ngày 05 tháng 3 năm 2024"},
		[]any{250, "Ủy ban nhân dân tỉnh đề nghị các cơ quan đẩy mạnh cải cách hành chính và thủy lợi nội đồng."},
		[]any{250, "Nơi nhận:", 1500, "KT. CHỦ TỊCH"},
		[]any{250, "- Như trên;", 1500, "PHÓ CHỦ TỊCH"},
		[]any{1500, "Nguyễn Văn An"},
	)
	segs := Segments(p)
	zones := map[string]Zone{}
	for _, s := range segs {
		zones[s.Text] = s.Zone
	}
	for text, want := range map[string]Zone{"Số: 45/UBND-VX": Left, "Độc lập - Tự do - Hạnh phúc": Right, "Nơi nhận:": Left, "KT. CHỦ TỊCH": Right} {
		if zones[text] != want {
			t.Errorf("%q is %v, want %v", text, zones[text], want)
		}
	}
	got := Text(ReadingOrder(segs))
	want := strings.Join([]string{
		"ỦY BAN NHÂN DÂN", "TỈNH HÒA BÌNH", "Số: 45/UBND-VX",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa Bình, ngày 05 tháng 3 năm 2024",
		"Ủy ban nhân dân tỉnh đề nghị các cơ quan đẩy mạnh cải cách hành chính và thủy lợi nội đồng.",
		"Nơi nhận:", "- Như trên;",
		"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
	}, "\n")
	if got != want {
		t.Errorf("reading order:\n%s\nwant:\n%s", got, want)
	}
}

// Without word boxes every line is one segment across the page, in order.
func TestTextOnlyPage(t *testing.T) {
	segs := Segments(vanthu.Page{Text: "Số: 12/TB-SNV\n\nHòa Bình, ngày 05 tháng 3 năm 2019"})
	if len(segs) != 2 || segs[0].Zone != Full || Text(ReadingOrder(segs)) != "Số: 12/TB-SNV\nHòa Bình, ngày 05 tháng 3 năm 2019" {
		t.Errorf("segments = %+v", segs)
	}
}
