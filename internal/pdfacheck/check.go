// Package pdfacheck checks a two-layer PDF/A file with the tools that
// install on Debian (qpdf, poppler's pdffonts, pdfimages, pdftotext,
// pdfinfo, pdftocairo), standing in for a PDF/A validator (veraPDF is not
// packaged): the file's structure, embedded fonts, one image per page at
// the scan's resolution, the text layer's text and word positions, the
// PDF/A identification in the XMP metadata, and the rendered page against
// the scan.
package pdfacheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu/pdfa"
)

// Tools are the commands Check runs.
var Tools = []string{"qpdf", "pdffonts", "pdfimages", "pdftotext", "pdfinfo", "pdftocairo"}

// Page is what one page of the file must hold.
type Page struct {
	Image []byte  // the scan, JPEG or PNG
	DPI   float64 // its resolution
	Words []pdfa.Word
	// Text, if set, is what the text layer must read (else the words);
	// white space does not count.
	Text string
}

// Options of Check.
type Options struct {
	Title string // the title the metadata must carry
	// Render compares the first Render pages, rendered at the scan's
	// resolution, with the scan.
	Render int
}

// Check runs the checks on the file at path and returns what fails, each
// a sentence naming the page.
func Check(path string, pages []Page, opt Options) []string {
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	run := func(name string, args ...string) string {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			fail("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	// Structure: qpdf reads every object and decodes every stream.
	if out := run("qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		fail("qpdf --check: %s", out)
	}

	// Fonts: every font embedded.
	fonts := strings.Split(strings.TrimSpace(run("pdffonts", path)), "\n")
	if len(fonts) < 3 {
		fail("pdffonts lists no font")
	}
	for _, l := range fonts[min(2, len(fonts)):] {
		f := strings.Fields(l)
		if len(f) < 5 || f[len(f)-5] != "yes" {
			fail("font not embedded: %s", l)
		}
	}

	// Images: one per page, at the scan's size and resolution.
	imgs := strings.Split(strings.TrimSpace(run("pdfimages", "-list", path)), "\n")
	if len(imgs) < 2 || len(imgs)-2 != len(pages) {
		fail("pdfimages lists %d images for %d pages", max(0, len(imgs)-2), len(pages))
	} else {
		for i, l := range imgs[2:] {
			f := strings.Fields(l)
			cfg, _, err := image.DecodeConfig(bytes.NewReader(pages[i].Image))
			if err != nil {
				fail("page %d: the scan does not decode: %v", i+1, err)
				continue
			}
			page, _ := strconv.Atoi(f[0])
			w, _ := strconv.Atoi(f[3])
			h, _ := strconv.Atoi(f[4])
			xppi, _ := strconv.Atoi(f[12])
			yppi, _ := strconv.Atoi(f[13])
			dpi := int(math.Round(pages[i].DPI))
			if page != i+1 || w != cfg.Width || h != cfg.Height || abs(xppi-dpi) > 1 || abs(yppi-dpi) > 1 {
				fail("page %d: image %s, want page %d %d×%d at %d ppi", i+1, l, i+1, cfg.Width, cfg.Height, dpi)
			}
		}
	}

	// The text layer: the text in order, and each word on its box.
	dir, err := os.MkdirTemp("", "pdfacheck")
	if err != nil {
		return append(bad, err.Error())
	}
	defer os.RemoveAll(dir)
	for i, p := range pages {
		n := strconv.Itoa(i + 1)
		raw := run("pdftotext", "-raw", "-enc", "UTF-8", "-f", n, "-l", n, path, "-")
		want := p.Text
		if want == "" {
			var words []string
			for _, w := range p.Words {
				words = append(words, w.Text)
			}
			want = strings.Join(words, " ")
		}
		if got, w := Spaces(raw), Spaces(norm.NFC.String(want)); got != w {
			at := 0
			for at < min(len(got), len(w)) && got[at] == w[at] {
				at++
			}
			from := max(0, at-60)
			fail("page %d: the text layer reads %q, want %q (from byte %d)", i+1, clip(got[from:]), clip(w[from:]), from)
		}
		if !norm.NFC.IsNormalString(raw) {
			fail("page %d: copied text is not NFC", i+1)
		}
		bad = append(bad, checkBoxes(i+1, run("pdftotext", "-raw", "-bbox", "-f", n, "-l", n, path, "-"), p)...)
	}

	// Metadata: the PDF/A identification and the title.
	meta := run("pdfinfo", "-meta", path)
	if !regexp.MustCompile(`<pdfaid:part>2</pdfaid:part>`).MatchString(meta) || !strings.Contains(meta, "<pdfaid:conformance>B</pdfaid:conformance>") {
		fail("pdfinfo -meta shows no PDF/A-2b identification")
	}
	if err := wellFormed(meta); err != nil {
		fail("XMP metadata is not well-formed XML: %v", err)
	}
	if opt.Title != "" && !strings.Contains(meta, xmlEscape(opt.Title)) {
		fail("the metadata lacks the title %q", opt.Title)
	}
	if info := run("pdfinfo", path); !regexp.MustCompile(`(?m)^Pages:\s+` + strconv.Itoa(len(pages)) + `$`).MatchString(info) {
		fail("pdfinfo: %s", info)
	}

	for i, p := range pages[:min(opt.Render, len(pages))] {
		if msg := comparePage(dir, path, i+1, p); msg != "" {
			fail("%s", msg)
		}
	}
	return bad
}

var bboxWord = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)

// checkBoxes matches pdftotext's words with the page's, in order, and
// requires each within 2 pt of its box. A word pdftotext splits (one with
// a space inside) is taken whole.
func checkBoxes(page int, bbox string, p Page) []string {
	type box struct {
		text           string
		x0, y0, x1, y1 float64
	}
	var got []box
	for _, m := range bboxWord.FindAllStringSubmatch(bbox, -1) {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		got = append(got, box{html.UnescapeString(m[5]), f(m[1]), f(m[2]), f(m[3]), f(m[4])})
	}
	var bad []string
	k := 0
	s := 72 / p.DPI
	for _, w := range p.Words {
		parts := strings.Fields(norm.NFC.String(w.Text))
		if len(parts) == 0 {
			continue
		}
		if k+len(parts) > len(got) {
			return append(bad, fmt.Sprintf("page %d: pdftotext -bbox has %d words, fewer than the page's", page, len(got)))
		}
		first, last := got[k], got[k+len(parts)-1]
		for j, part := range parts {
			if got[k+j].text != part {
				return append(bad, fmt.Sprintf("page %d: pdftotext -bbox word %d is %q, want %q", page, k+j, got[k+j].text, part))
			}
		}
		k += len(parts)
		d := max(math.Abs(first.x0-w.X0*s), math.Abs(first.y0-w.Y0*s), math.Abs(last.x1-w.X1*s), math.Abs(last.y1-w.Y1*s))
		if d > 2 {
			bad = append(bad, fmt.Sprintf("page %d: %q at [%.1f %.1f %.1f %.1f] pt, %.1f pt from its box [%.1f %.1f %.1f %.1f]",
				page, w.Text, first.x0, first.y0, last.x1, last.y1, d, w.X0*s, w.Y0*s, w.X1*s, w.Y1*s))
		}
	}
	if k != len(got) {
		bad = append(bad, fmt.Sprintf("page %d: pdftotext -bbox has %d words, the page %d", page, len(got), k))
	}
	return bad
}

// comparePage renders a page at the scan's resolution and compares it with
// the scan: equal for a lossless scan; for a JPEG, within what two JPEG
// decoders differ by.
func comparePage(dir, path string, n int, p Page) string {
	scan, format, err := image.Decode(bytes.NewReader(p.Image))
	if err != nil {
		return fmt.Sprintf("page %d: scan: %v", n, err)
	}
	prefix := filepath.Join(dir, "r"+strconv.Itoa(n))
	dpi := strconv.FormatFloat(p.DPI, 'f', -1, 64)
	ns := strconv.Itoa(n)
	// Cairo, not Splash: pdftoppm draws an image one pixel wider than its
	// place and resamples it.
	if out, err := exec.Command("pdftocairo", "-r", dpi, "-f", ns, "-l", ns, "-singlefile", "-png", path, prefix).CombinedOutput(); err != nil {
		return fmt.Sprintf("page %d: pdftocairo: %v: %s", n, err, out)
	}
	b, err := os.ReadFile(prefix + ".png")
	if err != nil {
		return err.Error()
	}
	rendered, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return err.Error()
	}
	// The renderer rounds the page's size in pixels up: one pixel more is
	// rounding, not scaling.
	if rs, ss := rendered.Bounds().Size(), scan.Bounds().Size(); rs.X-ss.X < 0 || rs.X-ss.X > 1 || rs.Y-ss.Y < 0 || rs.Y-ss.Y > 1 {
		return fmt.Sprintf("page %d: rendered %v, scan %v", n, rs, ss)
	}
	// What the page shows: the scan on white paper.
	r := scan.Bounds()
	paper := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(paper, paper.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(paper, paper.Bounds(), scan, r.Min, draw.Over)
	scan, r = paper, paper.Bounds()
	var sum, worst float64
	for y := 0; y < r.Dy(); y++ {
		for x := 0; x < r.Dx(); x++ {
			a := color.GrayModel.Convert(scan.At(r.Min.X+x, r.Min.Y+y)).(color.Gray).Y
			c := color.GrayModel.Convert(rendered.At(x, y)).(color.Gray).Y
			d := math.Abs(float64(a) - float64(c))
			sum += d
			worst = max(worst, d)
		}
	}
	mean := sum / float64(r.Dx()*r.Dy())
	if format == "jpeg" && (mean > 1.5 || worst > 48) || format != "jpeg" && worst > 1 {
		return fmt.Sprintf("page %d: rendered page differs from the %s scan: mean %.2f, worst %.0f grey levels", n, format, mean, worst)
	}
	return ""
}

// Spaces collapses every run of white space to one space.
func Spaces(s string) string { return strings.Join(strings.Fields(s), " ") }

func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func clip(s string) string {
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
