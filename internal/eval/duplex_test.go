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
)

// faceDownFloors are the fields the code reads right of the real twelve
// scanned face down through a duplex scanner: as of their fronts alone,
// scanned in colour at 200 dpi.
var faceDownFloors = map[string]int{
	"number": 9, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
	"subject": 11, "signer": 11, "signer_title": 11, "urgency": 12, "confidentiality": 12,
}

// TestRealDocumentsFedFaceDown reads the real documents as a duplex
// scanner scans a stack of sheets printed on one side and fed face down:
// each sheet's back first, blank but for the front's print showing
// through it, then its front. The fields are read from the first page
// with text, as from the fronts alone, and the clerk is told that page 1
// is blank; a blank back is no document of its own.
func TestRealDocumentsFedFaceDown(t *testing.T) {
	dir, truths := realToRescan(t)
	var read []RealTruth
	for i, tr := range truths {
		if sampled(len(rescans)+len(printedRescans), i) {
			read = append(read, tr)
		}
	}
	out := t.TempDir()
	err := parallel(len(read), func(i int) error {
		tr := read[i]
		doc, err := fitz.New(filepath.Join(dir, tr.File))
		if err != nil {
			return err
		}
		defer doc.Close()
		var sheets []*image.RGBA
		for p := range doc.NumPage() {
			front, err := doc.ImageDPI(p, 200)
			if err != nil {
				return fmt.Errorf("%s page %d: %v", tr.ID, p+1, err)
			}
			sheets = append(sheets, backOf(front, 200), front)
		}
		return os.WriteFile(filepath.Join(out, tr.ID+".pdf"), imagesPDF(sheets, 200, jpegImage), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := processRescanned(out, read)
	if err != nil {
		t.Fatal(err)
	}
	blankFirst := fmt.Sprintf(extract.LeadingBlankWarning, "1", 2)
	var cases []fieldCase
	for _, tr := range read {
		r := res[tr.ID]
		if !slices.Contains(r.Warnings, blankFirst) || slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, "nhiều văn bản") }) {
			t.Errorf("%s: warnings %q; want %q, and no other document", tr.ID, r.Warnings, blankFirst)
		}
		cases = append(cases, fieldCase{tr.ID, tr.Metadata, r})
	}
	scoreFields(t, cases, RealFields, sampleFloors(faceDownFloors, len(truths), len(read)), 0)
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
