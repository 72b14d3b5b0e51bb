package ocr

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// pdfImageSizes finds the pixel sizes of the image XObjects whose
// dictionaries are written plainly in a PDF (as scanners write them). It is
// a hint for choosing a render resolution, never a parser: images inside
// compressed object streams are not seen, and then no hint is given.
func pdfImageSizes(pdf []byte) [][2]int {
	const maxDict = 4096
	var out [][2]int
	seen := map[[2]int]bool{}
	rest := pdf
	for len(out) < 10000 {
		i := imageSubtype.FindIndex(rest)
		if i == nil {
			break
		}
		// The enclosing dictionary: back to "<<", forward to ">>".
		lo := bytes.LastIndex(rest[max(0, i[0]-maxDict):i[0]], []byte("<<"))
		hi := bytes.Index(rest[i[1]:min(len(rest), i[1]+maxDict)], []byte(">>"))
		if lo >= 0 && hi >= 0 {
			dict := rest[max(0, i[0]-maxDict)+lo : i[1]+hi]
			w, h := dictInt(dict, widthKey), dictInt(dict, heightKey)
			if w > 0 && h > 0 && !seen[[2]int{w, h}] {
				seen[[2]int{w, h}] = true
				out = append(out, [2]int{w, h})
			}
		}
		rest = rest[i[1]:]
	}
	return out
}

var (
	imageSubtype = regexp.MustCompile(`/Subtype\s*/Image\b`)
	widthKey     = regexp.MustCompile(`/Width\s+(\d{1,6})\b`)
	heightKey    = regexp.MustCompile(`/Height\s+(\d{1,6})\b`)
)

func dictInt(dict []byte, re *regexp.Regexp) int {
	m := re.FindSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// renderScale returns the scale to render a PDF page of pageW×pageH
// points at (pixels an inch of its box), and the resolution of the page
// image so made, for a page that holds a scan: the largest of images with
// the page's proportions, whose resolution on paper paperDPI gives. A scan
// renders at its own pixels, or at dpi where it is finer; so does a scan
// whose box is no paper size (written at one point a pixel, a 300 dpi A4
// scan makes a page 34 inches wide, 151 million pixels at 300 dpi). A page
// without one renders at dpi.
func renderScale(images [][2]int, pageW, pageH float64, dpi int) (float64, int) {
	if pageW <= 0 || pageH <= 0 {
		return float64(dpi), dpi
	}
	var scan [2]int
	for _, im := range images {
		ar := float64(im[0]) / float64(im[1])
		if math.Abs(ar-pageW/pageH) <= 0.01*pageW/pageH && im[0] > scan[0] {
			scan = im
		}
	}
	if scan[0] == 0 {
		return float64(dpi), dpi
	}
	native := float64(scan[0]) * 72 / pageW // the scan's pixels an inch of the box
	paper, boxed := paperDPI(native, scan[0], scan[1])
	switch {
	case paper < 50 || paper > 2400:
		return float64(dpi), dpi
	case boxed && (paper < 100 || paper > dpi):
		// Its box is its paper, and it is finer than needed, or so
		// coarse that it may be no scan (a letterhead drawn behind a
		// page of text): the page renders at dpi.
		return float64(dpi), dpi
	case paper <= dpi:
		return native, paper
	}
	return native * float64(dpi) / float64(paper), dpi
}

// pdfImage is an image a PDF page draws: its page (0: not known) and
// pixel size.
type pdfImage struct{ page, w, h int }

// onPage returns the sizes of the images page draws, with those whose page
// is not known.
func onPage(images []pdfImage, page int) [][2]int {
	var out [][2]int
	for _, im := range images {
		if im.page == page || im.page == 0 {
			out = append(out, [2]int{im.w, im.h})
		}
	}
	return out
}

// pdfImages lists the images of a PDF with poppler's `pdfimages -list`,
// which reads each image's dictionary without decoding its pixels, so
// images inside compressed object streams are seen too; where poppler is
// missing, the images whose dictionaries are written plainly
// (pdfImageSizes) are.
func pdfImages(path string) []pdfImage {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdfimages", "-list", path).Output()
	if err != nil {
		b, rerr := os.ReadFile(path)
		if rerr != nil {
			return nil
		}
		var ims []pdfImage
		for _, s := range pdfImageSizes(b) {
			ims = append(ims, pdfImage{0, s[0], s[1]})
		}
		return ims
	}
	var ims []pdfImage
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		page, err1 := strconv.Atoi(f[0])
		w, err2 := strconv.Atoi(f[3])
		h, err3 := strconv.Atoi(f[4])
		if err1 == nil && err2 == nil && err3 == nil {
			ims = append(ims, pdfImage{page, w, h})
		}
	}
	return ims
}
