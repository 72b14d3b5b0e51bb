package ocr

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
)

func TestMain(m *testing.M) {
	MaybeRasterChild()
	if err := EnsureSingleThreadOMP(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

const scans = "../testdata/scans"

func newRasteriser(t *testing.T) *Rasteriser {
	t.Helper()
	bs, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &Rasteriser{Config: DefaultRasterConfig(), Blobs: bs}
}

func rasterise(t *testing.T, r *Rasteriser, file string, f vanthu.Format) ([]vanthu.PageImage, error) {
	t.Helper()
	var pages []vanthu.PageImage
	err := r.Rasterise(context.Background(), filepath.Join(scans, file), f, func(p vanthu.PageImage) error {
		pages = append(pages, p)
		return nil
	})
	return pages, err
}

func TestRasterise(t *testing.T) {
	tests := []struct {
		file   string
		format vanthu.Format
		want   []vanthu.PageImage // Image left out
	}{
		// PDF pages render at 300 dpi; the generator made them 2480 px wide.
		{"congvan-2p.pdf", vanthu.PDF, []vanthu.PageImage{
			{Number: 1, Pages: 2, DPI: 300, Width: 2480, Height: 970},
			{Number: 2, Pages: 2, DPI: 300, Width: 2480, Height: 890}}},
		// TIFF pages render at their own resolution: no upscaling.
		{"congvan-2p.tif", vanthu.TIFF, []vanthu.PageImage{
			{Number: 1, Pages: 2, DPI: 300, Width: 2480, Height: 970},
			{Number: 2, Pages: 2, DPI: 300, Width: 2480, Height: 890}}},
		{"congvan.jpg", vanthu.JPEG, []vanthu.PageImage{{Number: 1, Pages: 1, DPI: 300, Width: 2480, Height: 970}}},
	}
	for _, tt := range tests {
		r := newRasteriser(t)
		pages, err := rasterise(t, r, tt.file, tt.format)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if len(pages) != len(tt.want) {
			t.Errorf("%s: %d pages, want %d", tt.file, len(pages), len(tt.want))
			continue
		}
		for i, p := range pages {
			if ok, _ := r.Blobs.Has(p.Image); !ok {
				t.Errorf("%s page %d: image %s not in the blob store", tt.file, i+1, p.Image.Short())
			}
			p.Image = ""
			if !reflect.DeepEqual(p, tt.want[i]) {
				t.Errorf("%s page %d: %+v, want %+v", tt.file, i+1, p, tt.want[i])
			}
		}
	}
}

func TestRasteriseIsIdempotent(t *testing.T) {
	r := newRasteriser(t)
	a, err := rasterise(t, r, "congvan-2p.pdf", vanthu.PDF)
	if err != nil {
		t.Fatal(err)
	}
	b, err := rasterise(t, r, "congvan-2p.pdf", vanthu.PDF)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Errorf("page %d rendered twice differs: %+v vs %+v", i+1, a[i], b[i])
		}
	}
}

func TestRasteriseRefusesBadFilesAndLives(t *testing.T) {
	dir := t.TempDir()
	pdf, _ := os.ReadFile(filepath.Join(scans, "congvan-2p.pdf"))
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	tests := []struct {
		name, path string
		cfg        func(*RasterConfig)
		want       string
	}{
		{"garbage PDF", write("garbage.pdf", []byte("%PDF-1.4\nthis is not a pdf")), nil, "corrupt or truncated"},
		{"truncated PDF", write("trunc.pdf", pdf[:100]), nil, ""},
		{"too many pages", filepath.Join(scans, "congvan-2p.pdf"), func(c *RasterConfig) { c.MaxPages = 1 }, "more than the limit of 1"},
		{"page too large", filepath.Join(scans, "congvan-2p.pdf"), func(c *RasterConfig) { c.MaxPixels = 1_000_000 }, "more than the limit of 1000000 pixels"},
		{"slow page", filepath.Join(scans, "congvan-2p.pdf"), func(c *RasterConfig) { c.PageTimeout = time.Millisecond }, "took longer than"},
		// A 1.76 m page at 300 dpi is 20,833² RGBA, 1.7 GB: over a 1 GiB limit.
		{"memory limit", write("huge.pdf", hugePagePDF), func(c *RasterConfig) { c.MaxPixels = 1 << 40; c.MaxMemory = 1 << 30 }, "page 1"},
		{"huge page", write("huge.pdf", hugePagePDF), nil, "1764×1764 mm"},
	}
	for _, tt := range tests {
		r := newRasteriser(t)
		if tt.cfg != nil {
			tt.cfg(&r.Config)
		}
		err := r.Rasterise(context.Background(), tt.path, vanthu.PDF, func(vanthu.PageImage) error { return nil })
		if vanthu.KindOf(err) != vanthu.Invalid {
			t.Errorf("%s: err = %v, want an Invalid error", tt.name, err)
			continue
		}
		t.Logf("%s: %v", tt.name, err)
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %q, want it to say %q", tt.name, err, tt.want)
		}
	}
	// This process is unharmed and still renders a good file.
	if _, err := rasterise(t, newRasteriser(t), "congvan-2p.pdf", vanthu.PDF); err != nil {
		t.Fatalf("after the bad files: %v", err)
	}
}

// The spine's facts: JPEG OCR works in a binary that also links MuPDF, and
// OCR sees OMP_THREAD_LIMIT=1.
func TestRecognizeJPEGBesideMuPDF(t *testing.T) {
	if !SingleThreadOMP() {
		t.Fatal("OMP_THREAD_LIMIT=1 is not set")
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, f := range []string{"congvan.jpg", "congvan.png"} {
		img, _ := os.ReadFile(filepath.Join(scans, f))
		pt, err := w.Recognize(context.Background(), img, 0)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "45/UBND-VX", "cải cách", "hành chính"} {
			if !strings.Contains(pt.Text, want) {
				t.Errorf("%s: text lacks %q:\n%s", f, want, pt.Text)
			}
		}
		if pt.Confidence < 70 || len(pt.Words) < 40 {
			t.Errorf("%s: confidence %.1f, %d words; want a confident read", f, pt.Confidence, len(pt.Words))
		}
	}
}

func TestRecognizeBlankAndBadImages(t *testing.T) {
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	blank, err := EncodePNG(blankPage(), 300)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := w.Recognize(context.Background(), blank, 0)
	if err != nil || pt.Text != "" {
		t.Fatalf("blank page: %q, %v; want no text and no error", pt.Text, err)
	}
	// A blank sheet laid askew on the glass, off its edges, the scanner's
	// bed dark around it, is a blank page still.
	bed, err := EncodePNG(onDarkBed(blankPage(), 2), 300)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := w.Recognize(context.Background(), bed, 0); err != nil || pt.Text != "" {
		t.Fatalf("blank sheet on a dark bed: %q, %v; want no text and no error", pt.Text, err)
	}
	// So is one photographed on a desk, the grain's light bands among the
	// dark ones no darker than ink's threshold.
	desk, err := EncodePNG(onGrainedDesk(blankPage(), 2), 200)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := w.Recognize(context.Background(), desk, 0); err != nil || pt.Text != "" {
		t.Fatalf("blank sheet on a desk: %q, %v; want no text and no error", pt.Text, err)
	}
	// A drawing and no letters (a photograph, a seal alone): no text,
	// marked unread, and no error that would stop the document.
	drawing := image.NewGray(image.Rect(0, 0, 1654, 2339))
	draw.Draw(drawing, drawing.Bounds(), image.White, image.Point{}, draw.Src)
	for y := 600; y < 1500; y++ {
		for x := 400; x < 1250; x++ {
			if dx, dy := x-825, y-1050; dx*dx+dy*dy < 400*400 {
				drawing.SetGray(x, y, color.Gray{30})
			}
		}
	}
	ink, err := EncodePNG(drawing, 200)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := w.Recognize(context.Background(), ink, 0); err != nil || pt.Text != "" || !pt.Unread {
		t.Fatalf("a drawing without letters: %q, unread %v, %v; want no text, unread, no error", pt.Text, pt.Unread, err)
	}
	if pt, _ := w.Recognize(context.Background(), blank, 0); pt.Unread {
		t.Error("a blank page marked unread")
	}
	if _, err := w.Recognize(context.Background(), []byte("\x89PNG\r\n\x1a\nbroken"), 0); vanthu.KindOf(err) != vanthu.Invalid {
		t.Fatalf("broken image: err = %v, want Invalid", err)
	}
	// The engine still works after both.
	img, _ := os.ReadFile(filepath.Join(scans, "congvan.png"))
	if pt, err := w.Recognize(context.Background(), img, 0); err != nil || !strings.Contains(pt.Text, "Hòa Bình") {
		t.Fatalf("after bad input: %q, %v", pt.Text, err)
	}
}

// The back of a sheet printed on one side, scanned by a duplex scanner:
// the front's print shows through it mirrored, blurred by the paper,
// taking at most a quarter of the paper's light. It is a blank page, no
// text and not unread; the front scanned as light (its black at the
// same grey) is read.
func TestBackOfASheetIsBlank(t *testing.T) {
	front := loadGray(t, "congvan.png")
	b := front.Bounds()
	back, light := image.NewGray(b), image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var ink int // the front's darkness over 3 by 3 pixels, mirrored
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					p := image.Pt(b.Max.X-1-x+dx, y+dy)
					if p.In(b) {
						ink += 255 - int(front.GrayAt(p.X, p.Y).Y)
					} else {
						ink += 255 - int(front.GrayAt(b.Max.X-1-x, y).Y)
					}
				}
			}
			back.SetGray(x, y, color.Gray{uint8(248 - 248*ink/9/255/4)})
			light.SetGray(x, y, color.Gray{uint8(248 - 248*(255-int(front.GrayAt(x, y).Y))/255/4)})
		}
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if pt := readDrawn(t, w, back); pt.Text != "" || pt.Unread || len(pt.Words) > 0 {
		t.Errorf("the back of a sheet: %q (confidence %.1f), unread %v; want a blank page", pt.Text, pt.Confidence, pt.Unread)
	}
	if pt := readDrawn(t, w, light); !strings.Contains(pt.Text, "Độc lập - Tự do - Hạnh phúc") {
		t.Errorf("the front scanned as light: %q (confidence %.1f); want it read", pt.Text, pt.Confidence)
	}
}

// A password-protected PDF is refused with that reason, not as corrupt.
func TestRasteriseRefusesEncryptedPDF(t *testing.T) {
	_, err := rasterise(t, newRasteriser(t), "encrypted.pdf", vanthu.PDF)
	if vanthu.KindOf(err) != vanthu.Invalid || !strings.Contains(err.Error(), "encrypted (password protected)") {
		t.Fatalf("err = %v; want an Invalid error naming the encryption", err)
	}
}
