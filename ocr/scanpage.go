package ocr

import (
	"bytes"
	"encoding/base64"
	"image"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// A page that is one scanned image, drawn to fill the page, need not be
// rendered: its image is the scan. MuPDF's SVG output of such a page holds
// the image's original stream (a JPEG as scanned, or a PNG MuPDF encodes
// from a lossless one). Taking it saves rendering and re-encoding (most of
// the rasteriser's time) and keeps the scan's own pixels and resolution.

var (
	svgGroup = regexp.MustCompile(`<g transform="matrix\(([-0-9.e]+),([-0-9.e]+),([-0-9.e]+),([-0-9.e]+),([-0-9.e]+),([-0-9.e]+)\)">`)
	svgImage = regexp.MustCompile(`<image id="[^"]*" width="(\d+)" height="(\d+)" xlink:href="data:image/(jpeg|png);base64,`)
	svgSize  = regexp.MustCompile(`<svg [^>]*width="([0-9.]+)" height="([0-9.]+)"`)
	// Anything drawn besides the image: text, vectors, clipping, or a
	// second image.
	svgOther = regexp.MustCompile(`<(path|text|tspan|use|rect|line|polyline|polygon|circle|ellipse|clipPath|mask|pattern)\b`)
)

// svgNum reads a number of MuPDF's SVG (0 if it is none).
func svgNum(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// scan returns the data and the resolution of f, the page's one image
// filling it, when the page is to be taken as that scan (f found by
// fillingImage; a zero f is none). Its pixels must be about square (see
// tallPixels): a fax's standard mode scans 204 dots an inch across and 98
// down, and its pixels taken as they are squash the letters to half their
// height; such a page is rendered (see coarse).
func (f filling) scan(svg string) (data []byte, dpi int, ok bool) {
	if f.w <= 0 || f.tallPixels() {
		return nil, 0, false
	}
	end := strings.IndexByte(svg[f.at:], '"')
	if end < 0 {
		return nil, 0, false
	}
	b64 := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' {
			return -1
		}
		return r
	}, svg[f.at:f.at+end])
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, 0, false
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width != f.w || cfg.Height != f.h {
		return nil, 0, false
	}
	// A scan written at one point a pixel (72 dpi on a page 34 inches
	// wide) is taken for the paper it is.
	dpi, _ = paperDPI(f.xdpi, f.w, f.h)
	if dpi < 100 || dpi > 1200 {
		return nil, 0, false
	}
	return data, dpi, true
}

// coarse returns the resolution of the page's scan f in its coarser
// direction, where its pixels are not square (a fax's 98 lines an inch
// against 204 dots): the page is rendered to square pixels, but what it
// shows is no finer than that. It returns 0 for any other page (and a
// zero f).
func (f filling) coarse() int {
	if f.w <= 0 || !f.tallPixels() {
		return 0
	}
	return int(math.Round(min(f.xdpi, f.ydpi)))
}

// tallPixels reports whether the image's pixels are a quarter or more
// taller than wide, or wider than tall, on the page: a fax's 204 by 98
// dots an inch, twice as tall. A smaller difference is a scan boxed in a
// page of another paper's shape (A4 in Letter, 9%) or a fax's fine mode
// (204 by 196, 4%): its pixels are the scan's, and read as they are.
func (f filling) tallPixels() bool {
	return max(f.xdpi, f.ydpi) >= 1.25*min(f.xdpi, f.ydpi)
}

// paperDPI returns the resolution on paper of a scan of w×h pixels drawn
// at boxDPI pixels an inch of its page's box, and whether the box is its
// paper (within rounding): if not (a scan written at one point a pixel,
// its box 34 inches wide), the resolution pageDPI takes for an image
// file that states a size of no paper.
func paperDPI(boxDPI float64, w, h int) (int, bool) {
	stated := int(math.Round(boxDPI))
	if paper := pageDPI(stated, w, h); abs(paper-stated) > 2 {
		return paper, false
	}
	return stated, true
}

// filling is the one image of a page that fills it: its size in pixels,
// its resolution across and down, and where its base64 data begins in the
// SVG.
type filling struct {
	w, h       int
	xdpi, ydpi float64
	at         int
}

// fillingImage finds the page's image in MuPDF's SVG of a page that is
// exactly one unrotated image filling it (within 1%); for any other page
// it returns a zero filling.
func fillingImage(svg string) filling {
	if strings.Count(svg, "<image ") != 1 || strings.Count(svg, "<g ") != 1 || svgOther.MatchString(svg) {
		return filling{}
	}
	size := svgSize.FindStringSubmatch(svg)
	g := svgGroup.FindStringSubmatch(svg)
	im := svgImage.FindStringSubmatchIndex(svg)
	if size == nil || g == nil || im == nil {
		return filling{}
	}
	pw, ph := svgNum(size[1]), svgNum(size[2])
	a, b, c, d, e, ff := svgNum(g[1]), svgNum(g[2]), svgNum(g[3]), svgNum(g[4]), svgNum(g[5]), svgNum(g[6])
	w, _ := strconv.Atoi(svg[im[2]:im[3]])
	h, _ := strconv.Atoi(svg[im[4]:im[5]])
	if w <= 0 || h <= 0 || pw <= 0 || ph <= 0 || a <= 0 || d <= 0 || b != 0 || c != 0 || e != 0 || ff != 0 {
		return filling{}
	}
	if math.Abs(a*float64(w)-pw) > pw/100 || math.Abs(d*float64(h)-ph) > ph/100 {
		return filling{}
	}
	// The SVG's units are points, 72 an inch.
	return filling{w: w, h: h, xdpi: float64(w) * 72 / pw, ydpi: float64(h) * 72 / ph, at: im[1]}
}

// underScan reports whether a page, as MuPDF's SVG draws it, lies on an
// image covering nine tenths of its width and height: a scan, with
// whatever is drawn over it (a signing tool's stamp and its text, a note
// typed on it), or a page of text printed on a background image; the
// caller tells the two apart by how much text is drawn.
func underScan(svg string) bool {
	size := svgSize.FindStringSubmatch(svg)
	if size == nil {
		return false
	}
	pw, ph := svgNum(size[1]), svgNum(size[2])
	groups := svgGroup.FindAllStringSubmatchIndex(svg, -1)
	for _, im := range svgImage.FindAllStringSubmatchIndex(svg, -1) {
		var g []int // the group the image is drawn in: the last opened before it
		for _, gi := range groups {
			if gi[0] < im[0] {
				g = gi
			}
		}
		if g == nil {
			continue
		}
		a, b := svgNum(svg[g[2]:g[3]]), svgNum(svg[g[4]:g[5]])
		c, d := svgNum(svg[g[6]:g[7]]), svgNum(svg[g[8]:g[9]])
		w, _ := strconv.Atoi(svg[im[2]:im[3]])
		h, _ := strconv.Atoi(svg[im[4]:im[5]])
		// The box the image is drawn in, turned or not.
		dw := math.Abs(a)*float64(w) + math.Abs(c)*float64(h)
		dh := math.Abs(b)*float64(w) + math.Abs(d)*float64(h)
		if dw >= 0.9*pw && dh >= 0.9*ph {
			return true
		}
	}
	return false
}
