// Package pagerender draws the lines of a document page as a 300 dpi scan
// would show them, in DejaVu Serif (Debian's fonts-dejavu-core) or in
// Liberation Serif (fonts-liberation2, Times New Roman's widths), for test
// scans and evaluations: a header in two columns, centred headings, body
// lines at the margin; and writes the same page as a born-digital PDF.
package pagerender

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
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
type Renderer struct {
	faces [3]*typeface // by Style; the italic nil where there is none
}

// typeface is a font file and its face at the size pages are set in.
type typeface struct {
	name string // the font's file name without .ttf, as a PDF names it
	data []byte
	font *opentype.Font
	face font.Face
}

// New loads DejaVu Serif from FontDir.
func New() (*Renderer, error) {
	return load("fonts-dejavu-core", FontDir+"/DejaVuSerif.ttf", FontDir+"/DejaVuSerif-Bold.ttf", "")
}

// NewTimes loads Liberation Serif from TimesDir: narrower letters than
// DejaVu's, of the shapes of Times New Roman, and the place and date line
// in italic, as NĐ 30 (Phụ lục I) sets it.
func NewTimes() (*Renderer, error) {
	return load("fonts-liberation2", TimesDir+"/LiberationSerif-Regular.ttf", TimesDir+"/LiberationSerif-Bold.ttf", TimesDir+"/LiberationSerif-Italic.ttf")
}

// load loads the faces at paths, by Style, from Debian's package pkg; an
// empty path has none.
func load(pkg string, paths ...string) (*Renderer, error) {
	var r Renderer
	for st, path := range paths {
		if path == "" {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("pagerender: %w (Debian: %s)", err, pkg)
		}
		f, err := opentype.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("pagerender: %s: %w", path, err)
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 13, DPI: DPI, Hinting: font.HintingFull})
		if err != nil {
			return nil, fmt.Errorf("pagerender: %s: %w", path, err)
		}
		r.faces[st] = &typeface{strings.TrimSuffix(filepath.Base(path), ".ttf"), b, f, face}
	}
	return &r, nil
}

// Style is the face a run of text is set in.
type Style int

const (
	Regular Style = iota
	Bold
	Italic
)

// Run is a run of text set on a page: its face, and where its baseline
// starts, in pixels at DPI from the page's top left.
type Run struct {
	Text  string
	Style Style
	X, Y  int
}

// Top is where Layout sets the first line's baseline, LineHeight the
// pixels between the baselines of two lines, and LeftAxis the axis the
// left column of a line in two columns is centred on; PageHeight is an A4
// page's height at DPI.
const (
	Top        = 180
	LineHeight = 80
	LeftAxis   = 700
	PageHeight = 3508
)

// Layout sets lines on a 2480-pixel-wide page (A4 width at 300 dpi),
// LineHeight pixels a line. A line is set at the left margin, unless it
// has a kind before a bar: "L|left|right" sets two columns (the
// header's), "C|text" centres it, "B|text" is bold at the margin; a kind
// with B ("LB", "CB") is bold. A right column with "ngày" and "tháng",
// the place and date, is in italic where r has an italic face.
func (r *Renderer) Layout(lines []string) []Run {
	var runs []Run
	centre := func(st Style, text string, mid, y int) {
		runs = append(runs, Run{text, st, mid - r.Width(st, text)/2, y})
	}
	for i, l := range lines {
		y := Top + i*LineHeight
		kind, text, ok := strings.Cut(l, "|")
		if !ok {
			runs = append(runs, Run{l, Regular, 250, y})
			continue
		}
		st := Regular
		if strings.Contains(kind, "B") {
			st = Bold
		}
		switch {
		case strings.HasPrefix(kind, "L"):
			left, right, _ := strings.Cut(text, "|")
			centre(st, left, LeftAxis, y)
			rst := st
			if r.faces[Italic] != nil && strings.Contains(right, "ngày") && strings.Contains(right, "tháng") {
				rst = Italic
			}
			centre(rst, right, 1750, y)
		case strings.HasPrefix(kind, "C"):
			centre(st, text, 1240, y)
		default: // "B|" bold at the margin
			runs = append(runs, Run{text, st, 250, y})
		}
	}
	return runs
}

// Width is the pixels text takes set in st.
func (r *Renderer) Width(st Style, text string) int {
	return font.MeasureString(r.typeface(st).face, text).Round()
}

// Words splits runs into a run for each word, placed where the run sets
// it, without the spaces between: as PDF writers that position each word
// on its own (print drivers, some office suites) leave a page, whose
// reader must tell the words apart by the gaps.
func (r *Renderer) Words(runs []Run) []Run {
	var out []Run
	for _, run := range runs {
		f := r.typeface(run.Style).face
		x := fixed.I(run.X)
		for i, w := range strings.Split(run.Text, " ") {
			if i > 0 {
				x += font.MeasureString(f, " ")
			}
			if w != "" {
				out = append(out, Run{w, run.Style, x.Round(), run.Y})
			}
			x += font.MeasureString(f, w)
		}
	}
	return out
}

// typeface is the typeface of st: the regular's where r has no italic.
func (r *Renderer) typeface(st Style) *typeface {
	if r.faces[st] == nil {
		return r.faces[Regular]
	}
	return r.faces[st]
}

// Render draws lines as Layout sets them, on a page 250 pixels taller
// than they take.
func (r *Renderer) Render(lines []string) *image.Gray {
	im := image.NewGray(image.Rect(0, 0, 2480, 250+LineHeight*len(lines)))
	draw.Draw(im, im.Bounds(), image.White, image.Point{}, draw.Src)
	ink := image.NewUniform(color.Gray{20})
	for _, run := range r.Layout(lines) {
		d := font.Drawer{Dst: im, Src: ink, Face: r.typeface(run.Style).face, Dot: fixed.P(run.X, run.Y)}
		d.DrawString(run.Text)
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
		d := font.Drawer{Dst: im, Src: image.NewUniform(ink), Face: r.faces[Regular].face, Dot: fixed.P(at.X+30, at.Y+70+i*lh)}
		d.DrawString(l)
	}
}

// StampInColour sets the received stamp (Stamp) on im in ink of colour
// c laid over the page as ink is: the print under it stays dark, the
// paper takes the ink's colour.
func (r *Renderer) StampInColour(im *image.RGBA, at image.Point, lines []string, c color.RGBA) {
	stamp := image.NewGray(im.Bounds())
	draw.Draw(stamp, stamp.Bounds(), image.White, image.Point{}, draw.Src)
	r.Stamp(stamp, at, lines)
	over := func(page, ink uint8) uint8 { return uint8(int(page) * int(ink) / 255) }
	b := im.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if stamp.GrayAt(x, y).Y > 200 {
				continue
			}
			p := im.RGBAAt(x, y)
			im.SetRGBA(x, y, color.RGBA{over(p.R, c.R), over(p.G, c.G), over(p.B, c.B), 255})
		}
	}
}

// Mark sets a boxed mark of urgency or secrecy (KHẨN, MẬT: NĐ 30 and
// Thông tư 24/2020/TT-BCA, bold capitals in a frame, in red) on im with
// the baseline of its text starting at at.
func (r *Renderer) Mark(im draw.Image, at image.Point, text string, c color.Color) {
	w := font.MeasureString(r.faces[Bold].face, text).Round()
	frame(im, image.Rect(at.X-30, at.Y-95, at.X+w+30, at.Y+40), 5, c)
	d := font.Drawer{Dst: im, Src: image.NewUniform(c), Face: r.faces[Bold].face, Dot: fixed.P(at.X, at.Y)}
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
