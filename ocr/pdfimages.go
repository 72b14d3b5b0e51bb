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

// nativeDPI returns the resolution of the scan that fills a page of the
// given size in points, if one of the images has the page's proportions
// and a plausible resolution; else 0.
func nativeDPI(images [][2]int, pageW, pageH float64) int {
	if pageW <= 0 || pageH <= 0 {
		return 0
	}
	best := 0
	for _, im := range images {
		ar := float64(im[0]) / float64(im[1])
		if math.Abs(ar-pageW/pageH) > 0.01*pageW/pageH {
			continue
		}
		dpi := int(math.Round(float64(im[0]) * 72 / pageW))
		if dpi >= 100 && dpi <= 1200 && dpi > best {
			best = dpi
		}
	}
	return best
}

// pdfImage is an image a PDF page draws: its page and pixel size.
type pdfImage struct{ page, w, h int }

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
