package ocr

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	_ "image/jpeg" // decode page images
	_ "image/png"
	"slices"
	"strings"

	"github.com/otiai10/gosseract/v2"
	_ "golang.org/x/image/tiff" // DecodeConfig of TIFF page images

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// Config configures recognition.
type Config struct {
	Language       string   // Tesseract language(s), e.g. "vie"
	TessdataPrefix string   // folder of *.traineddata; empty for Tesseract's default
	Clean          []string // clean-up steps before recognition (see Clean)
}

// DefaultClean is the clean-up applied by default.
var DefaultClean = []string{StepRedDropout, StepLevels, StepScale, StepShade, StepBed, StepHoles, StepCreases, StepMedian, StepOrient, StepDeskew, StepRules, StepFlatten}

// DefaultConfig recognises Vietnamese with the system's tessdata.
func DefaultConfig() Config { return Config{Language: "vie", Clean: DefaultClean} }

// Flags registers the config's flags on fs.
func (c *Config) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.Language, "ocr-lang", c.Language, "Tesseract language(s), joined by +")
	fs.StringVar(&c.TessdataPrefix, "tessdata", c.TessdataPrefix, "folder of Tesseract traineddata (default: the system's)")
	fs.Func("ocr-clean", fmt.Sprintf("clean-up steps before OCR, comma-separated, or none (of %s; default %s)",
		strings.Join(AllSteps, ", "), strings.Join(DefaultClean, ",")), func(s string) error {
		steps, err := ParseSteps(s)
		c.Clean = steps
		return err
	})
}

// Worker recognises page images with one Tesseract engine, kept warm between
// pages. A Worker must be used by one goroutine only: Tesseract engines are
// not safe for concurrent use. Close releases the engine.
type Worker struct {
	cfg    Config
	client *gosseract.Client
}

// NewWorker starts a Tesseract engine.
func NewWorker(cfg Config) (*Worker, error) {
	quietLeptonica()
	w := &Worker{cfg: cfg}
	if err := w.reset(); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *Worker) reset() error {
	if w.client != nil {
		w.client.Close()
	}
	c := gosseract.NewClient()
	if w.cfg.TessdataPrefix != "" {
		if err := c.SetTessdataPrefix(w.cfg.TessdataPrefix); err != nil {
			c.Close()
			return vanthu.E("ocr: start", vanthu.Transient, err)
		}
	}
	if err := c.SetLanguage(strings.Split(w.cfg.Language, "+")...); err != nil {
		c.Close()
		return vanthu.E("ocr: start", vanthu.Transient, err)
	}
	// Office documents have no white-on-black text: skip Tesseract's second
	// reading of doubtful lines inverted (about 7% of the time, same text).
	c.SetVariable("tessedit_do_invert", "0")
	w.client = c
	return nil
}

// Close releases the engine.
func (w *Worker) Close() error {
	if w.client == nil {
		return nil
	}
	err := w.client.Close()
	w.client = nil
	return err
}

// Recognize reads the text of one page image (PNG, JPEG or TIFF bytes) at
// dpi (0: as the image says). A blank page gives empty text. A page with ink
// on it that gives no text is read again with a fresh engine, because
// Tesseract can fail silently; if it still gives none, it is marked Unread
// (a photograph, a drawing, a stamp alone): the document goes on, and the
// clerk is told.
func (w *Worker) Recognize(ctx context.Context, img []byte, dpi int) (vanthu.PageText, error) {
	return w.RecognizePage(ctx, img, vanthu.PageImage{DPI: dpi})
}

// RecognizePage is Recognize for a page image the rasteriser made (img is
// its image's bytes), with what it knows of the page: the numerals its PDF
// draws over the scan (Stamped), one of which, standing in the slot of the
// number or the day, is read there as printed; and the scan's coarser
// resolution (ScanDPI), below which the handwriting in the slots is read
// but left for a clerk to confirm.
//
// A page whose orientation Leptonica's statistics do not decide and whose
// reading is mostly no syllables (see readsTurned) is read again turned,
// the way the statistics leaned first, then half round, then to either
// side, and the first reading of the language with clearly more
// syllables is kept: the statistics decide only where a page measures
// one way 2.5 times as surely as on the other axis, and a short letter
// fed head first measured −7.0 against 3.0.
func (w *Worker) RecognizePage(ctx context.Context, img []byte, pi vanthu.PageImage) (vanthu.PageText, error) {
	pt, _, err := w.RecognizePageAsRead(ctx, img, pi)
	return pt, err
}

// RecognizePageAsRead is RecognizePage, and the page image as it was
// read where that is not as scanned (PageText.Turns, Flat), as a PNG
// stating the scan's resolution, for the page to be shown, cropped and
// archived as its words lie on it; nil for a page read as scanned.
func (w *Worker) RecognizePageAsRead(ctx context.Context, img []byte, pi vanthu.PageImage) (vanthu.PageText, []byte, error) {
	pt, retry, read, err := w.readPage(ctx, img, pi)
	if err == nil && readsTurned(pt.Words) {
		pi.Stamped = nil // drawn on the page as scanned
		_, share := syllables(pt.Words)
		for _, t := range retry {
			turned, terr := turnUpright(img, t)
			if terr != nil {
				break
			}
			tp, _, tread, terr := w.readPage(ctx, turned, pi)
			if terr != nil {
				break
			}
			if _, s := syllables(tp.Words); tp.Turns == 0 && !readsTurned(tp.Words) && s >= share+minTurnedGain {
				tp.Turns = t
				pt, read = tp, tread
				break
			}
		}
	}
	if err != nil || pt.Turns == 0 && !pt.Flat {
		return pt, nil, err
	}
	png, err := asPNG(read)
	return pt, png, err
}

// turnsToTry are the quarter turns a page Leptonica did not decide on is
// read again in if it reads as no language: the one Leptonica leaned to
// first, then half round, then either side.
func turnsToTry(leaning int) []int {
	out := []int{2, 1, 3}
	if i := slices.Index(out, leaning); i > 0 {
		out[0], out[i] = out[i], out[0]
	}
	return out
}

// readPage is RecognizePage without the readings turned: it also returns
// the turns to read the page in again if it reads as no language (none
// where Leptonica decided the page's orientation).
func (w *Worker) readPage(ctx context.Context, img []byte, pi vanthu.PageImage) (pt vanthu.PageText, retry []int, read []byte, err error) {
	dpi, stamped := pi.DPI, pi.Stamped
	if err := ctx.Err(); err != nil {
		return pt, retry, read, err
	}
	// gosseract crashes on bytes Leptonica cannot read; check first.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return pt, retry, read, vanthu.E("ocr", vanthu.Invalid, err)
	}
	// Clean always runs: with no steps it still hands Tesseract a grey
	// image that states the page's real resolution.
	cl, err := cleanPage(img, dpi, w.cfg.Clean)
	if err != nil {
		return pt, retry, read, err
	}
	if cl.Undecided {
		retry = turnsToTry(cl.Leaning)
	}
	turns := 0 // made upright before the reading below
	if cl.Turns != 0 {
		// Scanned sideways or upside down: the page turned upright is
		// read as any page is, its handwriting read in its colours and
		// its signature block read again.
		if up, err := turnUpright(img, cl.Turns); err == nil {
			if c, err := cleanPage(up, dpi, w.cfg.Clean); err == nil && c.Turns == 0 {
				if cfg, _, err = image.DecodeConfig(bytes.NewReader(up)); err != nil {
					return pt, retry, read, vanthu.E("ocr", vanthu.Invalid, err)
				}
				img, cl, turns = up, c, cl.Turns
			}
		}
	}
	// A sheet photographed bent: the page with its lines made straight
	// is read as any page is, in its colours.
	flat := false
	if cl.Turns == 0 && slices.Contains(w.cfg.Clean, StepFlatten) && bent(cl) {
		if f, ok, err := flatten(img, dpi); err == nil && ok {
			c, err := cleanPage(f, dpi, w.cfg.Clean)
			fcfg, _, cerr := image.DecodeConfig(bytes.NewReader(f))
			if err == nil && cerr == nil && c.Turns == 0 {
				img, cl, cfg, flat = f, c, fcfg, true
				stamped = nil // drawn on the page as scanned
			}
		}
	}
	read = img // the page as read: upright, flat
	// The page in its colours, decoded once, when a reading of its
	// header asks for it.
	var decoded image.Image
	decode := func() image.Image {
		if decoded == nil {
			decoded, _, _ = image.Decode(bytes.NewReader(img))
		}
		return decoded
	}
	src, scale, width := cl.Image, cl.Scale, cfg.Width
	if cl.Turns%2 == 1 {
		width = cfg.Height // boxes are on the page turned upright
	}
	for attempt := 0; ; attempt++ {
		var disputed []image.Rectangle
		var disputes []toneDispute
		words, err := w.recognize(src)
		if err != nil {
			return pt, retry, read, err
		}
		unscale(words, scale)
		if cl.Turns == 0 {
			words = w.rereadSignature(cl, words, cfg.Width, cfg.Height)
			words, disputes = w.rereadHooks(cl, words, cfg.Width, cfg.Height)
			if colour(cfg.ColorModel) {
				words = w.rereadColouredHead(decode, cl, words, cfg.Width, cfg.Height)
				words = w.rereadColouredFoot(decode, cl, words, cfg.Width, cfg.Height)
				words = w.rereadNumberLine(decode, cl, words, cfg.Width, cfg.Height)
			}
			disputed = w.disputedFigures(cl, words, cfg.Width, cfg.Height)
		}
		pt = assemble(words, width)
		pt.Turns = (turns + cl.Turns) % 4 // the frame of the words
		pt.Flat = flat
		if cl.Turns == 0 {
			if turns != 0 {
				stamped = nil // drawn on the page as scanned, not as turned upright
			}
			detail := cl.DPI // the finest the scan shows
			if pi.ScanDPI > 0 && (detail == 0 || pi.ScanDPI < detail) {
				detail = pi.ScanDPI
			}
			if words, ok := w.readHeaderInk(img, decode, cl, detail, pt.Words, stamped, cfg.Width, cfg.Height); ok {
				pt.Words = words
				pt.Text = layout.Text(layout.ReadingOrder(layout.Segments(vanthu.Page{Width: width, Words: words})))
			}
			pt.Words = withReadings(unsureOf(pt.Words, disputed), disputes)
		}
		if pt.Text != "" && pt.Confidence >= faintReading && len(pt.Words) >= 3 {
			return pt, retry, read, nil
		}
		blank, err := isBlank(img)
		if err != nil {
			return pt, retry, read, vanthu.E("ocr", vanthu.Invalid, err)
		}
		if blank {
			// No ink darker than mid-grey: what was read of it, if
			// anything, is a few words, or words no surer than
			// faintReading, and no text (the back of a sheet printed
			// on one side, its front's print showing through).
			return vanthu.PageText{TextSource: pt.TextSource, Turns: pt.Turns, Flat: pt.Flat}, retry, read, nil
		}
		if pt.Text != "" {
			return pt, retry, read, nil
		}
		if attempt == 1 {
			pt.Unread = true
			return pt, retry, read, nil
		}
		// Once more with a fresh engine.
		if err := w.reset(); err != nil {
			return pt, retry, read, err
		}
	}
}

func (w *Worker) recognize(img []byte) ([]gosseract.BoundingBox, error) {
	if w.client == nil {
		return nil, vanthu.Errorf("ocr", vanthu.Invalid, "worker is closed")
	}
	if err := w.client.SetImageFromBytes(img); err != nil {
		return nil, vanthu.E("ocr", vanthu.Invalid, err)
	}
	boxes, err := w.client.GetBoundingBoxesVerbose()
	if err != nil {
		return nil, vanthu.E("ocr", vanthu.Transient, err)
	}
	return boxes, nil
}

// unscale maps word boxes from a scaled page back to the stored page.
func unscale(words []gosseract.BoundingBox, scale float64) {
	if scale == 1 || scale <= 0 {
		return
	}
	for i := range words {
		b := &words[i].Box
		b.Min.X, b.Min.Y = int(float64(b.Min.X)/scale), int(float64(b.Min.Y)/scale)
		b.Max.X, b.Max.Y = int(float64(b.Max.X)/scale), int(float64(b.Max.Y)/scale)
	}
}

// toWords keeps the recognised words with their boxes, numbering the text
// lines.
func toWords(boxes []gosseract.BoundingBox) []vanthu.Word {
	var (
		out     []vanthu.Word
		line    = -1
		prevKey [3]int
	)
	for _, bx := range boxes {
		word := strings.TrimSpace(dict.NFC(bx.Word))
		if word == "" {
			continue
		}
		key := [3]int{bx.BlockNum, bx.ParNum, bx.LineNum}
		if key != prevKey || line < 0 {
			line++
			prevKey = key
		}
		out = append(out, vanthu.Word{
			Text: word, X0: bx.Box.Min.X, Y0: bx.Box.Min.Y, X1: bx.Box.Max.X, Y1: bx.Box.Max.Y,
			Confidence: bx.Confidence, Block: bx.BlockNum, Line: line,
		})
	}
	return out
}

// assemble lays the words out as text in reading order (package layout):
// one printed segment a line, the two columns of the header and of the
// closing block each read left first.
func assemble(boxes []gosseract.BoundingBox, width int) vanthu.PageText {
	var pt vanthu.PageText
	pt.Words = toWords(boxes)
	var sum float64
	for _, w := range pt.Words {
		sum += w.Confidence
	}
	if len(pt.Words) > 0 {
		pt.Confidence = sum / float64(len(pt.Words))
	}
	pt.RawText = layout.Text(layout.ReadingOrder(layout.Segments(vanthu.Page{Width: width, Words: pt.Words})))
	// Correct each word, with the page's own spellings as context; the raw
	// reading stays for audit.
	seen := pageSyllables(pt.Words)
	for i := range pt.Words {
		pt.Words[i].Text = Correct(pt.Words[i].Text, seen)
	}
	CorrectCompounds(pt.Words)
	CorrectProvinces(pt.Words)
	pt.Text = layout.Text(layout.ReadingOrder(layout.Segments(vanthu.Page{Width: width, Words: pt.Words})))
	pt.TextSource = "ocr"
	return pt
}

// faintReading is the mean confidence (0–100) below which the reading of
// a page with no ink darker than mid-grey (isBlank) is taken for no text,
// as is a reading of fewer than three words there. Tesseract reads the
// pages of the real twelve scanned light (their black at 45% of its
// darkness), made black by StepLevels, at 86 to 95 each; the mirrored
// print showing through a sheet's blank back, at a quarter of the
// paper's light, as a litter of marks at 19 to 23.
const faintReading = 50

// isBlank reports whether a page image has (almost) no ink: fewer than one
// pixel in 2,000 darker than mid-grey. A scanner's bed or lid shows dark
// around a sheet laid on the glass off its edges or askew, and a copier's
// shadow darkens the sheet's edges: dark that runs in from the image's edge
// along a row is no ink.
func isBlank(data []byte) (bool, error) {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return false, err
	}
	r := img.Bounds()
	isDark := func(x, y int) bool {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return (cr+cg+cb)/3 < 0x8000
	}
	var dark, total int
	// Every second pixel in each direction is plenty.
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		var row []bool
		for x := r.Min.X; x < r.Max.X; x += 2 {
			row = append(row, isDark(x, y))
		}
		total += len(row)
		lo, hi := edgeRun(row), len(row)
		if lo < len(row) {
			slices.Reverse(row)
			hi -= edgeRun(row)
			row = row[len(row)-hi : len(row)-lo]
			for _, d := range row {
				if d {
					dark++
				}
			}
		}
	}
	return total == 0 || dark*2000 < total, nil
}

// edgeRun is the length of the dark run at the start of a row of samples,
// through specks of light in it (a scanner's noise, JPEG's ringing): it
// ends at the first light run of four samples.
func edgeRun(row []bool) int {
	end, light := 0, 0
	for i, d := range row {
		if d {
			end, light = i+1, 0
			continue
		}
		if light++; light == 4 || end == 0 {
			break
		}
	}
	return end
}
