package eval

import (
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gen2brain/go-fitz"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/internal/pdftest"
)

// rescans are the ways an office scans paper that the shared real
// documents were not scanned in: coarse colour; one bit per pixel (a
// fax-era scanner, or a copier's black-and-white mode; a red seal comes
// out black); grey, the sheet laid askew, compressed hard (a copier's
// scan-to-PDF); the sheet fed upside down; and the sheet laid on a
// flatbed off the glass's edges with the lid open, the bed dark around
// it; thin paper printed on both sides, laid 4° askew, the back's print
// showing through; a fax received in its standard mode, twice as
// many dots an inch across as lines down, the sending machine's line
// across its top; and the sheet photographed
// with a phone on a desk, the photograph fitted to the sheet's page as
// a converter to PDF fits it (phoneImage), lying flat or bent
// (bentPhoneImage); and printed as the toner runs out, then scanned in 1
// bit (fadedBilevelImage); and copied on a copier set dark, then scanned
// in 1 bit (darkCopyImage); scanned light (lightImage); and a page of a
// bound file, the gutter's shadow along its edge (gutterImage); and a
// letter folded for the post and punched for a binder
// (foldedPunchedImage). These render each page's content alone, as
// go-fitz does; printedRescans are of paper printed
// from the signed PDF, its signing stamps and the numerals an e-office
// system stamped on it (annotations) printed with it.
var rescans = []scanning{
	{"100 dpi colour", 100, jpegImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 12, "signer": 9, "signer_title": 9, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"200 dpi 1 bit", 200, bilevelImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 9, "place": 12,
		"subject": 11, "signer": 7, "signer_title": 12, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"150 dpi grey, turned, JPEG 50", 150, turnedGreyImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 8, "place": 12,
		"subject": 12, "signer": 11, "signer_title": 12, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"200 dpi colour, upside down", 200, upsideDownImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 12, "signer": 11, "signer_title": 12, "urgency": 12, "confidentiality": 12,
	}, 0},
	// On its side, a page Leptonica does not decide on is turned because
	// it reads as no language (ocr.RecognizePage).
	{"200 dpi colour, on its side", 200, sidewaysImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 12, "signer": 11, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"200 dpi colour on a dark bed", 200, darkBedImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 10, "signer": 11, "signer_title": 10, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"200 dpi colour, 4° askew, the back showing through", 200, askewShowingThroughImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 9, "place": 12,
		"subject": 11, "signer": 10, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
	// With the sending machine's line across its top (withFaxLine).
	// real-18's trích yếu read as citing 22609/QĐ-TTE, its body 2269/QĐ-TTg:
	// flagged (extract.citedOtherwise).
	{"fax, standard mode: 204 by 98 dpi, 1 bit", 204, faxImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 7, "place": 12,
		"subject": 10, "signer": 7, "signer_title": 12, "urgency": 12, "confidentiality": 12,
	}, 0},
	{"200 dpi phone photograph on a desk", 200, phoneImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 8, "place": 12,
		"subject": 10, "signer": 12, "signer_title": 9, "urgency": 12, "confidentiality": 12,
	}, 0},
	// The same at 150 dpi: a messaging app's 1,280 pixels across.
	{"150 dpi phone photograph on a desk", 150, phoneImage, map[string]int{
		"number": 6, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 10, "signer": 9, "signer_title": 8, "urgency": 12, "confidentiality": 12,
	}, 0},
	// The sheet bent, its sides lifted 7 mm at its foot (0.025 of its
	// height): read flattened (ocr.StepFlatten).
	{"200 dpi phone photograph of a bent sheet", 200, bentPhoneImage(0.025), map[string]int{
		"number": 9, "doc_type": 12, "issuer": 10, "parent_body": 12, "issued_date": 8, "place": 11,
		"subject": 11, "signer": 10, "signer_title": 10, "urgency": 12, "confidentiality": 12,
	}, 1},
	// Printed as the toner runs out, then scanned in 1 bit: the scans'
	// own grey print faded again. Wrong without review: real-11's red
	// HỎA TỐC, faded past the threshold, gone; real-15's "để" read "đề"
	// in both readings; real-17's TNHH read TSXHH.
	{"200 dpi 1 bit, the toner running out", 200, fadedBilevelImage, map[string]int{
		"number": 7, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 8, "place": 9,
		"subject": 7, "signer": 6, "signer_title": 9, "urgency": 11, "confidentiality": 12,
	}, 3},
	// A copy made on a copier set dark, then scanned in 1 bit. The red
	// HỎA TỐC of real-11, now black and spread, runs its C into the
	// point of its frame: read HOA TO (ocr.clipped). Wrong without
	// review: real-12's "thực hiện" read "thực biện", its h's foot closed.
	{"200 dpi 1 bit, a dark copy", 200, darkCopyImage, map[string]int{
		"number": 8, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 7, "place": 12,
		"subject": 10, "signer": 7, "signer_title": 10, "urgency": 12, "confidentiality": 12,
	}, 1},
	// Scanned light, in colour: the page's ink, a mid-grey, made black
	// before it is read (ocr.StepLevels).
	{"200 dpi colour, scanned light", 200, lightImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 11,
		"subject": 11, "signer": 12, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
	// A page of a bound file, the gutter's shadow along its left edge:
	// evened out before the bed step (ocr.StepShade).
	{"200 dpi colour, a bound file's gutter", 200, gutterImage, map[string]int{
		"number": 9, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 11, "signer": 11, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
	// A letter folded for the post and filed in a binder, scanned in
	// 1 bit: its creases and its punched holes whitened before it is
	// read (ocr.StepCreases, ocr.StepHoles).
	{"200 dpi 1 bit, folded for the post and punched for a binder", 200, foldedPunchedImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 9, "place": 12,
		"subject": 11, "signer": 6, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
	// A set stapled at its corner, scanned on the flatbed without
	// taking the staple out: Tesseract reads nothing of it that the
	// fields take.
	{"200 dpi colour, stapled at its corner", 200, stapledImage, map[string]int{
		"number": 10, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 10, "place": 12,
		"subject": 11, "signer": 11, "signer_title": 11, "urgency": 12, "confidentiality": 12,
	}, 0},
}

// printedRescans are rescans of the pages as printed, with their
// annotations.
var printedRescans = []scanning{
	{"200 dpi colour, printed with its signing stamps", 200, jpegImage, map[string]int{
		"number": 12, "doc_type": 12, "issuer": 12, "parent_body": 12, "issued_date": 12, "place": 12,
		"subject": 12, "signer": 11, "signer_title": 12, "urgency": 12, "confidentiality": 12,
	}, 0},
}

// TestRealDocumentsRescanned reads the real documents again as they would
// come from other scanners: each page rendered at the scan's resolution
// and depth into a PDF of images (no text layer, no signature). Fields are
// lost, but a number or a date that is wrong is still flagged for review.
func TestRealDocumentsRescanned(t *testing.T) {
	dir, truths := realToRescan(t)
	for way, rs := range append(slices.Clone(rescans), printedRescans...) {
		printed := slices.ContainsFunc(printedRescans, func(p scanning) bool { return p.name == rs.name })
		t.Run(rs.name, func(t *testing.T) {
			read := sampledOf(way, truths)
			out := t.TempDir()
			err := parallel(len(read), func(i int) error {
				tr := read[i]
				if err := rescan(filepath.Join(dir, tr.File), filepath.Join(out, tr.ID+".pdf"), rs.dpi, rs.page, printed); err != nil {
					return fmt.Errorf("%s: %v", tr.ID, err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			res, err := processRescanned(out, read)
			if err != nil {
				t.Fatal(err)
			}
			t.Log(handwriting(read, res))
			var cases []fieldCase
			for _, tr := range read {
				cases = append(cases, fieldCase{tr.ID, tr.Metadata, res[tr.ID]})
			}
			scoreFields(t, cases, RealFields, sampleFloors(rs.floors, len(truths), len(read)), rs.unflagged)
			t.Log(recallFromRegister(t, read, truths, res))
		})
	}
}

// realToRescan returns the folder of the real documents and their
// truths, for a test that reads them with OCR: it skips the test in
// -short mode, or where they are absent.
func realToRescan(t *testing.T) (string, []RealTruth) {
	t.Helper()
	if testing.Short() {
		t.Skip("the real documents are read with OCR")
	}
	dir := RealDir("../..")
	truths, err := LoadReal(dir)
	if err != nil {
		t.Skipf("no real documents at %s (set VANTHU_REAL or VANTHU_SHARED): %v", dir, err)
	}
	return dir, truths
}

// sampledOf returns the real documents of truths that the way of
// scanning numbered way reads (see sampled).
func sampledOf(way int, truths []RealTruth) []RealTruth {
	var read []RealTruth
	for i, tr := range truths {
		if sampled(way, i) {
			read = append(read, tr)
		}
	}
	return read
}

// processRescanned reads the real documents read, each rescanned to
// out as its ID.pdf, through the whole pipeline, by ID.
func processRescanned(out string, read []RealTruth) (map[string]pipeline.Result, error) {
	files := map[string]string{}
	for _, tr := range read {
		files[filepath.Join(out, tr.ID+".pdf")] = tr.ID
	}
	return processFiles(files)
}

// recallFromRegister counts the signers and roles read right, as read
// and as extract.RecallSigner, RecallTitle and RecallHolder read them
// with a register that knows the signers of the issuer's other real
// documents as a clerk confirmed them (their truths, with their dates):
// an office that registered its agency's other papers. It fails when the register turns a field read right into
// another.
func recallFromRegister(t *testing.T, read, all []RealTruth, res map[string]pipeline.Result) string {
	t.Helper()
	fields := []string{"signer", "signer_title"}
	asRead, recalled := map[string]int{}, map[string]int{}
	for _, tr := range read {
		got := res[tr.ID]
		var known []vanthu.Signer
		for _, o := range all {
			if o.ID == tr.ID || !Match("issuer", o.Metadata["issuer"], got.Metadata.Issuer) {
				continue
			}
			name, date := fmt.Sprint(o.Metadata["signer"]), fmt.Sprint(o.Metadata["issued_date"])
			i := slices.IndexFunc(known, func(k vanthu.Signer) bool { return k.Name == name })
			if i < 0 {
				known = append(known, vanthu.Signer{Name: name, First: date, Last: date})
				i = len(known) - 1
			}
			k := &known[i]
			k.Title, k.Documents, k.First, k.Last = fmt.Sprint(o.Metadata["signer_title"]), k.Documents+1, min(k.First, date), max(k.Last, date)
		}
		x := extract.Result{Metadata: got.Metadata, Review: slices.Clone(got.Review)}
		x.RecallSigner(known)
		x.RecallTitle(known)
		x.RecallHolder(known)
		for _, f := range fields {
			before, after := Match(f, tr.Metadata[f], Value(got.Metadata, f)), Match(f, tr.Metadata[f], Value(x.Metadata, f))
			if before {
				asRead[f]++
			}
			if after {
				recalled[f]++
			}
			if before && !after {
				t.Errorf("%s: the register's signers turn %s %q, read right, into %q", tr.ID, f, Show(Value(got.Metadata, f)), Show(Value(x.Metadata, f)))
			}
		}
	}
	return fmt.Sprintf("right as read, and with the register knowing the other documents' signers: signer %d, %d; signer_title %d, %d (of %d)",
		asRead["signer"], recalled["signer"], asRead["signer_title"], recalled["signer_title"], len(read))
}

// rescan renders each page of the PDF at dpi and writes the pages, as
// images made by page, to a PDF at out. Printed, the annotations marked
// for print (signing stamps, stamped numerals) are on the pages.
func rescan(in, out string, dpi int, page func(*image.RGBA, int) string, printed bool) error {
	if printed {
		flat := out + ".printed.pdf"
		if b, err := exec.Command("qpdf", "--warning-exit-0", "--flatten-annotations=print", in, flat).CombinedOutput(); err != nil {
			return fmt.Errorf("qpdf --flatten-annotations: %v: %s", err, b)
		}
		in = flat
	}
	doc, err := fitz.New(in)
	if err != nil {
		return err
	}
	defer doc.Close()
	var imgs []*image.RGBA
	for i := range doc.NumPage() {
		img, err := doc.ImageDPI(i, float64(dpi))
		if err != nil {
			return err
		}
		imgs = append(imgs, img)
	}
	return os.WriteFile(out, imagesPDF(imgs, dpi, page), 0o644)
}

// imageSize reads an image XObject's size.
var imageSize = regexp.MustCompile(`/Width (\d+) /Height (\d+)`)

// imagesPDF is a PDF of one image a page, each made by page from a scan
// at dpi. A page whose image page turned a quarter turn (a sheet laid
// on its side) has the image's shape; any other has the scan's (a fax's
// squat image stretched back to the sheet's).
func imagesPDF(imgs []*image.RGBA, dpi int, page func(*image.RGBA, int) string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	for _, img := range imgs {
		b := img.Bounds()
		w, h := float64(b.Dx())*72/float64(dpi), float64(b.Dy())*72/float64(dpi)
		xobj := page(img, dpi)
		var iw, ih int
		if m := imageSize.FindStringSubmatch(xobj); m != nil {
			iw, _ = strconv.Atoi(m[1])
			ih, _ = strconv.Atoi(m[2])
		}
		if iw == b.Dy() && ih == b.Dx() && iw != ih {
			w, h = h, w
		}
		n := len(objs) + 1 // this page's object; its image and contents follow
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", w, h, n+1, n+2),
			xobj,
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return pdftest.Build(objs...)
}

// scanning is a way of scanning paper, with what the code reaches on the
// documents so scanned.
type scanning struct {
	name string
	dpi  int
	page func(img *image.RGBA, dpi int) string // a PDF image XObject
	// floors are the per-field counts (of the documents) the code reaches;
	// unflagged is the most fields it gets wrong without flagging them
	// for review.
	floors    map[string]int
	unflagged int
}

// fieldCase is one document read: its name, the fields it should give,
// and what the pipeline made of it.
type fieldCase struct {
	name string
	want map[string]any
	got  pipeline.Result
}

// scoreFields compares each case's fields with what it should give, logs
// the misses and the table of exact matches, and fails on a number or a
// date wrong and not flagged for review, on a field right in fewer cases
// than its floor, or on more than unflagged fields wrong without review.
func scoreFields(t *testing.T, cases []fieldCase, fields []string, floors map[string]int, unflagged int) {
	t.Helper()
	correct, flaggedRight := map[string]int{}, map[string]int{}
	wrongUnflagged := 0
	for _, c := range cases {
		for _, f := range fields {
			want, got := c.want[f], Value(c.got.Metadata, f)
			if want == nil {
				want = ""
			}
			flagged := slices.Contains(c.got.Review, f)
			if Match(f, want, got) {
				correct[f]++
				if flagged {
					flaggedRight[f]++
				}
				continue
			}
			t.Logf("%s %-12s want %q, got %q (review: %v)", c.name, f, Show(want), Show(got), flagged)
			if !flagged {
				wrongUnflagged++
			}
			if (f == "number" || f == "issued_date") && Show(got) != "" && !flagged {
				t.Errorf("%s: %s %q is wrong (want %q) and not flagged for review", c.name, f, Show(got), Show(want))
			}
		}
	}
	var b strings.Builder
	// Right but flagged is a clerk's check that was not needed: the
	// cost of a flag.
	b.WriteString("\n| field | exact | of which flagged for review |\n| --- | --- | --- |\n")
	for _, f := range fields {
		fmt.Fprintf(&b, "| %s | %s | %d |\n", f, percent(correct[f], len(cases)), flaggedRight[f])
		if correct[f] < floors[f] {
			t.Errorf("%s right in %d of %d, below %d", f, correct[f], len(cases), floors[f])
		}
	}
	t.Log(b.String())
	t.Logf("any field wrong without review: %d", wrongUnflagged)
	if wrongUnflagged > unflagged {
		t.Errorf("%d fields wrong without review, above %d", wrongUnflagged, unflagged)
	}
}
