package digits

import (
	"cmp"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"strconv"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/handwriting"
)

// page is a white page with a printed band (a dark rule standing for the
// printed line's height) and digits written by hand across it.
func page(written string, ink color.Color) (*image.RGBA, image.Rectangle) {
	img := image.NewRGBA(image.Rect(0, 0, 1000, 200))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	handwriting.Draw(img, written, 100, 60, 70, ink)
	return img, image.Rect(90, 75, 100+70*len(written), 115)
}

func TestReadDrawnDigits(t *testing.T) {
	blue := color.RGBA{30, 40, 150, 255}
	for _, written := range []string{"0123456789", "24", "575", "07", "31", "280"} {
		img, band := page(written, blue)
		r := Read(img, band, band, nil)
		if r.Text != written {
			t.Errorf("wrote %s, read %q (probabilities %.2f)", written, r.Text, r.Probs)
		}
		// The reading is among the alternatives, which run from the most
		// probable down.
		if !slices.ContainsFunc(r.Alternatives, func(a vanthu.Alternative) bool { return a.Text == r.Text }) ||
			!slices.IsSortedFunc(r.Alternatives, func(a, b vanthu.Alternative) int { return cmp.Compare(b.P, a.P) }) {
			t.Errorf("wrote %s: alternatives %v", written, r.Alternatives)
		}
	}
}

// Every shape the package handwriting draws (the barred 7, the flagged
// 1, the looped 2, …) is read as its digit, with a fine pen and a felt
// tip.
func TestReadEveryShape(t *testing.T) {
	for d := '0'; d <= '9'; d++ {
		for shape := range handwriting.Shapes(d) {
			for _, pen := range []float64{5, 10} {
				img := image.NewRGBA(image.Rect(0, 0, 200, 200))
				draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
				handwriting.DrawShape(img, d, shape, nil, 70, 60, 70, pen, color.Black)
				band := image.Rect(50, 75, 150, 115)
				if r := Read(img, band, band, nil); r.Text != string(d) {
					t.Errorf("%c in shape %d, pen %.0f: read %q (probabilities %.2f)", d, shape, pen, r.Text, r.Probs)
				}
			}
		}
	}
}

// A slot's end is an estimate (where a slash OCR dropped would stand):
// a digit it cuts is read whole when it stays within the room up to the
// print, and print the hand ran into is not read with it.
func TestReadDigitAcrossTheSlotsEnd(t *testing.T) {
	img, band := page("574", color.Black)
	// The 4's stem stands at x≈235; a printed slash follows at x≈270.
	handwriting.DrawShape(img, '1', 2, nil, 250, 62, 66, 5, color.Black)
	slot, room := band, band
	slot.Max.X, room.Max.X = 225, 262
	if r := Read(img, slot, room, nil); r.Text != "574" {
		t.Errorf("4 cut by the slot's end: read %q, want 574", r.Text)
	}
	// "04" with a printed stroke run into the 4's bar, past the room.
	img, band = page("04", color.Black)
	handwriting.DrawShape(img, '1', 2, nil, 178, 60, 70, 7, color.Black)
	slot, room = band, band
	slot.Max.X, room.Max.X = 196, 200
	if r := Read(img, slot, room, nil); r.Text != "04" {
		t.Errorf("print run into the ink: read %q, want 04", r.Text)
	}
}

func TestReadIgnoresRedStampAndBlankSlot(t *testing.T) {
	img, band := page("", color.Black)
	if r := Read(img, band, band, nil); r.Text != "" || r.Conf() != 0 {
		t.Errorf("blank slot read %q", r.Text)
	}
	// A red seal's rim across the slot, under the ink, is paper.
	img, _ = page("", color.Black)
	_, band = page("45", color.Black)
	handwriting.Draw(img, "0", 120, 40, 120, color.RGBA{220, 40, 40, 255})
	handwriting.Draw(img, "45", 100, 60, 70, color.Black)
	if r := Read(img, band, band, nil); r.Text != "45" {
		t.Errorf("under a red stamp: read %q, want 45", r.Text)
	}
}

// A 5 written wide (here, drawn and stretched to three times its width)
// is as wide as two digits run together: read so, the day "1", "5x" is no
// day (and the two are less sure than the one), and the 5 is read as one
// digit.
func TestReadWideFiveInADay(t *testing.T) {
	img, band := page("1", color.Black)
	five := image.NewRGBA(image.Rect(0, 0, 60, 80))
	draw.Draw(five, five.Bounds(), image.White, image.Point{}, draw.Src)
	handwriting.DrawShape(five, '5', 1, nil, 5, 5, 70, 7, color.Black)
	for y := 0; y < 80; y++ {
		for x := 0; x < 3*60; x++ { // stretched to three times its width
			if c := five.RGBAAt(x/3, y); c.R < 128 {
				img.Set(160+x, 55+y, c)
			}
		}
	}
	band.Max.X = 300
	day := func(s string) bool { return len(s) == 2 && s <= "31" && s != "00" }
	// Any reading: the cut of the 5 as one digit is surer than its
	// width's cut into two, and likelier.
	if r := Read(img, band, band, nil); r.Text != "15" {
		t.Errorf("read %q (probabilities %.2f), want 15", r.Text, r.Probs)
	}
	r := Read(img, band, band, day)
	if r.Text != "15" {
		t.Errorf("read %q (probabilities %.2f), want the day 15", r.Text, r.Probs)
	}
	for _, a := range r.Alternatives {
		if !day(a.Text) {
			t.Errorf("alternative %q is no day", a.Text)
		}
	}
}

// Two digits written narrow and run together ("04" squeezed to half its
// width) are one glyph narrower than it is tall, which its width reads as
// one digit, unsurely; the cut into two, each digit sure, is the reading.
func TestReadNarrowPairRunTogether(t *testing.T) {
	for _, written := range []string{"04", "31", "28"} {
		img, band := page("", color.Black)
		// Each digit drawn 70 high and squeezed to half its width,
		// the second touching the first.
		for i, d := range written {
			one := image.NewRGBA(image.Rect(0, 0, 100, 100))
			draw.Draw(one, one.Bounds(), image.White, image.Point{}, draw.Src)
			handwriting.DrawShape(one, d, 0, nil, 5, 5, 70, 7, color.Black)
			for y := 0; y < 100; y++ {
				for x := 0; x < 50; x++ {
					if a, b := one.RGBAAt(2*x, y), one.RGBAAt(2*x+1, y); a.R < 128 || b.R < 128 {
						img.Set(100+i*23+x, 55+y, color.Black)
					}
				}
			}
		}
		band.Min.X, band.Max.X = 90, 160
		day := func(s string) bool { return len(s) <= 2 && s != "0" && s != "00" && s <= "31" || len(s) == 1 }
		if r := Read(img, band, band, day); r.Text != written {
			t.Errorf("wrote %s squeezed: read %q (probabilities %.2f, alternatives %v)", written, r.Text, r.Probs, r.Alternatives)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := Default()
	again, err := Unmarshal(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{nil, []byte("VTDG"), modelBytes[:100]} {
		if _, err := Unmarshal(b); err == nil {
			t.Errorf("Unmarshal of %d bytes: no error", len(b))
		}
	}
	var g Glyph
	for i := range g {
		g[i] = float32(i%7) / 7
	}
	d1, p1 := m.Classify(&g)
	d2, p2 := again.Classify(&g)
	if d1 != d2 || p1-p2 > 0.01 || p2-p1 > 0.01 {
		t.Errorf("a model written and read again classifies differently: %d %.3f vs %d %.3f", d1, p1, d2, p2)
	}
}

// FuzzUnmarshal: a damaged model file is an error, never a panic, and a
// model read is one the network can run.
func FuzzUnmarshal(f *testing.F) {
	f.Add(modelBytes)
	f.Add(modelBytes[:200])
	f.Add([]byte("VTDC\x08\x00\x00\x00\x10\x00\x00\x00\x40\x00\x00\x00"))
	f.Add([]byte("VTDC\x01\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Unmarshal(b)
		if err != nil {
			return
		}
		var g Glyph
		if p := m.Probs(&g); len(p) != 10 {
			t.Fatalf("%d probabilities", len(p))
		}
	})
}

// The widths' cut gives way to another only when it is not sure and the
// other is sure and likelier as a whole: "04" run together as one glyph
// reads as an 8 at 0.95, cut in two as 0 and 4 at 0.998 each.
func TestChooseCut(t *testing.T) {
	day := func(s string) bool { d, err := strconv.Atoi(s); return err == nil && len(s) <= 2 && d >= 1 && d <= 31 }
	for _, c := range []struct {
		name     string
		readings []Reading
		want     string
	}{
		{"a likelier cut, each digit sure", []Reading{{Text: "8", Probs: []float64{0.95}}, {Text: "04", Probs: []float64{0.998, 0.997}}}, "04"},
		{"the widths' reading sure", []Reading{{Text: "8", Probs: []float64{0.99}}, {Text: "04", Probs: []float64{0.999, 0.998}}}, "8"},
		{"the other cut less likely", []Reading{{Text: "8", Probs: []float64{0.95}}, {Text: "04", Probs: []float64{0.99, 0.95}}}, "8"},
		{"the other cut's digit unsure", []Reading{{Text: "8", Probs: []float64{0.5}}, {Text: "04", Probs: []float64{0.99, 0.8}}}, "8"},
		{"the widths' reading no day", []Reading{{Text: "54", Probs: []float64{0.99, 0.99}}, {Text: "5", Probs: []float64{0.6}}, {Text: "9", Probs: []float64{0.7}}}, "9"},
	} {
		if got := chooseCut(c.readings, day).Text; got != c.want {
			t.Errorf("%s: chose %q, want %q", c.name, got, c.want)
		}
	}
}
