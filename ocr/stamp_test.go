package ocr

import (
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
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
	if mark, ok := w.redStamp(realPage(t, "real-11.pdf")); !ok || mark.Text != "HỎA TỐC" || mark.X0 > 600 || mark.Y0 > 1300 {
		t.Errorf("real-11: %+v, %v; want HỎA TỐC at the left of the header", mark, ok)
	}
	for _, name := range []string{"real-07.pdf"} {
		if mark, ok := w.redStamp(realPage(t, name)); ok {
			t.Errorf("%s: %+v, want no urgency stamp", name, mark)
		}
	}
}
