package ocr

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"os"
	"strings"
	"syscall"
	"unicode"

	"github.com/gen2brain/go-fitz"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/dict"
)

// MaybeRasterChild runs the rasteriser and exits if this process was started
// as the rasteriser child by [Rasteriser.Rasterise]; otherwise it returns at
// once. Call it first thing in main and in TestMain.
func MaybeRasterChild() {
	spec, ok := os.LookupEnv(childEnv)
	if !ok {
		return
	}
	os.Exit(rasterChild(spec, os.Stdout))
}

func rasterChild(spec string, out io.Writer) int {
	enc := json.NewEncoder(out)
	failCode := func(code, format string, args ...any) int {
		enc.Encode(childLine{Error: fmt.Sprintf(format, args...), Code: code})
		return 2
	}
	fail := func(format string, args ...any) int { return failCode(CodeCorrupt, format, args...) }
	var job childJob
	if err := json.Unmarshal([]byte(spec), &job); err != nil {
		return fail("bad job: %v", err)
	}
	if m := uint64(job.Config.MaxMemory); m > 0 {
		if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &syscall.Rlimit{Cur: m, Max: m}); err != nil {
			return fail("set memory limit: %v", err)
		}
	}
	blobs, err := blob.Open(job.Blobs)
	if err != nil {
		return fail("%v", err)
	}
	blobs.Scratch = job.Scratch
	doc, err := fitz.New(job.Src)
	if errors.Is(err, fitz.ErrNeedsPassword) {
		return failCode(CodeEncrypted, "the PDF is encrypted (password protected)")
	}
	if err != nil {
		return fail("the file cannot be opened as %s: it is corrupt or truncated (%v)", job.Format, err)
	}
	defer doc.Close()
	n := doc.NumPage()
	switch {
	case n <= 0:
		return fail("the file has no pages")
	case n > job.Config.MaxPages:
		return failCode(CodeTooManyPages, "%d pages, more than the limit of %d", n, job.Config.MaxPages)
	}
	enc.Encode(childLine{Pages: n})
	var images []pdfImage // the PDF's, for the scale of a scanned page
	if job.Format == vanthu.PDF {
		images = pdfImages(job.Src)
	}
	if job.Probe {
		// Check every page's size at the scale it will render at, render
		// nothing.
		for i := range n {
			b, err := doc.Bound(i)
			if err != nil || b.Dx() <= 0 || b.Dy() <= 0 {
				return fail("page %d cannot be read", i+1)
			}
			scale, _ := renderScale(onPage(images, i+1), float64(b.Dx()), float64(b.Dy()), job.Config.DPI)
			w, h := int64(float64(b.Dx())*scale/72), int64(float64(b.Dy())*scale/72)
			if job.Format == vanthu.PDF && w*h > job.Config.MaxPixels {
				return failCode(CodePageTooLarge, "page %d is %.0f×%.0f mm, %d×%d pixels at %.0f dpi, more than the limit of %d pixels",
					i+1, float64(b.Dx())*25.4/72, float64(b.Dy())*25.4/72, w, h, scale, job.Config.MaxPixels)
			}
		}
		if job.Format == vanthu.PDF {
			// An image inside a PDF is held to the limit of an image
			// file: a small page can carry a decompression bomb.
			limit := cmp.Or(job.Config.MaxImagePixels, job.Config.MaxPixels)
			for _, im := range images {
				if int64(im.w)*int64(im.h) > limit {
					return failCode(CodeImageTooBig, "page %d holds an image of %d×%d pixels, more than the limit of %d pixels", im.page, im.w, im.h, limit)
				}
			}
		}
		return 0
	}
	for i := range n {
		b, err := doc.Bound(i)
		if err != nil {
			return fail("page %d cannot be read: %v", i+1, err)
		}
		// A page that is one scanned image is read from its scan, even
		// with a text layer under it: that layer is an earlier OCR's
		// (a scanner's searchable PDF), often of another language,
		// without the marks, the handwriting and the stamps.
		var content string // the text of the page's own content, visible or not
		if job.Format == vanthu.PDF {
			content, _ = doc.Text(i)
		}
		scanned, onScan, coarse := false, false, 0
		if svg, err := doc.SVG(i); err == nil {
			fill := fillingImage(svg)
			if data, dpi, ok := fill.scan(svg); ok && int64(fill.w)*int64(fill.h) <= job.Config.MaxPixels {
				scanned = true
				if job.Format == vanthu.TIFF && i < len(job.TIFFPages) && job.TIFFPages[i].DPI > 0 {
					dpi = job.TIFFPages[i].DPI
				}
				ref, err := blobs.PutBytes(context.Background(), data)
				if err != nil {
					return fail("page %d: store: %v", i+1, err)
				}
				pi := vanthu.PageImage{Number: i + 1, Pages: n, Image: ref, DPI: dpi, Width: fill.w, Height: fill.h}
				if job.Format == vanthu.PDF {
					pi.Stamped = stampedNumerals(context.Background(), job.Src, i+1, float64(fill.w)*72/float64(b.Dx()), content)
				}
				enc.Encode(childLine{Page: &pi})
			} else {
				// On a scan, what is drawn over it: MuPDF draws each
				// glyph of visible text as a <use>, and no invisible text.
				onScan = underScan(svg) && strings.Count(svg, "<use") < minGlyphsOverScan
				coarse = fill.coarse()
			}
		}
		if scanned {
			continue
		}
		var layer textLayer
		if job.Format == vanthu.PDF && !onScan {
			// A scan with a signing tool's stamp or a note drawn over
			// it, or an invisible layer the page is no one image for
			// (a scan split into layers), is rendered whole and OCRed:
			// that text is not the page's. A page of text laid on a
			// background image (a letterhead, a watermark) keeps its
			// layer.
			layer = pageTextLayer(content)
		}
		if b.Dx() <= 0 || b.Dy() <= 0 {
			return fail("page %d is empty (size %v)", i+1, b)
		}
		// A scanned page renders best at the resolution of its scan:
		// MuPDF's upsampling loses the marks of small capitals. Scans finer
		// than needed render at the configured resolution.
		scale, dpi := renderScale(onPage(images, i+1), float64(b.Dx()), float64(b.Dy()), job.Config.DPI)
		if job.Format == vanthu.TIFF && i < len(job.TIFFPages) {
			// Render a TIFF page at its own pixel size, whatever
			// resolution MuPDF assumed for it (96 dpi when a tag is
			// missing), and record the resolution the file states.
			tp := job.TIFFPages[i]
			dpi, scale = tp.DPI, float64(tp.Width)*72/float64(b.Dx())
		}
		w, h := int64(float64(b.Dx())*scale/72), int64(float64(b.Dy())*scale/72)
		if w*h > job.Config.MaxPixels {
			return failCode(CodePageTooLarge, "page %d is %.0f×%.0f mm, %d×%d pixels at %.0f dpi, more than the limit of %d pixels",
				i+1, float64(b.Dx())*25.4/72, float64(b.Dy())*25.4/72, w, h, scale, job.Config.MaxPixels)
		}
		img, err := doc.ImageDPI(i, scale)
		if err != nil {
			return fail("page %d cannot be rendered: %v", i+1, err)
		}
		data, err := EncodePNG(pageImage(img), dpi)
		if err != nil {
			return fail("page %d: %v", i+1, err)
		}
		ref, err := blobs.PutBytes(context.Background(), data)
		if err != nil {
			return fail("page %d: store: %v", i+1, err)
		}
		r := img.Bounds()
		pi := vanthu.PageImage{Number: i + 1, Pages: n, Image: ref, DPI: dpi, Width: r.Dx(), Height: r.Dy(),
			Text: layer.text, RawText: layer.raw, TextSource: layer.source}
		if coarse < dpi {
			pi.ScanDPI = coarse
		}
		if layer.text == "" && job.Format == vanthu.PDF {
			pi.Stamped = stampedNumerals(context.Background(), job.Src, i+1, scale, content)
		}
		if layer.source == "pdf" {
			// Word boxes, so that the header is read by its layout as
			// on a scan; without pdftotext, the layer's lines alone.
			if words, err := pdfWords(context.Background(), job.Src, i+1, scale); err == nil && len(words) > 0 {
				pi.Words, pi.Text = words, wordsText(words)
			} else if err != nil {
				fmt.Fprintf(os.Stderr, "page %d: word boxes: %v\n", i+1, err)
			}
		}
		enc.Encode(childLine{Page: &pi})
	}
	return 0
}

// textLayer is the usable text of a born-digital page.
type textLayer struct{ text, raw, source string }

// minLayerLetters is how many letters a text layer needs to stand in for
// OCR; minLayerShare is the share of its words that must be possible
// Vietnamese syllables (after legacy decoding); minLayerMarks the share of
// its words that must carry a mark of Vietnamese (a tone, a hat, a horn,
// a breve, đ): about nine in ten of Vietnamese text's do. Over an image
// that covers the page, a page of text draws minGlyphsOverScan glyphs or
// more; a signing tool's stamp (its signer, e-mail and time, about a
// hundred letters) draws fewer.
const (
	minLayerLetters   = 40
	minGlyphsOverScan = 250
	minLayerShare     = 0.6
	minLayerMarks     = 0.3
)

// pageTextLayer returns the page's text layer (raw, as MuPDF reads the
// page's content) if it is usable: enough letters that read as
// Vietnamese, with their marks, once text in the legacy TCVN3 or VNI
// encodings is converted. A layer that does not read
// (broken font encodings, OCR garbage) or has lost its marks (UY BAN NHAN
// DAN TINH) is ignored and the page is OCRed.
func pageTextLayer(raw string) textLayer {
	letters := 0
	for _, r := range raw {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minLayerLetters {
		return textLayer{}
	}
	raw = dict.NFC(strings.TrimSpace(raw))
	text, enc := dict.DecodeLegacy(raw)
	if dict.SyllableShare(text) < minLayerShare || dict.MarkShare(text) < minLayerMarks {
		return textLayer{}
	}
	l := textLayer{text: text, source: "pdf"}
	if enc != "" {
		l.source, l.raw = "pdf-"+enc, raw
	}
	return l
}

// pageImage returns img as 8-bit gray when it has no colour, which makes a
// page image a third of the size; a colour page stays colour so that later
// steps can tell a red seal from black text.
func pageImage(img *image.RGBA) image.Image {
	const tol = 12
	p := img.Pix
	for i := 0; i+3 < len(p); i += 4 {
		r, g, b := int(p[i]), int(p[i+1]), int(p[i+2])
		if abs(r-g) > tol || abs(g-b) > tol || abs(r-b) > tol {
			return img
		}
	}
	gray := image.NewGray(img.Bounds())
	for i, j := 0, 0; i+3 < len(p); i, j = i+4, j+1 {
		gray.Pix[j] = uint8((299*int(p[i]) + 587*int(p[i+1]) + 114*int(p[i+2])) / 1000)
	}
	return gray
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// EncodePNG encodes img as PNG with a pHYs chunk recording dpi, so that
// Tesseract and any viewer know the page's real size.
func EncodePNG(img image.Image, dpi int) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	out := b.Bytes()
	const ihdrEnd = 8 + 4 + 4 + 13 + 4 // signature + IHDR chunk
	if dpi <= 0 || len(out) < ihdrEnd {
		return out, nil
	}
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	chunk := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(chunk, 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], ppm)
	binary.BigEndian.PutUint32(chunk[12:], ppm)
	chunk[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	res := make([]byte, 0, len(out)+len(chunk))
	res = append(res, out[:ihdrEnd]...)
	res = append(res, chunk...)
	return append(res, out[ihdrEnd:]...), nil
}
