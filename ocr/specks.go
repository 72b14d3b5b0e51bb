package ocr

import (
	"bytes"
	"image"
	"image/color"
	"slices"

	"github.com/vanthu/vanthu/ocr/digits"
)

// speckTone reports whether the tone mark that the reading without the
// median filter put on the word at box (in the frame of plain, the page
// without the filter), and the filtered reading did not, is a speck
// rather than a mark. The filter takes whole what is no wider than two
// pixels; a mark is drawn with the pen of its letters, and a dot or a
// stroke of the print is not that much finer than its letters' stems: a
// dark copy's toner specks and a scan's dust are. So it is a speck when
// every such piece of ink in the word's box is less than half the width
// of its letters' strokes (a speck of two pixels beside stems of five,
// as a copier set dark prints them), and ink of the print otherwise (a
// faded print's sắc, broken into pixels beside stems of two, is a mark).
// The word's box holds no such piece: not a speck.
func speckTone(plain image.Image, box image.Rectangle) bool {
	box = box.Intersect(plain.Bounds())
	w, h := box.Dx(), box.Dy()
	if w < 3 || h < 3 {
		return false
	}
	mask := make([]bool, w*h)
	var runs []int
	for y := range h {
		run := 0
		for x := range w {
			dark := color.GrayModel.Convert(plain.At(box.Min.X+x, box.Min.Y+y)).(color.Gray).Y < 128
			mask[y*w+x] = dark
			if dark {
				run++
			}
			if (!dark || x == w-1) && run > 0 {
				runs = append(runs, run)
				run = 0
			}
		}
	}
	if len(runs) == 0 {
		return false
	}
	slices.Sort(runs)
	stroke := runs[len(runs)/2]
	_, regions := digits.Label(mask, w, h)
	tiny := 0
	for _, r := range regions {
		if r.Box.Dx() > 2 || r.Box.Dy() > 2 {
			continue
		}
		if 2*max(r.Box.Dx(), r.Box.Dy()) >= stroke {
			return false
		}
		tiny++
	}
	return tiny > 0
}

// plainPage decodes the page without the median filter once, when first
// asked for; nil where it cannot be.
func plainPage(cl Cleaned) func() image.Image {
	var img image.Image
	tried := false
	return func() image.Image {
		if !tried {
			tried = true
			img, _, _ = image.Decode(bytes.NewReader(cl.Plain))
		}
		return img
	}
}

// scaledBox is r, in the page's pixels, in those of the cleaned page
// scaled by scale.
func scaledBox(r image.Rectangle, scale float64) image.Rectangle {
	return image.Rect(int(float64(r.Min.X)*scale), int(float64(r.Min.Y)*scale),
		int(float64(r.Max.X)*scale), int(float64(r.Max.Y)*scale))
}
