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
	"unicode/utf8"

	"github.com/otiai10/gosseract/v2"
	_ "golang.org/x/image/tiff" // DecodeConfig of TIFF page images
	"golang.org/x/text/unicode/norm"

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
var DefaultClean = []string{StepRedDropout, StepScale, StepBed, StepMedian, StepOrient, StepDeskew, StepRules}

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
	pt, retry, err := w.readPage(ctx, img, pi)
	if err != nil || !readsTurned(pt.Words) {
		return pt, err
	}
	pi.Stamped = nil // drawn on the page as scanned
	_, share := syllables(pt.Words)
	for _, t := range retry {
		turned, err := turnUpright(img, t)
		if err != nil {
			return pt, nil
		}
		tp, _, err := w.readPage(ctx, turned, pi)
		if err != nil {
			return pt, nil
		}
		if _, s := syllables(tp.Words); tp.Turns == 0 && !readsTurned(tp.Words) && s >= share+minTurnedGain {
			tp.Turns = t
			return tp, nil
		}
	}
	return pt, nil
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
func (w *Worker) readPage(ctx context.Context, img []byte, pi vanthu.PageImage) (pt vanthu.PageText, retry []int, err error) {
	dpi, stamped := pi.DPI, pi.Stamped
	if err := ctx.Err(); err != nil {
		return pt, retry, err
	}
	// gosseract crashes on bytes Leptonica cannot read; check first.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return pt, retry, vanthu.E("ocr", vanthu.Invalid, err)
	}
	// Clean always runs: with no steps it still hands Tesseract a grey
	// image that states the page's real resolution.
	cl, err := cleanPage(img, dpi, w.cfg.Clean)
	if err != nil {
		return pt, retry, err
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
					return pt, retry, vanthu.E("ocr", vanthu.Invalid, err)
				}
				img, cl, turns = up, c, cl.Turns
			}
		}
	}
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
		words, err := w.recognize(src)
		if err != nil {
			return pt, retry, err
		}
		unscale(words, scale)
		if cl.Turns == 0 {
			words = w.rereadSignature(cl, words, cfg.Width, cfg.Height)
			words = w.rereadHooks(cl, words, cfg.Width, cfg.Height)
			if colour(cfg.ColorModel) {
				words = w.rereadNumberLine(decode, cl, words, cfg.Width, cfg.Height)
			}
		}
		pt = assemble(words, width)
		pt.Turns = (turns + cl.Turns) % 4 // the frame of the words
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
		}
		if pt.Text != "" {
			return pt, retry, nil
		}
		blank, err := isBlank(img)
		if err != nil {
			return pt, retry, vanthu.E("ocr", vanthu.Invalid, err)
		}
		if blank {
			return pt, retry, nil
		}
		if attempt == 1 {
			pt.Unread = true
			return pt, retry, nil
		}
		// Once more with a fresh engine.
		if err := w.reset(); err != nil {
			return pt, retry, err
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

// rereadSignature reads the signature block again when the first reading
// of it is poor. A seal (grey when scanned in grey) and the signature lie
// over the signer's role and name; read a second time with light greys
// made paper (StepInk), they fade while the dark ink stays. Only that block
// is read again: done to the whole page, the same step costs the small
// print of the Nơi nhận list. The words of the second reading replace those
// of the first inside the block.
func (w *Worker) rereadSignature(cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	sig, poor, list := closingRegions(toWords(words), width, height)
	if !list.Empty() {
		// The Nơi nhận list in small print shares its rows with the role
		// lines in large bold: read together, the small print is
		// normalised to the large height and misread. Read alone, it is
		// not.
		words = w.reread(cl, words, list, nil)
	}
	if poor {
		words = w.reread(cl, words, sig, []string{StepInk})
	}
	return words
}

// rereadHooks reads the head of a first page (the rows under the number:
// type, trích yếu, marks; see headBand) again without the median filter and
// takes from that reading only hỏi marks where the first has sắc. The hook
// of hỏi is a hairline curl that a 3×3 median cuts down to a short stroke,
// which reads as sắc (kiểm → kiếm, chuyển đổi → chuyến đối); the filter
// cannot make a hook, so a hook read without it is ink on the page. Every
// other difference keeps the filtered reading, which resists noise better.
func (w *Worker) rereadHooks(cl Cleaned, words []gosseract.BoundingBox, width, height int) []gosseract.BoundingBox {
	if cl.Plain == nil {
		return words
	}
	r := headBand(toWords(words), width, height)
	if r.Empty() {
		return words
	}
	second := w.readRegion(Cleaned{Image: cl.Plain, Scale: cl.Scale}, r, nil)
	for i := range words {
		if !hookable(words[i].Word) {
			continue
		}
		best, bestArea := -1, 0
		for j := range second {
			if a := area(words[i].Box.Intersect(second[j].Box)); a > bestArea {
				best, bestArea = j, a
			}
		}
		if best >= 0 && bestArea*2 > area(words[i].Box) {
			if h, ok := hooked(words[i].Word, second[best].Word); ok {
				words[i].Word = h
			}
		}
	}
	return words
}

func area(r image.Rectangle) int { return r.Dx() * r.Dy() }

// hookable reports whether w has a sắc mark that could be a hỏi: the word
// with hỏi in its place is a Vietnamese syllable (no hỏi on a syllable closed
// by p, t, c or ch).
func hookable(w string) bool {
	d := norm.NFD.String(strings.ToLower(w))
	if !strings.ContainsRune(d, '\u0301') {
		return false
	}
	core, _, _ := splitPunct(norm.NFC.String(strings.ReplaceAll(d, "\u0301", "\u0309")))
	return dict.IsSyllable(core)
}

// hooked returns b when it is a with one or more sắc marks read as hỏi and
// nothing else changed.
func hooked(a, b string) (string, bool) {
	da, db := []rune(norm.NFD.String(a)), []rune(norm.NFD.String(b))
	if len(da) != len(db) {
		return "", false
	}
	changed := false
	for i := range da {
		switch {
		case da[i] == db[i]:
		case da[i] == '\u0301' && db[i] == '\u0309':
			changed = true
		default:
			return "", false
		}
	}
	return norm.NFC.String(b), changed
}

// headBand is the part of a first page under the row of "Số:" where the
// type, the trích yếu and the marks are: of the six rows after it, down to
// the body ("Kính gửi", "Căn cứ"), those with a word that may have lost its
// hook. It is empty on other pages.
func headBand(words []vanthu.Word, width, height int) image.Rectangle {
	rows := layout.Rows(layout.Segments(vanthu.Page{Width: width, Words: words}))
	for i, row := range rows {
		f := strings.ToUpper(dict.Fold(row[0].Text))
		if row[0].Y0 > height/2 || row[0].Zone != layout.Left || !strings.HasPrefix(f, "SO") || !strings.Contains(f, "/") {
			continue
		}
		var band image.Rectangle
		line := row[0].Y1 - row[0].Y0
		for _, next := range rows[i+1 : min(len(rows), i+7)] {
			f := strings.ToUpper(dict.Fold(next[0].Text))
			if strings.HasPrefix(f, "KINH GUI") || strings.HasPrefix(f, "CAN CU") {
				break
			}
			for _, s := range next {
				if slices.ContainsFunc(strings.Fields(s.Text), hookable) {
					band = band.Union(image.Rect(s.X0, s.Y0, s.X1, s.Y1))
				}
			}
		}
		if band.Empty() {
			return band
		}
		// A margin of half a line for the marks above capitals.
		return image.Rect(0, max(0, band.Min.Y-line/2), width, min(height, band.Max.Y+line/2))
	}
	return image.Rectangle{}
}

// reread reads the part r of the page (in stored-page pixels) again, after
// the clean-up steps given, and puts the words it finds there in place of
// the first reading's.
func (w *Worker) reread(cl Cleaned, words []gosseract.BoundingBox, r image.Rectangle, steps []string) []gosseract.BoundingBox {
	second := w.readRegion(cl, r, steps)
	if len(second) == 0 {
		return words
	}
	out := make([]gosseract.BoundingBox, 0, len(words)+len(second))
	for _, b := range words {
		if !image.Pt((b.Box.Min.X+b.Box.Max.X)/2, (b.Box.Min.Y+b.Box.Max.Y)/2).In(r) {
			out = append(out, b)
		}
	}
	for _, b := range second {
		b.BlockNum += 1 << 20 // lines of their own
		out = append(out, b)
	}
	return out
}

// readRegion reads the part r of the page cl (in stored-page pixels) after
// the clean-up steps given; the boxes are in stored-page pixels.
func (w *Worker) readRegion(cl Cleaned, r image.Rectangle, steps []string) []gosseract.BoundingBox {
	// The block is cut from the cleaned page, whose frame the first
	// reading's boxes share (once unscaled).
	scaled := image.Rect(int(float64(r.Min.X)*cl.Scale), int(float64(r.Min.Y)*cl.Scale),
		int(float64(r.Max.X)*cl.Scale), int(float64(r.Max.Y)*cl.Scale))
	block, err := CleanRegion(cl.Image, 0, steps, scaled)
	if err != nil {
		return nil
	}
	second, err := w.recognize(block.Image)
	if err != nil {
		return nil
	}
	out := second[:0]
	for _, b := range second {
		b.Box = b.Box.Add(scaled.Min)
		// A mark or two against a side of the cut is a piece of what the
		// cut went through (a seal's rim), not a word.
		edge := b.Box.Max.X >= scaled.Max.X-2 || b.Box.Min.X <= scaled.Min.X+2
		if edge && utf8.RuneCountInString(strings.TrimSpace(b.Word)) <= 2 {
			continue
		}
		out = append(out, b)
	}
	unscale(out, cl.Scale)
	return out
}

// closingRegions finds the foot of an NĐ 30 page from the row of "Nơi
// nhận:" down: the signature block (the right column) with whether its
// first reading is poor (no line that reads as a name, or low confidence),
// and the Nơi nhận list (the column left of it). Both are empty on a page
// without "Nơi nhận:".
func closingRegions(words []vanthu.Word, width, height int) (sig image.Rectangle, poor bool, list image.Rectangle) {
	segs := layout.Segments(vanthu.Page{Width: width, Words: words})
	for _, s := range segs {
		if !dict.IsRecipientsLabel(s.Text) {
			continue
		}
		line := s.Y1 - s.Y0
		r := image.Rect(width*45/100, max(0, s.Y0-line/2), width, height)
		var conf float64
		var n int
		named := false
		for _, t := range segs {
			if t.Zone != layout.Right || !image.Pt(t.X0, t.Y0).In(r) {
				continue
			}
			conf += t.Conf
			n++
			named = named || dict.LooksLikeName(t.Text)
		}
		// The list ends where its own lines end, short of a seal's rim.
		right := 0
		for _, t := range segs {
			if t.Zone == layout.Left && t.Y0 > s.Y0 {
				right = max(right, t.X1)
			}
		}
		// The block starts where its own lines start (a little before,
		// not across the list): the Nơi nhận list beside it keeps its
		// first reading, and no line of the block is cut.
		left := width
		for _, t := range segs {
			if (t.Zone == layout.Right || t.Zone == layout.Centre) && t.X1 > r.Min.X && t.Y0 >= r.Min.Y {
				left = min(left, t.X0)
			}
		}
		if left < width {
			r.Min.X = max(left-4*line, min(left, right+line/2), width/4)
		}
		if right > 0 {
			list = image.Rect(0, max(0, s.Y1+line/4), min(r.Min.X, right+line), height)
		}
		return r, n == 0 || !named || conf/float64(n) < 70, list
	}
	return image.Rectangle{}, false, image.Rectangle{}
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
