package ocr

import (
	"bytes"
	"image"
	"image/color"
	"slices"
	"testing"
)

// punched is page (at 300 dpi) as a sheet punched for a binder and
// scanned with the lid or the feeder dark behind it: a disc of d pixels
// across, of grey v, at each of at.
func punched(page *image.Gray, d int, v uint8, at ...image.Point) *image.Gray {
	out := image.NewGray(page.Bounds())
	copy(out.Pix, page.Pix)
	for _, c := range at {
		for y := c.Y - d/2; y <= c.Y+d/2; y++ {
			for x := c.X - d/2; x <= c.X+d/2; x++ {
				if dx, dy := x-c.X, y-c.Y; 4*(dx*dx+dy*dy) <= d*d {
					out.SetGray(x, y, color.Gray{v})
				}
			}
		}
	}
	return out
}

// The holes punched for a binder (6 mm across, 12 mm from the sheet's
// edge) are paper when the page is read: Tesseract had read them as
// marks on lines of their own (® or @).
func TestHolesPunchedForABinderAreNotRead(t *testing.T) {
	page := loadGray(t, "quyetdinh.png")
	holes := punched(page, 71, 25, image.Pt(142, 700), image.Pt(142, 1300))
	w, unpunched := workerWithout(t, ""), workerWithout(t, StepHoles)
	want := readDrawn(t, w, page).Text
	if got := readDrawn(t, w, holes).Text; got != want {
		t.Errorf("punched: read\n%s\nwant, as the sheet unpunched,\n%s", got, want)
	}
	if got := readDrawn(t, unpunched, holes).Text; got == want {
		t.Errorf("punched, read without the holes step: as the sheet unpunched; the holes are not read as marks, and this test shows nothing")
	}
}

// What is solid and round but no hole in a margin stays: a disc among the
// lines of print (a bullet, a logo), and one in the margin larger than
// any punch makes.
func TestHolesStepKeepsOtherDiscs(t *testing.T) {
	page := loadGray(t, "quyetdinh.png")
	discs := punched(page, 71, 25, image.Pt(1200, 1500))
	discs = punched(discs, 150, 25, image.Pt(120, 500))
	if !bytes.Equal(cleanedGray(t, discs, nil).Pix, cleanedGray(t, discs, []string{StepHoles}).Pix) {
		t.Errorf("changed by the holes step; want the discs kept")
	}
}

// workerWithout is an OCR worker of the default config without the
// clean-up step step ("": with all of them), closed when t ends.
func workerWithout(t *testing.T, step string) *Worker {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Clean = slices.DeleteFunc(slices.Clone(cfg.Clean), func(s string) bool { return s == step })
	w, err := NewWorker(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}
