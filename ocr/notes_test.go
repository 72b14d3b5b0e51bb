package ocr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// noted draws lines on an A4 page, the header's first line in ink head,
// with a leader's note in blue ballpoint in the top margin and across the
// blank under the number, and scans it at 300 dpi in colour.
func noted(t *testing.T, lines []string, head color.Color) []byte {
	t.Helper()
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to draw the page with: %v", err)
	}
	g := r.Render(lines)
	page := onA4(g)
	if head != nil {
		// The first line's print in a colour: a letterhead.
		row := image.Rect(0, pagerender.Top-50, pagerender.LeftAxis+300, pagerender.Top+15)
		draw.DrawMask(page, row, image.NewUniform(head), image.Point{}, invert{g}, row.Min, draw.Over)
	}
	ink := color.RGBA{30, 50, 170, 255}
	rng := rand.New(rand.NewPCG(3, 7))
	handwriting.Cursive(page, rng, 300, pagerender.Top-70, 30, page.Bounds().Dx()-900, ink)
	handwriting.Cursive(page, rng, 200, pagerender.Top+4*pagerender.LineHeight+5, 30, 1300, ink)
	return scanned(t, page)
}

// onA4 is a drawing (pagerender.Render) at the top of an A4 page.
func onA4(g *image.Gray) *image.RGBA {
	page := image.NewRGBA(image.Rect(0, 0, g.Bounds().Dx(), pagerender.PageHeight))
	draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(page, g.Bounds(), g, image.Point{}, draw.Src)
	return page
}

// scanned is page as a colour scanner saves it: a JPEG of quality 85.
func scanned(t *testing.T, page image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, page, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// invert is a grey image's ink as a mask: dark print opaque, paper clear.
type invert struct{ g *image.Gray }

func (i invert) ColorModel() color.Model { return color.AlphaModel }
func (i invert) Bounds() image.Rectangle { return i.g.Bounds() }
func (i invert) At(x, y int) color.Color { return color.Alpha{0xff - i.g.GrayAt(x, y).Y} }

var notedLines = []string{
	"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"LB|HUYỆN BÌNH SƠN|Độc lập - Tự do - Hạnh phúc",
	"",
	"L|Số: 245/UBND-VP|Bình Sơn, ngày 12 tháng 3 năm 2023",
	"",
	"L|V/v triển khai kế hoạch phòng chống|",
	"L|thiên tai năm 2023|",
	"",
	"CB|Kính gửi: Ủy ban nhân dân các xã, thị trấn.",
	"Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác phòng chống thiên tai;",
}

func readNoted(t *testing.T, img []byte) string {
	t.Helper()
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	pt, err := w.RecognizePage(context.Background(), img, vanthu.PageImage{DPI: pagerender.DPI})
	if err != nil {
		t.Fatal(err)
	}
	return pt.Text
}

// A leader's note (bút phê) written in blue across a received công văn,
// in the top margin over the agency's name and in the blank under the
// number: read with the page, its strokes are words and run into the
// print they touch. The header read again without the ink of a colour
// reads as printed.
func TestLeadersNoteReadWithoutIt(t *testing.T) {
	text := readNoted(t, noted(t, notedLines, nil))
	if got, want := sortedLines(text), printedLines(notedLines); got != want {
		t.Errorf("the page is not read as printed: want its lines\n%s\nread\n%s", want, got)
	}
}

// A receiving office's stamp ĐẾN set in violet over the top left of a
// received công văn, its box over the agency's name and reaching the
// number's row: its lines are print in a colour, read surely, but no
// letterhead's; the header read without them reads as printed.
func TestReceivedStampOverTheHeaderReadWithoutIt(t *testing.T) {
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to draw the page with: %v", err)
	}
	page := onA4(r.Render(notedLines))
	r.StampInColour(page, image.Pt(120, pagerender.Top-150), []string{"SỞ TÀI CHÍNH", "ĐẾN  Số: 3382", "Ngày: 17/6/19", "Chuyển: QLNS"}, color.RGBA{105, 55, 160, 255})
	text := readNoted(t, scanned(t, page))
	if got, want := sortedLines(text), printedLines(notedLines); got != want {
		t.Errorf("the page is not read as printed: want its lines\n%s\nread\n%s", want, got)
	}
}

// printedLines are the lines of a drawing (pagerender.Render), each
// column's line apart, sorted.
func printedLines(lines []string) string {
	var out []string
	for _, l := range lines {
		if _, text, ok := strings.Cut(l, "|"); ok {
			l = text
		}
		for _, part := range strings.Split(l, "|") {
			if part != "" {
				out = append(out, part)
			}
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// sortedLines are text's lines, sorted.
func sortedLines(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// A letterhead printed in blue goes with the note when the header is
// read without the ink of a colour: its words, read surely the first
// time, stay.
func TestLeadersNoteOverALetterheadInColour(t *testing.T) {
	text := readNoted(t, noted(t, notedLines, color.RGBA{20, 60, 160, 255}))
	// The note took ỦY with it in the first reading.
	if !regexp.MustCompile(`(?m)^(ỦY )?BAN NHÂN DÂN\b`).MatchString(text) || !strings.Contains(text, "\nHUYỆN BÌNH SƠN\n") {
		t.Errorf("the letterhead in blue is lost:\n%s", text)
	}
}

// A leader's note written over a công văn's closing, across "Nơi nhận"
// and the signer's role, and one over its header: the rest of the page,
// read again without the ink of a colour as the header is, reads as
// printed.
func TestLeadersNoteOverTheClosing(t *testing.T) {
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to draw the page with: %v", err)
	}
	lines := []string{
		"L|SỞ GIAO THÔNG VẬN TẢI|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB||Độc lập - Tự do - Hạnh phúc",
		"L|Số: 1825/SGTVT-QLCL|Bình Định, ngày 21 tháng 7 năm 2021",
		"L|V/v tăng cường kiểm tra chất lượng|",
		"",
		"Kính gửi: Ban Quản lý dự án giao thông tỉnh.",
		"Sở Giao thông vận tải đề nghị Ban Quản lý dự án tăng cường kiểm tra.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, QLCL.|",
		"LB||Trần Quốc Bảo",
	}
	page := onA4(r.Render(lines))
	ink := color.RGBA{30, 50, 170, 255}
	rng := rand.New(rand.NewPCG(7, 9))
	handwriting.Cursive(page, rng, 250, pagerender.Top+8*pagerender.LineHeight-50, 30, page.Bounds().Dx()-600, ink)
	handwriting.Cursive(page, rng, 300, pagerender.Top+10*pagerender.LineHeight+10, 30, 900, ink)
	// And one over the header: both are read again, their lines apart.
	handwriting.Cursive(page, rand.New(rand.NewPCG(3, 7)), 300, pagerender.Top-70, 30, page.Bounds().Dx()-900, ink)
	// Where the strokes crossed the print, a speck may stay beside it
	// (GIÁM ĐỐC:): the lines are compared without their last signs.
	bare := func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			out = append(out, strings.TrimRight(l, " .:;,"))
		}
		return strings.Join(out, "\n")
	}
	text := readNoted(t, scanned(t, page))
	if got, want := bare(sortedLines(text)), bare(printedLines(lines)); got != want {
		t.Errorf("the page is not read as printed: want its lines\n%s\nread\n%s", want, got)
	}
}

// BenchmarkColouredInkOutside is the look for a note's ink over an A4
// page scanned at 300 dpi in colour with no such ink, as decoded from its
// JPEG: the header's look and the rest's together, what a colour page
// without a note pays.
func BenchmarkColouredInkOutside(b *testing.B) {
	page := image.NewRGBA(image.Rect(0, 0, 2480, 3508))
	draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, page, nil); err != nil {
		b.Fatal(err)
	}
	img, err := jpeg.Decode(&buf)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if colouredInkOutside(img, img.Bounds(), nil, 1, true) {
			b.Fatal("ink of a colour on white paper")
		}
	}
}
