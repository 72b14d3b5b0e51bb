package ocr

import (
	"bytes"
	"cmp"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gen2brain/go-fitz"
	xdraw "golang.org/x/image/draw"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// realPage is page 1 of a real document of ../shared/real as scanned (the
// PDF's own image), or a skip where the set is absent.
func realPage(t *testing.T, name string) image.Image {
	t.Helper()
	shared := os.Getenv("VANTHU_SHARED")
	if shared == "" {
		shared = "../../shared"
	}
	pdf := filepath.Join(shared, "real", "docs", name)
	if _, err := os.Stat(pdf); err != nil {
		t.Skipf("no real documents (%v)", err)
	}
	dir := t.TempDir()
	// -j keeps a scan's JPEG as it is in the file.
	if out, err := exec.Command("pdfimages", "-j", "-f", "1", "-l", "1", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p-000.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// A red HỎA TỐC stamp set askew (about 45°) over a real page is read; a
// page with red only in its seal and signature stamp has none.
func TestRedUrgencyStamp(t *testing.T) {
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if marks := w.redStamps(realPage(t, "real-11.pdf"), toneCurve(0)); len(marks) != 1 || marks[0].Text != "HỎA TỐC" || marks[0].X0 > 600 || marks[0].Y0 > 1300 {
		t.Errorf("real-11: %+v; want HỎA TỐC at the left of the header", marks)
	}
	for _, name := range []string{"real-07.pdf"} {
		if marks := w.redStamps(realPage(t, name), toneCurve(0)); len(marks) > 0 {
			t.Errorf("%s: %+v, want no stamp", name, marks)
		}
	}
	// The page as printed, with its signing tools' stamps: two seals more
	// in its top margin, whose rings of letters and small print outnumber
	// the stamp's, in more clusters than are read; scanned in colour,
	// saved as a JPEG.
	for _, dpi := range []int{300, 200, 150, 100} {
		var b bytes.Buffer
		if err := jpeg.Encode(&b, printedPage(t, "real-11.pdf", float64(dpi)), &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		pt, err := w.Recognize(t.Context(), b.Bytes(), dpi)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(pt.Text, "HỎA TỐC") {
			t.Errorf("real-11 as printed, %d dpi: no HỎA TỐC read in:\n%s", dpi, pt.Text)
		}
	}
}

// A red HỎA TỐC stamp on a coarse, soft scan (150 dpi colour, blurred
// as a phone's photograph or a cheap scanner's lens blurs, saved as a
// JPEG) is read: letters that run into its frame are no components of
// their own, and the line of those that are goes on through them.
func TestBlurredRedStamp(t *testing.T) {
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	page := realPage(t, "real-11.pdf") // 300 dpi
	r := page.Bounds()
	coarse := image.NewRGBA(image.Rect(0, 0, r.Dx()/2, r.Dy()/2))
	xdraw.ApproxBiLinear.Scale(coarse, coarse.Bounds(), page, r, xdraw.Src, nil)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, boxBlurred(coarse, 2), &jpeg.Options{Quality: 70}); err != nil {
		t.Fatal(err)
	}
	if text := recognizedText(t, w, b.Bytes(), 150); !strings.Contains(text, "HỎA TỐC") {
		t.Errorf("no HỎA TỐC read in:\n%s", text)
	}
}

// recognizedText is the text w reads on the page image data scanned at
// dpi.
func recognizedText(t *testing.T, w *Worker, data []byte, dpi int) string {
	t.Helper()
	pt, err := w.Recognize(t.Context(), data, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return pt.Text
}

// boxBlurred is img blurred by a box of radius rad, its edges repeated.
func boxBlurred(img *image.RGBA, rad int) *image.RGBA {
	r := img.Bounds()
	out := image.NewRGBA(r)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			var sum [3]int
			for dy := -rad; dy <= rad; dy++ {
				for dx := -rad; dx <= rad; dx++ {
					c := img.RGBAAt(min(max(x+dx, r.Min.X), r.Max.X-1), min(max(y+dy, r.Min.Y), r.Max.Y-1))
					sum[0], sum[1], sum[2] = sum[0]+int(c.R), sum[1]+int(c.G), sum[2]+int(c.B)
				}
			}
			n := (2*rad + 1) * (2*rad + 1)
			out.SetRGBA(x, y, color.RGBA{uint8(sum[0] / n), uint8(sum[1] / n), uint8(sum[2] / n), 255})
		}
	}
	return out
}

// A mark counts as read in print only where a line, or a stretch of one
// apart from the rest, reads as the mark, as extraction reads marks: a
// word of it among the debris a stamp askew is read as does not, and the
// stamp is then read by its ink.
func TestHasMark(t *testing.T) {
	line := func(block, line, x, y int, texts ...string) []vanthu.Word {
		var out []vanthu.Word
		for _, s := range texts {
			out = append(out, vanthu.Word{Text: s, Block: block, Line: line, X0: x, Y0: y, X1: x + 20*len(s), Y1: y + 30})
			x += 20*len(s) + 15
		}
		return out
	}
	for _, c := range []struct {
		words  []vanthu.Word
		secret bool
		want   bool
	}{
		{line(1, 1, 100, 300, "HỎA", "TỐC"), false, true},
		{line(1, 1, 100, 300, "nỗA", "TỐC”"), false, false}, // debris of a stamp askew
		{line(1, 1, 100, 300, "———Ỗ", "TỐC", "V/v"), false, false},
		{line(1, 1, 100, 300, "KHẨN", "-", "MẬT"), true, true},
		{line(1, 1, 100, 300, "KHẨN", "-", "MẬT"), false, true},
		{line(1, 1, 100, 300, "bí", "mật"), true, false},
		{line(1, 1, 100, 3000, "HỎA", "TỐC"), false, false}, // below the header
		// Beside the Quốc hiệu, on its line.
		{append(line(1, 1, 100, 300, "KHẨN"), line(1, 1, 900, 300, "CỘNG", "HÒA", "XÃ", "HỘI")...), false, true},
		{append(line(1, 1, 100, 300, "KHẨN"), line(1, 1, 200, 300, "CỘNG", "HÒA", "XÃ", "HỘI")...), false, false},
	} {
		var texts []string
		for _, w := range c.words {
			texts = append(texts, w.Text)
		}
		if got := hasMark(c.words, 3500, c.secret); got != c.want {
			t.Errorf("hasMark(%q, secret %v) = %v, want %v", texts, c.secret, got, c.want)
		}
	}
}

// printedPage is page 1 of a real document of ../shared/real as printed:
// drawn at dpi with the annotations marked for print (the signing
// tools' stamps), or a skip where the set is absent.
func printedPage(t *testing.T, name string, dpi float64) image.Image {
	t.Helper()
	realPage(t, name) // skips where the set is absent
	shared := cmp.Or(os.Getenv("VANTHU_SHARED"), "../../shared")
	printed := filepath.Join(t.TempDir(), "printed.pdf")
	if out, err := exec.Command("qpdf", "--warning-exit-0", "--flatten-annotations=print", filepath.Join(shared, "real", "docs", name), printed).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, out)
	}
	doc, err := fitz.New(printed)
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	img, err := doc.ImageDPI(0, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// The same stamp on the page scanned in grey or in 1 bit, where no red
// is left, is read from the ink the words Tesseract reads on the page do
// not account for; the pages of real-07 and real-09 (a seal, a
// signature, no urgency) have none.
func TestInkUrgencyStamp(t *testing.T) {
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	grey := func(img image.Image, bilevel bool) image.Image {
		b := img.Bounds()
		out := image.NewGray(b)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
				if bilevel {
					g.Y = map[bool]uint8{true: 0, false: 255}[g.Y < 128]
				}
				out.SetGray(x, y, g)
			}
		}
		return out
	}
	read := func(img image.Image) []vanthu.Word {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		boxes, err := w.recognize(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return toWords(boxes)
	}
	for _, bilevel := range []bool{false, true} {
		page := grey(realPage(t, "real-11.pdf"), bilevel)
		if marks := w.inkStamps(page, read(page), toneCurve(0)); len(marks) != 1 || marks[0].Text != "HỎA TỐC" || marks[0].X0 > 600 || marks[0].Y0 > 1300 {
			t.Errorf("real-11, 1 bit %v: %+v; want HỎA TỐC at the left of the header", bilevel, marks)
		}
		for _, name := range []string{"real-07.pdf", "real-09.pdf"} {
			page := grey(realPage(t, name), bilevel)
			if marks := w.inkStamps(page, read(page), toneCurve(0)); len(marks) > 0 {
				t.Errorf("%s, 1 bit %v: %+v, want no stamp", name, bilevel, marks)
			}
		}
	}
	// A dark photocopy of it scanned in 1 bit at 200 dpi: its strokes
	// spread by a pixel, the stamp's C runs into the point of its arrow
	// and is read with it as no letter (HOA TO).
	doc, err := fitz.New(filepath.Join(cmp.Or(os.Getenv("VANTHU_SHARED"), "../../shared"), "real", "docs", "real-11.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	page, err := doc.ImageDPI(0, 200)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, darkCopy(page)); err != nil {
		t.Fatal(err)
	}
	if text := recognizedText(t, w, b.Bytes(), 200); !strings.Contains(text, "HỎA TỐC") {
		t.Errorf("real-11, a dark copy: no HỎA TỐC read in:\n%s", text)
	}
}

// darkCopy is img as a copier set dark prints it, then scanned in 1 bit:
// each pixel as dark as the darkest beside it (the toner spreads by a
// pixel), a grey haze over the sheet (black below 148 of 255).
func darkCopy(img image.Image) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y
			for _, d := range []image.Point{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
				if p := image.Pt(x, y).Add(d); p.In(b) {
					g = min(g, color.GrayModel.Convert(img.At(p.X, p.Y)).(color.Gray).Y)
				}
			}
			out.Pix[out.PixOffset(x, y)] = map[bool]uint8{true: 0, false: 255}[g < 148]
		}
	}
	return out
}

// A mark's own word tells it alone where no other mark has that word.
func TestOwnWord(t *testing.T) {
	for _, u := range dict.Urgencies {
		want := map[string]string{"HOA TOC": "TOC", "HOA TOC HEN GIO": "HEN GIO"}[u.Folded]
		if got := ownWord(u); got != want {
			t.Errorf("ownWord(%s) = %q, want %q", u.Folded, got, want)
		}
	}
}

// Red MẬT and KHẨN stamped one under the other on an A4 page scanned in
// colour, their capitals run together: at 200 dpi the pink edges of
// KHẨN's serifs join them into one component; set in Times New Roman's
// bold at 300 dpi, its H, Ẩ and N touch, one component three letters
// wide (the K alone and it were too few for a stamp). Either is letters.
func TestRedStampsRunTogether(t *testing.T) {
	_, w := drawAndRead(t)
	for _, c := range []struct {
		name string
		face func() (*pagerender.Renderer, error)
		dpi  int
	}{
		{"DejaVu, 200 dpi", pagerender.New, 200},
		{"Times, 300 dpi", pagerender.NewTimes, 300},
	} {
		r, err := c.face()
		if err != nil {
			t.Skip(err)
		}
		g := r.Render([]string{
			"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"LB|SỞ Y TẾ|Độc lập - Tự do - Hạnh phúc",
			"L|Số: 87/KH-SYT|Bình An, ngày 14 tháng 02 năm 2019",
		})
		sheet := image.NewRGBA(image.Rect(0, 0, g.Bounds().Dx(), 3508))
		xdraw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, xdraw.Src)
		xdraw.Draw(sheet, g.Bounds(), g, image.Point{}, xdraw.Src)
		red := color.RGBA{215, 35, 45, 255}
		r.Mark(sheet, image.Point{560, 470}, "MẬT", red)
		r.Mark(sheet, image.Point{540, 630}, "KHẨN", red)
		scan := image.NewRGBA(image.Rect(0, 0, sheet.Bounds().Dx()*c.dpi/pagerender.DPI, sheet.Bounds().Dy()*c.dpi/pagerender.DPI))
		xdraw.BiLinear.Scale(scan, scan.Bounds(), sheet, sheet.Bounds(), xdraw.Src, nil)
		var b bytes.Buffer
		if err := jpeg.Encode(&b, scan, &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		var read []string
		for _, m := range w.redStamps(img, toneCurve(0)) {
			read = append(read, m.Text)
		}
		if slices.Sort(read); !slices.Equal(read, []string{"KHẨN", "MẬT"}) {
			t.Errorf("%s: read %q, want KHẨN and MẬT", c.name, read)
		}
	}
}
