package ocr

import (
	"bytes"
	"context"
	"image"
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// linesRead counts the lines of want that text holds as they are.
func linesRead(text string, want []string) int {
	flat := strings.Join(strings.Fields(text), " ")
	n := 0
	for _, l := range want {
		if strings.Contains(flat, l) {
			n++
		}
	}
	return n
}

// A sheet photographed bent, its sides lifted 7 mm at its foot: the page
// is flattened before it is read, and reads line for line as the same
// sheet lying flat; read as it lies, its lines run into each other at
// the sides. A sheet lying flat, square or askew, is read as it is.
func TestBentSheetIsReadFlattened(t *testing.T) {
	r, w := drawAndRead(t)
	lines := make([]string, 0, len(pagerender.Body)+6)
	lines = append(lines, "", "", "")
	lines = append(lines, pagerender.Body...)
	lines = append(lines, "", "", "")
	page := r.Render(lines)
	plain, err := NewWorker(Config{Language: "vie", Clean: slices.DeleteFunc(slices.Clone(DefaultClean), func(s string) bool { return s == StepFlatten })})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()

	read := func(w *Worker, img image.Image) (int, bool) {
		t.Helper()
		png, err := EncodePNG(img, 300)
		if err != nil {
			t.Fatal(err)
		}
		pt, err := w.RecognizePage(context.Background(), png, vanthu.PageImage{DPI: 300})
		if err != nil {
			t.Fatal(err)
		}
		return linesRead(pt.Text, pagerender.Body), pt.Flat
	}
	flatRead, flattened := read(w, page)
	if flattened || flatRead < len(pagerender.Body)-1 {
		t.Fatalf("the sheet lying flat: %d of %d lines read, flattened %v; want them all, as it is", flatRead, len(pagerender.Body), flattened)
	}
	if n, flattened := read(w, onGrainedDesk(page, 2)); flattened || n < len(pagerender.Body)-1 {
		t.Errorf("the sheet askew on a desk: %d of %d lines read, flattened %v; want them all, as it is", n, len(pagerender.Body), flattened)
	}

	bent := pagerender.Bend(page, 84) // 7 mm at 300 dpi
	asItLies, flattened := read(plain, bent)
	if flattened {
		t.Fatal("flattened without the flatten step")
	}
	n, flattened := read(w, bent)
	if !flattened {
		t.Fatal("the bent sheet was not flattened")
	}
	if n < flatRead-1 || n <= asItLies {
		t.Errorf("the bent sheet: %d of %d lines read flattened, %d as it lies, %d lying flat", n, len(pagerender.Body), asItLies, flatRead)
	}
	t.Logf("lines read: lying flat %d, bent %d as it lies and %d flattened (of %d)", flatRead, asItLies, n, len(pagerender.Body))

	// The page shown is the page read: the flattened page, given back
	// with the reading; none for a page read as scanned.
	png, err := EncodePNG(bent, 300)
	if err != nil {
		t.Fatal(err)
	}
	_, asRead, err := w.RecognizePageAsRead(context.Background(), png, vanthu.PageImage{DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(asRead)); err != nil || cfg.Width != bent.Bounds().Dx() || cfg.Height != bent.Bounds().Dy() {
		t.Errorf("the page as read: %v, %v; want %v", cfg, err, bent.Bounds().Size())
	}
	flat, ok, err := flatten(png, 300)
	if err != nil || !ok {
		t.Fatalf("flatten: %v, %v", ok, err)
	}
	if want, err := asPNG(flat); err != nil || !bytes.Equal(asRead, want) {
		t.Errorf("the page as read is not the page flattened (%v)", err)
	}
	flatPNG, err := EncodePNG(page, 300)
	if err != nil {
		t.Fatal(err)
	}
	if _, read, err := w.RecognizePageAsRead(context.Background(), flatPNG, vanthu.PageImage{DPI: 300}); err != nil || read != nil {
		t.Errorf("the sheet lying flat: %d bytes as read, %v; want none, read as scanned", len(read), err)
	}
}

// What has no lines to model is not flattened, and what is no image is
// an error, not a crash.
func TestFlattenWithoutLines(t *testing.T) {
	for name, img := range map[string]image.Image{
		"a blank page":          blankPage(),
		"a single pixel":        image.NewGray(image.Rect(0, 0, 1, 1)),
		"a page on a dark desk": onGrainedDesk(blankPage(), 3),
	} {
		png, err := EncodePNG(img, 200)
		if err != nil {
			t.Fatal(err)
		}
		if out, ok, err := flatten(png, 200); ok || out != nil || err != nil {
			t.Errorf("%s: flattened %v, %d bytes, %v; want it left as it is", name, ok, len(out), err)
		}
	}
	for _, b := range [][]byte{nil, []byte("not an image"), []byte("\x89PNG\r\n\x1a\n")} {
		if _, ok, err := flatten(b, 200); ok || err == nil {
			t.Errorf("flatten(%q): %v, %v; want an error", b, ok, err)
		}
	}
}
