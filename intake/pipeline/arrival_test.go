package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue/inproc"
)

// A document arrives after it is issued: an issue date read later than
// the day the office received it goes to the clerk; one on that day does
// not.
func TestExtractChecksTheDateAgainstArrival(t *testing.T) {
	_, bs, reg := stores(t)
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg}
	lines := []struct {
		text           string
		x0, y0, x1, y1 int
	}{
		{"ỦY BAN NHÂN DÂN", 270, 129, 605, 177},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 708, 130, 1451, 170},
		{"TỈNH BÌNH AN", 269, 174, 603, 211},
		{"Độc lập - Tự do - Hạnh phúc", 862, 175, 1299, 209},
		{"Số: 507/UBND-KGVX", 300, 240, 580, 275},
		{"Bình An, ngày 24 tháng 01 năm 2025", 800, 240, 1400, 278},
		{"V/v tổ chức các hoạt động mừng Xuân", 250, 290, 640, 325},
	}
	var words []vanthu.Word
	for i, l := range lines {
		words = append(words, vanthu.Word{Text: l.text, X0: l.x0, Y0: l.y0, X1: l.x1, Y1: l.y1, Confidence: 95, Line: i})
	}
	for _, c := range []struct {
		file     string
		received time.Time
		flagged  bool
	}{
		{"den-sau.pdf", time.Date(2025, 1, 24, 2, 0, 0, 0, time.UTC), false},  // 09:00 on the 24th in Vietnam
		{"den-truoc.pdf", time.Date(2025, 1, 23, 9, 0, 0, 0, time.UTC), true}, // the 23rd: 24 is misread
	} {
		d := vanthu.Document{ID: vanthu.RefOf([]byte(c.file)), FileName: c.file, Status: vanthu.Recognised, ReceivedAt: c.received,
			Pages: []vanthu.Page{{Number: 1, Words: words, Width: 1654, Height: 2339, Done: true}}}
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
		if err := p.extract(context.Background(), d.ID); err != nil {
			t.Fatal(err)
		}
		got, err := reg.Get(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Metadata.IssuedDate != "2025-01-24" || slices.Contains(got.Review, "issued_date") != c.flagged {
			t.Errorf("%s received %v: issued %q, review %v; want 2025-01-24, flagged %v", c.file, c.received, got.Metadata.IssuedDate, got.Review, c.flagged)
		}
	}
}
