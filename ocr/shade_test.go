package ocr

import (
	"bytes"
	"image"
	"testing"
)

// A bound file's page, the gutter's shadow along its left edge, has its
// paper evened out and keeps its ink; a sheet on a dark bed, whose edge
// is sharp, and a page without a shadow are left as they are (the bed is
// the bed step's).
func TestShadeEvensAGuttersShadow(t *testing.T) {
	page := loadGray(t, "congvan.png")
	w, h := page.Bounds().Dx(), page.Bounds().Dy()
	shaded, bedded := image.NewGray(page.Bounds()), image.NewGray(page.Bounds())
	for y := range h {
		for x := range w {
			v := float64(page.GrayAt(x, y).Y)
			k := 1.0
			if edge := float64(w) / 5; float64(x) < edge {
				f := float64(x) / edge
				k = 0.35 + 0.65*f*f
			}
			shaded.Pix[y*shaded.Stride+x] = uint8(v * k)
			bedded.Pix[y*bedded.Stride+x] = page.GrayAt(x, y).Y
			if x < w/12 {
				bedded.Pix[y*bedded.Stride+x] = 35
			}
		}
	}
	cleaned := func(img image.Image, steps []string) *image.Gray { return cleanedGray(t, img, steps) }
	// The paper of the shadow's darkest part (its lightest tenth, from a
	// fiftieth of the width to a twentieth), and the ink of the shadow
	// (pixels darker than a third of that paper, from a fiftieth to a
	// fifth).
	measure := func(g *image.Gray) (paper, ink int) {
		var hist [256]int
		n := 0
		for y := range h {
			for x := w / 50; x < w/20; x++ {
				hist[g.GrayAt(x, y).Y]++
				n++
			}
		}
		for v, c := 255, 0; v >= 0; v-- {
			if c += hist[v]; c*10 >= n {
				paper = v
				break
			}
		}
		for y := range h {
			for x := w / 50; x < w/5; x++ {
				if int(g.GrayAt(x, y).Y) < paper/3 {
					ink++
				}
			}
		}
		return paper, ink
	}
	_, inkBefore := measure(page)
	if inkBefore == 0 {
		t.Fatal("no ink in the shadow's band")
	}
	if paper, _ := measure(cleaned(shaded, nil)); paper > 150 {
		t.Fatalf("the shadow's paper is a grey of %d before, want it dark", paper)
	}
	paper, ink := measure(cleaned(shaded, []string{StepShade}))
	if paper < 230 || ink < inkBefore*8/10 || ink > inkBefore*12/10 {
		t.Errorf("in the shadow after shade: paper %d, %d pixels of ink (%d unshaded)", paper, ink, inkBefore)
	}
	for name, img := range map[string]*image.Gray{"a sheet on a dark bed": bedded, "a page without a shadow": page} {
		if !bytes.Equal(cleaned(img, nil).Pix, cleaned(img, []string{StepShade}).Pix) {
			t.Errorf("%s: changed by shade", name)
		}
	}
}
