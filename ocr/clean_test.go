package ocr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/tiff"
)

func loadGray(t *testing.T, name string) *image.Gray {
	t.Helper()
	f, err := os.Open(filepath.Join(scans, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, image.Point{}, draw.Src)
	return g
}

// degrade rotates a page by deg degrees and adds noise and speckle, as an
// office scanner does.
func degrade(src *image.Gray, deg float64, seed uint64) *image.Gray {
	b := src.Bounds()
	out := image.NewGray(b)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	rng := rand.New(rand.NewPCG(seed, seed))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			sx := cos*(float64(x)-cx) + sin*(float64(y)-cy) + cx
			sy := -sin*(float64(x)-cx) + cos*(float64(y)-cy) + cy
			v := 255.0
			if ix, iy := int(sx), int(sy); ix >= 0 && iy >= 0 && ix < b.Dx() && iy < b.Dy() {
				v = float64(src.GrayAt(ix, iy).Y)
			}
			v += rng.NormFloat64() * 60
			if rng.Float64() < 0.03 {
				v = 0 // speckle
			}
			out.SetGray(x, y, color.Gray{uint8(max(0, min(255, v)))})
		}
	}
	return out
}

func recognise(t *testing.T, cfg Config, img image.Image) string {
	t.Helper()
	w, err := NewWorker(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	b, err := EncodePNG(img, 300)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := w.Recognize(context.Background(), b, 0)
	if err != nil {
		t.Logf("recognise: %v", err)
	}
	return pt.Text
}

func wordsFound(text string, want []string) int {
	n := 0
	for _, w := range want {
		if strings.Contains(text, w) {
			n++
		}
	}
	return n
}

var bodyPhrases = []string{"Ủy ban nhân dân tỉnh", "đề nghị các cơ quan", "đẩy mạnh cải cách", "hoà giải tranh chấp", "thủy lợi nội đồng", "Kính gửi: Sở Nội vụ", "45/UBND-VX", "ngày 05 tháng 3 năm 2024"}

func TestCleanReadsSkewedNoisyScan(t *testing.T) {
	page := degrade(loadGray(t, "congvan.png"), 2.2, 7)
	raw := recognise(t, Config{Language: "vie"}, page)
	cleaned := recognise(t, Config{Language: "vie", Clean: []string{StepMedian, StepDeskew}}, page)
	r, c := wordsFound(raw, bodyPhrases), wordsFound(cleaned, bodyPhrases)
	t.Logf("phrases read: raw %d/%d, cleaned %d/%d", r, len(bodyPhrases), c, len(bodyPhrases))
	if c < len(bodyPhrases) || c <= r {
		t.Errorf("with clean-up %d of %d phrases read (without: %d):\n%s", c, len(bodyPhrases), r, cleaned)
	}
}

func TestRedDropoutRemovesSeal(t *testing.T) {
	g := loadGray(t, "congvan.png")
	rgb := image.NewRGBA(g.Bounds())
	draw.Draw(rgb, rgb.Bounds(), g, image.Point{}, draw.Src)
	// A red seal stamped over the body text: the paper under it turns red,
	// the black text stays dark. In grey the seal is as dark as mid-grey ink.
	cx, cy, r := 1100, 760, 260
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
				if c := rgb.RGBAAt(x, y); c.R > 128 {
					rgb.SetRGBA(x, y, color.RGBA{R: 215, G: 45, B: 40, A: 255})
				}
			}
		}
	}
	want := []string{"đề nghị các cơ quan đẩy mạnh cải cách", "hoà giải tranh chấp đất đai"}
	without := recognise(t, Config{Language: "vie", Clean: []string{StepMedian, StepDeskew}}, rgb)
	with := recognise(t, Config{Language: "vie", Clean: []string{StepRedDropout, StepMedian, StepDeskew}}, rgb)
	if wordsFound(with, want) != len(want) {
		t.Errorf("with red dropout the text under the seal is not read:\n%s\n--- without:\n%s", with, without)
	}
	t.Logf("without red dropout %d/%d phrases, with %d/%d", wordsFound(without, want), len(want), wordsFound(with, want), len(want))
}

func TestCleanScalesLowResolution(t *testing.T) {
	img := loadGray(t, "congvan.png")
	b, _ := EncodePNG(img, 100) // claims 100 dpi
	c, err := Clean(b, 0, []string{StepScale})
	if err != nil {
		t.Fatal(err)
	}
	scale := c.Scale
	cfg, _, err := image.DecodeConfig(bytes.NewReader(c.Image))
	if err != nil {
		t.Fatal(err)
	}
	if scale != 2 || cfg.Width != 2*img.Bounds().Dx() {
		t.Errorf("100 dpi page scaled by %v to width %d; want ×2", scale, cfg.Width)
	}
	if _, err := Clean([]byte("not an image"), 0, AllSteps); err == nil {
		t.Error("Clean accepted bytes that are not an image")
	}
}

// A page scanned sideways or upside down reads as if upright.
func TestOrientation(t *testing.T) {
	page := loadGray(t, "quyetdinh.png")
	for turns := 1; turns <= 3; turns++ {
		img := rotate90(page, turns)
		text := recognise(t, Config{Language: "vie", Clean: DefaultClean}, img)
		want := []string{"QUYẾT ĐỊNH", "Sở Tài chính", "Căn cứ Nghị định số 30/2020/NĐ-CP", "Điều 1. Ban hành"}
		if n := wordsFound(text, want); n < len(want)-1 {
			t.Errorf("turned %d×90°: %d of %d phrases read:\n%s", turns, n, len(want), text)
		}
	}
}

// A short letter fed into the scanner head first, which Leptonica's
// statistics do not tell upside down (the fax-received công văn of the
// eval's other kinds, in colour: the same page in grey, or another letter
// of its shape, Leptonica turns itself): its reading, strings of letters of no language, sends it to be read
// again turned half round.
func TestShortLetterUpsideDown(t *testing.T) {
	r, w := drawAndRead(t)
	page := r.Render([]string{
		"12/03/2019 10:23   FAX 0255 3822 123   UBND TINH BINH AN   P.001/002",
		"",
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NỘI VỤ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 315/SNV-CCVC|Bình An, ngày 11 tháng 3 năm 2019",
		"L|V/v báo cáo số lượng công chức|",
		"",
		"CB|Kính gửi: Các sở, ban, ngành tỉnh.",
		"Thực hiện Công văn số 1200/BNV-CCVC ngày 05/3/2019 của Bộ Nội vụ,",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, CCVC.|",
		"LB||Lê Văn Hòa",
	})
	// Scanned at 200 dpi in colour, as a JPEG.
	down := rotate90(page, 2)
	scan := image.NewRGBA(image.Rect(0, 0, down.Bounds().Dx()*2/3, down.Bounds().Dy()*2/3))
	xdraw.BiLinear.Scale(scan, scan.Bounds(), down, down.Bounds(), xdraw.Src, nil)
	var b bytes.Buffer
	if err := jpeg.Encode(&b, scan, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	pt, err := w.Recognize(context.Background(), b.Bytes(), 200)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"SỞ NỘI VỤ", "báo cáo số lượng công chức", "Các sở, ban, ngành tỉnh", "Nơi nhận"}
	if n := wordsFound(pt.Text, want); n < len(want) || pt.Turns != 2 {
		t.Errorf("upside down: %d of %d phrases read, turned %d×90° (want 2):\n%s", n, len(want), pt.Turns, pt.Text)
	}
}

// rotate90 turns g clockwise by turns quarter turns.
func rotate90(g *image.Gray, turns int) *image.Gray {
	for range turns {
		b := g.Bounds()
		out := image.NewGray(image.Rect(0, 0, b.Dy(), b.Dx()))
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				out.SetGray(b.Dy()-1-y, x, g.GrayAt(x, y))
			}
		}
		g = out
	}
	return g
}

func TestPageDPI(t *testing.T) {
	for _, c := range []struct{ dpi, w, h, want int }{
		{300, 2480, 3508, 300}, // A4 as stated
		{200, 1654, 2339, 200},
		{300, 3508, 2480, 300}, // lying
		{150, 1240, 1754, 150},
		{300, 1240, 1754, 300}, // A5 at 300 dpi: a paper size, as stated
		{72, 2480, 3508, 300},  // a camera's 72 dpi on a 300 dpi page
		{96, 3508, 2480, 300},
		{0, 2480, 3508, 300}, // stated nothing
		{1, 1654, 2339, 200}, // an aspect ratio, not a resolution
		{0, 2480, 1770, 212}, // a strip cut from a page: not blown up
		{0, 300, 200, 0},     // too small to be a page: as stated
		{96, 300, 200, 96},
	} {
		if got := pageDPI(c.dpi, c.w, c.h); got != c.want {
			t.Errorf("pageDPI(%d, %d×%d) = %d, want %d", c.dpi, c.w, c.h, got, c.want)
		}
	}
}

// A scan whose file says 72 dpi, or nothing, is read as the A4 page it
// is: brought to 200 dpi like the same page marked 300, not blown up.
func TestCleanDistrustsImplausibleResolution(t *testing.T) {
	page := image.NewGray(image.Rect(0, 0, 2480, 3508))
	draw.Draw(page, page.Bounds(), image.NewUniform(color.Gray{250}), image.Point{}, draw.Src)
	for _, dpi := range []int{300, 72, 0} {
		cl := cleanPNG(t, page, dpi, StepScale)
		if want := float64(targetDPI) / 300; math.Abs(cl.Scale-want) > 0.01 {
			t.Errorf("marked %d dpi: scaled by %.2f, want %.2f", dpi, cl.Scale, want)
		}
	}
}

// The median step is the 3×3 median with edges replicated, pixel for
// pixel, on an odd-sized page of noise (so rows end inside a word).
func TestMedianStepIsTheMedian(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := image.NewGray(image.Rect(0, 0, 301, 211))
	for i := range g.Pix {
		g.Pix[i] = uint8(rng.IntN(256))
	}
	cl := cleanPNG(t, g, targetDPI, StepMedian)
	out, err := tiff.Decode(bytes.NewReader(cl.Image))
	if err != nil {
		t.Fatal(err)
	}
	at := func(x, y int) uint8 {
		x, y = min(max(x, 0), 300), min(max(y, 0), 210)
		return g.GrayAt(x, y).Y
	}
	bad := 0
	for y := range 211 {
		for x := range 301 {
			var win []int
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					win = append(win, int(at(x+dx, y+dy)))
				}
			}
			slices.Sort(win)
			if got, _, _, _ := out.At(x, y).RGBA(); int(got>>8) != win[4] {
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d pixels differ from the 3×3 median", bad, 301*211)
	}
}

// cleanPNG runs the clean-up steps on img stored as a PNG marked dpi.
func cleanPNG(t *testing.T, img image.Image, dpi int, steps ...string) Cleaned {
	t.Helper()
	b, err := EncodePNG(img, dpi)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := Clean(b, 0, steps)
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// A page scanned light (its ink a mid-grey, the scanner's brightness set
// high or the print faint) has its ink made black; a page of dark ink,
// and a blank sheet's grain, are left as they are.
func TestLevelsMakesLightInkBlack(t *testing.T) {
	dark := loadGray(t, "congvan.png")
	light := image.NewGray(dark.Bounds())
	grain := image.NewGray(dark.Bounds())
	rng := rand.New(rand.NewPCG(1, 2))
	for i, v := range dark.Pix {
		light.Pix[i] = uint8(255 - (255-int(v))*45/100)
		grain.Pix[i] = uint8(235 + rng.IntN(20))
	}
	inkOf := func(img image.Image, steps []string) (ink int, cleaned []byte) {
		g := cleanedGray(t, img, steps)
		ink = 255
		for _, v := range g.Pix {
			ink = min(ink, int(v))
		}
		return ink, g.Pix
	}
	if ink, _ := inkOf(light, nil); ink < 130 {
		t.Fatalf("the light page's darkest grey is %d before, want it light", ink)
	}
	if ink, _ := inkOf(light, []string{StepLevels}); ink > 10 {
		t.Errorf("the light page's darkest grey is %d after levels, want black", ink)
	}
	for name, img := range map[string]*image.Gray{"dark ink": dark, "a blank sheet's grain": grain} {
		_, before := inkOf(img, nil)
		if _, after := inkOf(img, []string{StepLevels}); !bytes.Equal(before, after) {
			t.Errorf("%s: changed by levels", name)
		}
	}
}

// cleanedGray is img, encoded at 300 dpi, cleaned by steps.
func cleanedGray(t *testing.T, img image.Image, steps []string) *image.Gray {
	t.Helper()
	b, err := EncodePNG(img, 300)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Clean(b, 300, steps)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tiff.Decode(bytes.NewReader(c.Image))
	if err != nil {
		t.Fatal(err)
	}
	return out.(*image.Gray)
}
