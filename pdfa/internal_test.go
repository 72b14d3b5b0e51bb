package pdfa

import (
	"bytes"
	"encoding/binary"
	"image"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestFont: the embedded font parses as TrueType, with the two glyphs and
// the widths the PDF states (PDF/A wants them consistent).
func TestFont(t *testing.T) {
	f, err := sfnt.Parse(glyphlessFont)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.NumGlyphs(); n != 2 {
		t.Errorf("%d glyphs, want 2", n)
	}
	var buf sfnt.Buffer
	for g := range 2 {
		adv, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), 1000, 0)
		if err != nil || adv != glyphWidth {
			t.Errorf("glyph %d advance %d (%v), want %d", g, adv, err, glyphWidth)
		}
	}
	if checksum(glyphlessFont) != 0xB1B0AFBA {
		t.Error("the font's checksum adjustment is wrong")
	}
}

// TestSRGBProfile: the output intent's profile has the header and tags a
// colour management module looks for.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile
	if int(binary.BigEndian.Uint32(p)) != len(p) || string(p[36:40]) != "acsp" || string(p[12:24]) != "mntrRGB XYZ " {
		t.Fatalf("bad header % x", p[:40])
	}
	n := int(binary.BigEndian.Uint32(p[128:]))
	tags := map[string]bool{}
	for i := range n {
		e := p[132+12*i:]
		sig, off, size := string(e[:4]), binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:])
		if int(off+size) > len(p) || off%4 != 0 {
			t.Errorf("tag %s outside the profile", sig)
		}
		tags[sig] = true
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if !tags[sig] {
			t.Errorf("no %s tag", sig)
		}
	}
}

// FuzzImageXObject: any bytes give an image or an error, never a panic,
// and an image taken as it is has the size its header says.
func FuzzImageXObject(f *testing.F) {
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 10, 0, 20, 1, 1, 0x11, 0})
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x02\x00\x00\x00\x02\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01IDATx\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil && cfg.Width*cfg.Height > 1<<22 {
			return // a decompression bomb is the caller's to refuse, from the header
		}
		x, err := imageXObject(b)
		if err != nil {
			return
		}
		if x.width <= 0 || x.height <= 0 || len(x.data) == 0 {
			t.Fatalf("image %d×%d with %d bytes", x.width, x.height, len(x.data))
		}
	})
}
