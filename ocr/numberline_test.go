package ocr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"regexp"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// The rows a number may be on: the label on the date line's row first,
// never the SỞ of a department's name, then the left column's rows near
// the date line, nearest first (a Party committee's number stands a line
// under it).
func TestNumberRows(t *testing.T) {
	w := func(text string, x0, y0, x1, y1 int) vanthu.Word {
		return vanthu.Word{Text: text, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: 90, Line: y0*10 + x0/1240}
	}
	words := []vanthu.Word{
		w("SỞ", 300, 100, 360, 140), w("NỘI", 370, 100, 440, 140), w("VỤ", 450, 100, 500, 140),
		w("Số:", 400, 300, 460, 340), w("/SNV-TCCB", 600, 300, 850, 340),
		w("Bình", 1300, 300, 1380, 345), w("An,", 1390, 300, 1450, 345), w("ngày", 1470, 300, 1560, 345),
		w("04", 1580, 300, 1630, 345), w("tháng", 1650, 300, 1760, 345), w("3", 1780, 300, 1800, 345),
		w("năm", 1820, 300, 1900, 345), w("2024", 1920, 300, 2010, 345),
	}
	bands := numberRows(words, 2480, 3508)
	if len(bands) == 0 || bands[0].row != image.Rect(0, 280, 1240, 360) || bands[0].print != 40 {
		t.Fatalf("numberRows = %v; want the label's row (0,280)-(1240,360) first", bands)
	}
	for _, b := range bands {
		if b.row.Min.Y < 150 {
			t.Errorf("the department's name is taken for a number's row: %v", b)
		}
	}
	// A Party committee's: the number a line under the date line, its
	// label unread under the handwriting.
	party := []vanthu.Word{
		w("*", 600, 220, 620, 240),
		w("Bình", 1300, 200, 1380, 245), w("Sơn,", 1390, 200, 1450, 245), w("ngày", 1470, 200, 1560, 245),
		w("15", 1580, 200, 1630, 245), w("tháng", 1650, 200, 1760, 245), w("3", 1780, 200, 1800, 245),
		w("năm", 1820, 200, 1900, 245), w("2021", 1920, 200, 2010, 245),
		w("S6", 480, 280, 540, 320), w("1⁄2-QĐ/HU", 560, 280, 760, 320),
	}
	bands = numberRows(party, 2480, 3508)
	found := false
	for _, b := range bands {
		found = found || b.row.Min.Y <= 280 && b.row.Max.Y >= 320
	}
	if !found {
		t.Errorf("numberRows = %v; want a band over the number's row (280–320), a line under the date line", bands)
	}
}

// withoutColour keeps black print and makes blue and red ink and paper
// white; colouredInk counts such ink.
func TestWithoutColour(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 1))
	for x, c := range []color.RGBA{{20, 20, 20, 255}, {30, 50, 170, 255}, {215, 35, 45, 255}, {245, 242, 236, 255}} {
		img.Set(x, 0, c)
	}
	g := withoutColour(img, img.Bounds())
	if want := []uint8{26, 0xff, 0xff, 0xff}; !bytes.Equal(g.Pix, want) {
		t.Errorf("withoutColour = %v, want %v", g.Pix, want)
	}
	if !colouredInk(img, img.Bounds(), 2) || colouredInk(img, img.Bounds(), 3) {
		t.Error("colouredInk does not count the blue and the red pixel, and only them")
	}
}

// A number written by hand in blue, tall against the print of its row:
// read as one line with it, the print was bent ("12/qQb-VKS" for
// 12/QĐ-VKS among the eval's kinds). The row read again without the ink
// of a colour reads the code as printed, and the digit model the figures.
func TestNumberWrittenInBlueReadWithoutIt(t *testing.T) {
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to draw the page with: %v", err)
	}
	lines := []string{
		"L|VIỆN KIỂM SÁT NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: " + strings.Repeat(" ", (2*49+30)/r.Width(pagerender.Regular, " ")+1) + "/QĐ-VKS|Bình An, ngày 25 tháng 12 năm 2019",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc kiện toàn Hội đồng thi đua, khen thưởng",
		"CB|VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỈNH BÌNH AN",
		"Căn cứ Luật Tổ chức Viện kiểm sát nhân dân năm 2014;",
	}
	page := onA4(r.Render(lines))
	y := pagerender.Top + 2*pagerender.LineHeight
	for _, run := range r.Layout(lines) {
		if run.Y == y && run.X < pagerender.LeftAxis {
			handwriting.Draw(page, "12", run.X+r.Width(run.Style, "Số: ")+15, y-66+4, 66, color.RGBA{30, 50, 170, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, page, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	pt, err := w.RecognizePage(context.Background(), b.Bytes(), vanthu.PageImage{DPI: pagerender.DPI})
	if err != nil {
		t.Fatal(err)
	}
	// Read with the ink: "số: |2 /qQb-VKS". (Extraction takes a doubled
	// stroke out of a code, QĐĐ, where the agency's name has none.)
	if !regexp.MustCompile(`(?m)^Số: 12 /QĐ+-VKS$`).MatchString(pt.Text) {
		t.Errorf("the number line was not read as printed with its figures:\n%s", pt.Text)
	}
}
