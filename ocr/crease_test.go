package ocr

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"testing"
)

// creased is page (at 300 dpi) as a letter folded for the post and
// unfolded on the glass: a line of grey v and thick pixels across the
// sheet from edge to edge, from y at its left to y+rise at its right.
// What is darker than the line shows through it.
func creased(page *image.Gray, y, rise, thick int, v uint8) *image.Gray {
	out := image.NewGray(page.Bounds())
	copy(out.Pix, page.Pix)
	w := page.Bounds().Dx()
	for x := range w {
		top := y + int(math.Round(float64(rise*x)/float64(w)))
		for dy := range thick {
			if out.GrayAt(x, top+dy).Y > v {
				out.SetGray(x, top+dy, color.Gray{v})
			}
		}
	}
	return out
}

// A crease across the sheet, through the marks over a line of print, is
// paper when the page is read, grey as a colour scan shows it or black as
// a scan in one bit does; the marks it crosses are read. Tesseract had
// read it as dashes, and the line of print under it garbled or lost.
func TestCreaseAcrossALetterIsNotRead(t *testing.T) {
	page := loadGray(t, "quyetdinh.png")
	w, uncreased := workerWithout(t, ""), workerWithout(t, StepCreases)
	want := readDrawn(t, w, page).Text
	for _, c := range []struct {
		name string
		v    uint8
	}{{"grey", 150}, {"black", 0}} {
		img := creased(page, 1012, 18, 3, c.v)
		if got := readDrawn(t, w, img).Text; got != want {
			t.Errorf("%s crease: read\n%s\nwant, as the sheet unfolded,\n%s", c.name, got, want)
		}
		if got := readDrawn(t, uncreased, img).Text; got == want {
			t.Errorf("%s crease, read without the creases step: as the sheet unfolded; the crease does no harm, and this test shows nothing", c.name)
		}
	}
}

// The rules of a table, which keep to the margins, and the header's
// underlines are no crease.
func TestCreasesStepKeepsRules(t *testing.T) {
	page := loadGray(t, "quyetdinh.png")
	ruled := image.NewGray(page.Bounds())
	copy(ruled.Pix, page.Pix)
	for x := 354; x < 2480-177; x++ { // 30 mm from the left, 15 from the right
		for _, y := range []int{1180, 1185, 1186} {
			ruled.SetGray(x, y, color.Gray{20})
		}
	}
	if !bytes.Equal(cleanedGray(t, ruled, nil).Pix, cleanedGray(t, ruled, []string{StepCreases}).Pix) {
		t.Errorf("changed by the creases step; want the rules kept")
	}
}
