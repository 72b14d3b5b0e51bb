package eval

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gen2brain/go-fitz"

	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/intake/pipeline"
)

// inOrderFloors are the fields the code reads right of the real twelve
// rendered at 200 dpi in colour, each page once, in order; a scan of the
// same pages in another order reads them as well.
var inOrderFloors = map[string]int{
	"number": 9, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
	"subject": 11, "signer": 11, "signer_title": 11, "urgency": 12, "confidentiality": 12,
}

// TestRealDocumentsFedFaceDown reads the real documents as a duplex
// scanner scans a stack of sheets printed on one side and fed face down:
// each sheet's back first, blank but for the front's print showing
// through it, then its front. The fields are read from the first page
// with text, and the clerk is told that page 1 is blank; a blank back is
// no document of its own.
func TestRealDocumentsFedFaceDown(t *testing.T) {
	read, res := readSheets(t, len(rescans)+len(printedRescans), func(fronts []*image.RGBA) []*image.RGBA {
		var sheets []*image.RGBA
		for _, f := range fronts {
			sheets = append(sheets, backOf(f, 200), f)
		}
		return sheets
	})
	blankFirst := fmt.Sprintf(extract.LeadingPagesWarning, "1", 2)
	for _, tr := range read {
		if w := res[tr.ID].Warnings; !slices.Contains(w, blankFirst) || slices.ContainsFunc(w, severalDocuments) {
			t.Errorf("%s: warnings %q; want %q, and no other document", tr.ID, w, blankFirst)
		}
	}
	scoreRead(t, read, res)
}

// TestRealDocumentsScannedLastPageFirst reads the real documents scanned
// in reverse order, the last page first: the header is read from the
// last page and the foot from the first, the clerk told; no other
// document is taken to begin on the last page. A last page without text
// (blank, or a seal alone), first now, is passed over.
func TestRealDocumentsScannedLastPageFirst(t *testing.T) {
	read, res := readSheets(t, len(rescans)+len(printedRescans)+1, func(fronts []*image.RGBA) []*image.RGBA {
		out := slices.Clone(fronts)
		slices.Reverse(out)
		return out
	})
	for _, tr := range read {
		r := res[tr.ID]
		n := len(r.Pages)
		// Read from page n, the first page as printed: in reverse, or,
		// where the pages before it hold no text (the blank or the seal
		// alone that ended the document), past them.
		var before []string
		for i := 1; i < n; i++ {
			before = append(before, fmt.Sprint(i))
		}
		reversed, passed := fmt.Sprintf(extract.LastFirstWarning, n), fmt.Sprintf(extract.LeadingPagesWarning, strings.Join(before, ", "), n)
		if n > 1 && !slices.Contains(r.Warnings, reversed) && !slices.Contains(r.Warnings, passed) || slices.ContainsFunc(r.Warnings, severalDocuments) {
			t.Errorf("%s (%d pages): warnings %q; want the fields read from page %d, and no other document", tr.ID, n, r.Warnings, n)
		}
	}
	scoreRead(t, read, res)
}

// severalDocuments reports whether warning w says the file holds several
// documents.
func severalDocuments(w string) bool { return strings.Contains(w, "nhiều văn bản") }

// readSheets renders each page of the real documents that the way of
// scanning numbered way reads (see sampled) at 200 dpi in colour,
// arranges them as a scanner gives them (sheets: the pages in order in,
// the images of the scan out), and reads each scan, a JPEG a page,
// through the whole pipeline.
func readSheets(t *testing.T, way int, sheets func(pages []*image.RGBA) []*image.RGBA) ([]RealTruth, map[string]pipeline.Result) {
	t.Helper()
	dir, truths := realToRescan(t)
	read := sampledOf(way, truths)
	out := t.TempDir()
	err := parallel(len(read), func(i int) error {
		tr := read[i]
		doc, err := fitz.New(filepath.Join(dir, tr.File))
		if err != nil {
			return err
		}
		defer doc.Close()
		var pages []*image.RGBA
		for p := range doc.NumPage() {
			img, err := doc.ImageDPI(p, 200)
			if err != nil {
				return fmt.Errorf("%s page %d: %v", tr.ID, p+1, err)
			}
			pages = append(pages, img)
		}
		return os.WriteFile(filepath.Join(out, tr.ID+".pdf"), imagesPDF(sheets(pages), 200, jpegImage), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := processRescanned(out, read)
	if err != nil {
		t.Fatal(err)
	}
	return read, res
}

// scoreRead scores the fields of the real documents read against
// inOrderFloors (held on those read), with none wrong without review.
func scoreRead(t *testing.T, read []RealTruth, res map[string]pipeline.Result) {
	t.Helper()
	var cases []fieldCase
	for _, tr := range read {
		cases = append(cases, fieldCase{tr.ID, tr.Metadata, res[tr.ID]})
	}
	all, err := LoadReal(RealDir("../.."))
	if err != nil {
		t.Fatal(err)
	}
	scoreFields(t, cases, RealFields, sampleFloors(inOrderFloors, len(all), len(read)), 0)
}

// backOf is the back of a sheet printed on one side, front, scanned at
// dpi: the paper, a little yellow, and the front's print showing through
// it mirrored, blurred by the paper and faint (at most a quarter of the
// paper's light taken, as on thin paper).
func backOf(front *image.RGBA, dpi int) *image.RGBA {
	r := front.Bounds()
	w, h := r.Dx(), r.Dy()
	ink := make([]float64, w*h) // the front's darkness, 0 to 1, mirrored
	for y := range h {
		for x := range w {
			g := color.GrayModel.Convert(front.At(r.Max.X-1-x, r.Min.Y+y)).(color.Gray)
			ink[y*w+x] = 1 - float64(g.Y)/255
		}
	}
	ink = boxBlur(ink, w, h, max(1, dpi/100))
	back := image.NewRGBA(image.Rect(0, 0, w, h))
	for i, v := range ink {
		l := 248 * (1 - 0.25*v)
		back.Pix[4*i], back.Pix[4*i+1], back.Pix[4*i+2], back.Pix[4*i+3] = uint8(l), uint8(l), uint8(0.96*l), 255
	}
	return back
}
