package pdfa_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu/internal/pdfacheck"
	"github.com/vanthu/vanthu/pdfa"
)

func needTools(t *testing.T) {
	t.Helper()
	for _, tool := range pdfacheck.Tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/setup.sh --test", tool)
		}
	}
}

// scan draws a page of "words": dark bars on paper, with noise, and returns
// it with the words' boxes.
func scan(w, h int, words []string, rgb bool) (image.Image, []pdfa.Word) {
	gray := image.NewGray(image.Rect(0, 0, w, h))
	var out []pdfa.Word
	x, y := w/10, h/10
	lineH := h / 40
	for i, s := range words {
		ww := lineH / 2 * len([]rune(s))
		if x+ww > w*9/10 {
			x, y = w/10, y+lineH*2
		}
		out = append(out, pdfa.Word{Text: s, X0: float64(x), Y0: float64(y), X1: float64(x + ww), Y1: float64(y + lineH)})
		x += ww + lineH/2
		_ = i
	}
	for py := 0; py < h; py++ {
		for px := 0; px < w; px++ {
			v := uint8(235 + (px*7+py*13)%20)
			for _, b := range out {
				if float64(px) >= b.X0 && float64(px) < b.X1 && float64(py) >= b.Y0 && float64(py) < b.Y1 && (px+py)%3 != 0 {
					v = 30
				}
			}
			gray.SetGray(px, py, color.Gray{v})
		}
	}
	if !rgb {
		return gray, out
	}
	c := image.NewRGBA(gray.Bounds())
	for i, v := range gray.Pix {
		c.Pix[4*i], c.Pix[4*i+1], c.Pix[4*i+2], c.Pix[4*i+3] = v, v/2+100, v, 255
	}
	return c, out
}

var vietnamese = strings.Fields("ỦY BAN NHÂN DÂN TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 45/QĐ-UBND Quyết định về việc phê duyệt kế hoạch cải cách hành chính năm 2025 của Sở Nội vụ")

func encode(t *testing.T, img image.Image, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	} else {
		err = png.Encode(&b, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func write(t *testing.T, info pdfa.Info, pages []pdfacheck.Page) (string, []pdfa.PageStats) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "copy.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := pdfa.NewWriter(f, info)
	if err != nil {
		t.Fatal(err)
	}
	var stats []pdfa.PageStats
	for _, p := range pages {
		st, err := w.AddPage(pdfa.Page{Image: p.Image, DPI: p.DPI, Words: p.Words})
		if err != nil {
			t.Fatal(err)
		}
		stats = append(stats, st)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path, stats
}

func ndInfo() pdfa.Info {
	return pdfa.Info{
		Title: "Về việc phê duyệt kế hoạch cải cách hành chính năm 2025", Lang: "vi",
		Created: time.Date(2026, 3, 4, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600)),
		ID:      [16]byte{1, 2, 3},
		Schema: &pdfa.Schema{Name: "test", Namespace: "urn:vanthu:test/", Prefix: "t",
			Properties: []pdfa.Property{{Name: "number", Description: "Số và ký hiệu", Value: "45/QĐ-UBND"}, {Name: "empty", Description: "absent"}}},
	}
}

// TestTwoLayerCopy writes scans of each kind a scanner gives, and checks
// the file as a records officer's tools would read it.
func TestTwoLayerCopy(t *testing.T) {
	needTools(t)
	grey, words := scan(850, 1100, vietnamese, false)
	colour, cwords := scan(620, 877, vietnamese[:12], true)
	pal := image.NewPaletted(grey.Bounds(), color.Palette{color.Black, color.White})
	for i, v := range grey.(*image.Gray).Pix {
		if v > 128 {
			pal.Pix[i] = 1
		}
	}
	rgba := image.NewNRGBA(colour.Bounds())
	for i := range rgba.Pix {
		rgba.Pix[i] = colour.(*image.RGBA).Pix[i]
		if i%4 == 3 && i%7 == 0 {
			rgba.Pix[i] = 128 // some pixels half transparent
		}
	}
	cases := []struct {
		name   string
		page   pdfacheck.Page
		passed bool
	}{
		{"grey PNG", pdfacheck.Page{Image: encode(t, grey, "png"), DPI: 100, Words: words}, true},
		{"grey JPEG", pdfacheck.Page{Image: encode(t, grey, "jpeg"), DPI: 100, Words: words}, true},
		{"colour JPEG", pdfacheck.Page{Image: encode(t, colour, "jpeg"), DPI: 75, Words: cwords}, true},
		{"1-bit PNG", pdfacheck.Page{Image: encode(t, pal, "png"), DPI: 100, Words: words}, true},
		{"PNG with alpha", pdfacheck.Page{Image: encode(t, rgba, "png"), DPI: 75, Words: cwords}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, stats := write(t, ndInfo(), []pdfacheck.Page{c.page})
			if stats[0].ImagePassed != c.passed {
				t.Errorf("image kept as received: %v, want %v", stats[0].ImagePassed, c.passed)
			}
			for _, msg := range pdfacheck.Check(path, []pdfacheck.Page{c.page}, pdfacheck.Options{Title: ndInfo().Title, Render: 1}) {
				t.Error(msg)
			}
		})
	}
	// Several pages, words in NFD: the copied text is NFC.
	nfd := make([]pdfa.Word, len(words))
	for i, w := range words {
		w.Text = norm.NFD.String(w.Text)
		nfd[i] = w
	}
	pages := []pdfacheck.Page{
		{Image: encode(t, grey, "png"), DPI: 100, Words: nfd},
		{Image: encode(t, colour, "jpeg"), DPI: 75, Words: cwords},
		{Image: encode(t, grey, "png"), DPI: 100},
	}
	path, _ := write(t, ndInfo(), pages)
	for _, msg := range pdfacheck.Check(path, pages, pdfacheck.Options{Title: ndInfo().Title}) {
		t.Error(msg)
	}
	meta, _ := exec.Command("pdfinfo", "-meta", path).Output()
	for _, want := range []string{"<t:number>45/QĐ-UBND</t:number>", "<pdfaProperty:name>number</pdfaProperty:name>", "uuid:01020300-0000-0000-0000-000000000000", "2026-03-04T09:30:00+07:00"} {
		if !bytes.Contains(meta, []byte(want)) {
			t.Errorf("XMP metadata lacks %s", want)
		}
	}
	if bytes.Contains(meta, []byte("<t:empty>")) {
		t.Error("an empty property is written")
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	if !regexp.MustCompile(`(?m)^Title:\s+` + ndInfo().Title + `$`).Match(info) {
		t.Errorf("pdfinfo shows no title:\n%s", info)
	}
}

// TestDeterministic: the same pages, ID and date make the same bytes.
func TestDeterministic(t *testing.T) {
	grey, words := scan(200, 300, vietnamese[:5], false)
	page := pdfa.Page{Image: encode(t, grey, "png"), DPI: 72, Words: words}
	make := func() []byte {
		var b bytes.Buffer
		w, err := pdfa.NewWriter(&b, ndInfo())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AddPage(page); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := make(), make(); !bytes.Equal(a, b) {
		t.Error("two writes of the same document differ")
	}
}

// TestRefusals: what cannot make a page is an error, not a broken file.
func TestRefusals(t *testing.T) {
	var b bytes.Buffer
	w, err := pdfa.NewWriter(&b, pdfa.Info{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddPage(pdfa.Page{Image: []byte("GIF89a"), DPI: 300}); err == nil {
		t.Error("a GIF page was taken")
	}
	if _, err := w.AddPage(pdfa.Page{Image: []byte{0xFF, 0xD8, 0xFF, 0xC0, 0, 3}, DPI: 300}); err == nil {
		t.Error("a truncated JPEG was taken")
	}
	grey, _ := scan(50, 50, nil, false)
	if _, err := w.AddPage(pdfa.Page{Image: encode(t, grey, "png")}); err == nil {
		t.Error("a page without resolution was taken")
	}
	if err := w.Close(); err == nil {
		t.Error("a file without pages was closed")
	}
	if _, err := pdfa.NewWriter(&b, pdfa.Info{Schema: &pdfa.Schema{Prefix: "a b", Namespace: "urn:x/"}}); err == nil {
		t.Error("a prefix that is no XML name was taken")
	}
}

// TestTouchingWords: words whose boxes touch or overlap, as OCR gives a
// handwritten digit beside the printed word, are still read as words, each
// on its box.
func TestTouchingWords(t *testing.T) {
	needTools(t)
	grey, _ := scan(850, 1100, nil, false)
	words := []pdfa.Word{
		{Text: "ngày", X0: 100, Y0: 100, X1: 160, Y1: 120}, {Text: "28", X0: 160, Y0: 96, X1: 190, Y1: 124}, // touching
		{Text: "tháng", X0: 189, Y0: 100, X1: 260, Y1: 120}, {Text: "12", X0: 265, Y0: 100, X1: 290, Y1: 120}, // a pixel over
		{Text: "tham", X0: 100, Y0: 200, X1: 170, Y1: 220}, {Text: "gia", X0: 176, Y0: 200, X1: 220, Y1: 220},
		{Text: "ý", X0: 214, Y0: 196, X1: 226, Y1: 224}, {Text: "kiến", X0: 232, Y0: 200, X1: 290, Y1: 220}, // far over
	}
	page := pdfacheck.Page{Image: encode(t, grey, "png"), DPI: 100, Words: words}
	path, _ := write(t, ndInfo(), []pdfacheck.Page{page})
	for _, msg := range pdfacheck.Check(path, []pdfacheck.Page{page}, pdfacheck.Options{}) {
		t.Error(msg)
	}
}
