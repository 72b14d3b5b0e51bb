// Package pagerender draws the lines of a document page as a 300 dpi scan
// would show them, in DejaVu Serif (Debian's fonts-dejavu-core) or in
// Liberation Serif (fonts-liberation2, Times New Roman's widths), for test
// scans and evaluations: a header in two columns, centred headings, body
// lines at the margin.
package pagerender

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// DPI is the resolution pages are drawn at.
const DPI = 300

// FontDir is where Debian installs the DejaVu fonts.
const FontDir = "/usr/share/fonts/truetype/dejavu"

// TimesDir is where Debian installs Liberation Serif (fonts-liberation2),
// whose letters have the widths of Times New Roman's, the face NĐ 30 asks
// documents to be set in.
const TimesDir = "/usr/share/fonts/truetype/liberation2"

// Renderer draws pages in one regular and one bold face, and the place
// and date in italic where it has an italic face.
type Renderer struct{ regular, bold, italic font.Face }

// New loads DejaVu Serif from FontDir.
func New() (*Renderer, error) {
	return newRenderer(FontDir+"/DejaVuSerif.ttf", FontDir+"/DejaVuSerif-Bold.ttf", "fonts-dejavu-core")
}

// NewTimes loads Liberation Serif from TimesDir: narrower letters than
// DejaVu's, of the shapes of Times New Roman, and the place and date line
// in italic, as NĐ 30 (Phụ lục I) sets it.
func NewTimes() (*Renderer, error) {
	r, err := newRenderer(TimesDir+"/LiberationSerif-Regular.ttf", TimesDir+"/LiberationSerif-Bold.ttf", "fonts-liberation2")
	if err != nil {
		return nil, err
	}
	if r.italic, err = face(TimesDir+"/LiberationSerif-Italic.ttf", "fonts-liberation2"); err != nil {
		return nil, err
	}
	return r, nil
}

func newRenderer(regularPath, boldPath, pkg string) (*Renderer, error) {
	regular, err := face(regularPath, pkg)
	if err != nil {
		return nil, err
	}
	bold, err := face(boldPath, pkg)
	if err != nil {
		return nil, err
	}
	return &Renderer{regular: regular, bold: bold}, nil
}

func face(path, pkg string) (font.Face, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("pagerender: %w (Debian: %s)", err, pkg)
	}
	f, err := opentype.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("pagerender: %s: %w", path, err)
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: 13, DPI: DPI, Hinting: font.HintingFull})
}

// Render draws lines on a 2480-pixel-wide page (A4 width at 300 dpi), 80
// pixels a line. A line is drawn at the left margin, unless it has a kind
// before a bar: "L|left|right" sets two columns (the header's), "C|text"
// centres it, "B|text" is bold at the margin; a kind with B ("LB", "CB")
// is bold. A right column with "ngày" and "tháng", the place and date, is
// in italic where r has an italic face.
func (r *Renderer) Render(lines []string) *image.Gray {
	lh := 80
	im := image.NewGray(image.Rect(0, 0, 2480, 250+lh*len(lines)))
	draw.Draw(im, im.Bounds(), image.White, image.Point{}, draw.Src)
	ink := image.NewUniform(color.Gray{20})
	draw1 := func(f font.Face, text string, x, y int) {
		d := font.Drawer{Dst: im, Src: ink, Face: f, Dot: fixed.P(x, y)}
		d.DrawString(text)
	}
	centre := func(f font.Face, text string, mid, y int) {
		w := font.MeasureString(f, text).Round()
		draw1(f, text, mid-w/2, y)
	}
	for i, l := range lines {
		y := 180 + i*lh
		kind, text, ok := strings.Cut(l, "|")
		if !ok {
			draw1(r.regular, l, 250, y)
			continue
		}
		f := r.regular
		if strings.Contains(kind, "B") {
			f = r.bold
		}
		switch {
		case strings.HasPrefix(kind, "L"):
			left, right, _ := strings.Cut(text, "|")
			centre(f, left, 700, y)
			rf := f
			if r.italic != nil && strings.Contains(right, "ngày") && strings.Contains(right, "tháng") {
				rf = r.italic
			}
			centre(rf, right, 1750, y)
		case strings.HasPrefix(kind, "C"):
			centre(f, text, 1240, y)
		default: // "B|" bold at the margin
			draw1(f, text, 250, y)
		}
	}
	return im
}

// Stamp sets a received stamp (dấu ĐẾN, NĐ 30 Phụ lục IV) on im with its
// top left at, as a receiving office does: a frame 50 mm wide round the
// lines, in a lighter ink than the print.
func (r *Renderer) Stamp(im *image.Gray, at image.Point, lines []string) {
	const lh, w, border = 75, 590, 5 // 50 mm at DPI
	h := 40 + lh*len(lines)
	ink := color.Gray{90}
	frame(im, image.Rect(at.X, at.Y, at.X+w, at.Y+h), border, ink)
	for i, l := range lines {
		d := font.Drawer{Dst: im, Src: image.NewUniform(ink), Face: r.regular, Dot: fixed.P(at.X+30, at.Y+70+i*lh)}
		d.DrawString(l)
	}
}

// Mark sets a boxed mark of urgency or secrecy (KHẨN, MẬT: NĐ 30 and
// Thông tư 24/2020/TT-BCA, bold capitals in a frame, in red) on im with
// the baseline of its text starting at at.
func (r *Renderer) Mark(im draw.Image, at image.Point, text string, c color.Color) {
	w := font.MeasureString(r.bold, text).Round()
	frame(im, image.Rect(at.X-30, at.Y-95, at.X+w+30, at.Y+40), 5, c)
	d := font.Drawer{Dst: im, Src: image.NewUniform(c), Face: r.bold, Dot: fixed.P(at.X, at.Y)}
	d.DrawString(text)
}

// frame draws the border of r, thick pixels wide, in c.
func frame(im draw.Image, r image.Rectangle, thick int, c color.Color) {
	inner := r.Inset(thick)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !(image.Point{x, y}).In(inner) {
				im.Set(x, y, c)
			}
		}
	}
}
