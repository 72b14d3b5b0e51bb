package eval

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	hand "github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// slotNumeral matches a number line's numeral, after its label: the
// figures a văn thư writes by hand into "Số: …/QĐ-UBND".
var slotNumeral = regexp.MustCompile(`^(Số:?\s*)([0-9]+)`)

// slotDay matches a date line's day: "ngày 03 tháng".
var slotDay = regexp.MustCompile(`^(.*ngày\s+)([0-9]+)(\s+tháng)`)

// The figures written by hand are handHeight pixels tall, each
// handAdvance on from the one before (handwriting.Draw), handMargin
// within the blank.
const (
	handHeight  = 66
	handAdvance = handHeight * 3 / 4
	handMargin  = 15
)

// writtenByHand draws k's page with the numeral of its number and the day
// of its date left blank in print and written in by hand in ink, as the
// văn thư of the issuing office does (see ../shared/real/README.md), and
// reports whether it found both slots.
func writtenByHand(r *pagerender.Renderer, k kind, ink color.Color) (*image.RGBA, bool) {
	lines := append([]string(nil), k.lines...)
	type slot struct {
		line    int
		right   bool
		prefix  string
		written string
	}
	var slots []slot
	for i, l := range lines {
		kind, text, ok := strings.Cut(l, "|")
		if !ok || !strings.HasPrefix(kind, "L") {
			continue
		}
		left, right, _ := strings.Cut(text, "|")
		// The printed blank leaves room for the figures written in it.
		blank := func(digits string) string {
			return strings.Repeat(" ", (len(digits)*handAdvance+2*handMargin)/r.Width(pagerender.Regular, " ")+1)
		}
		if m := slotNumeral.FindStringSubmatch(left); m != nil {
			slots = append(slots, slot{i, false, m[1], m[2]})
			left = m[1] + blank(m[2]) + left[len(m[0]):]
		}
		if m := slotDay.FindStringSubmatch(right); m != nil {
			slots = append(slots, slot{i, true, m[1], m[2]})
			right = m[1] + blank(m[2]) + right[len(m[1])+len(m[2]):]
		}
		lines[i] = kind + "|" + left + "|" + right
	}
	if len(slots) != 2 {
		return nil, false
	}
	img := drawKind(r, k, lines)
	runs := r.Layout(lines)
	for _, s := range slots {
		y := pagerender.Top + s.line*pagerender.LineHeight
		for _, run := range runs {
			if run.Y != y || (run.X > pagerender.LeftAxis) != s.right {
				continue
			}
			x := run.X + r.Width(run.Style, s.prefix) + handMargin
			hand.Draw(img, s.written, x, y-handHeight+4, handHeight, ink)
		}
	}
	return img, true
}

// TestOtherKindsWrittenByHand reads the kinds, set in Times, whose number
// and day a văn thư writes by hand into the printed slots, in blue ink,
// scanned at 300 dpi in colour: a number or a day read wrong is never
// left unflagged. (In black ink the counts are the same.)
func TestOtherKindsWrittenByHand(t *testing.T) {
	r := drawer(t, true)
	files := map[string]string{}
	var written []kind
	for i, k := range kinds {
		img, ok := writtenByHand(r, k, color.RGBA{30, 50, 170, 255})
		if !ok {
			continue
		}
		out := filepath.Join(t.TempDir(), fmt.Sprintf("kind-%02d.pdf", i))
		if err := os.WriteFile(out, imagesPDF([]*image.RGBA{img}, pagerender.DPI, jpegImage), 0o644); err != nil {
			t.Fatal(err)
		}
		files[out] = k.name
		written = append(written, k)
	}
	t.Logf("%d of %d kinds have both slots", len(written), len(kinds))
	readAndScore(t, files, written, writtenFloors, 0)
}

// writtenFloors are the per-field counts of the 67 kinds with both slots
// the code reaches. Every day is read; the numbers missed are flagged.
// The Hmong chair's Giàng is read Giảng (flagged).
// The large figures upset Tesseract's reading of the print on their line
// (the code QĐ read qQb, VPCP v?CP): the row is read again without the ink
// of a colour (ocr.rereadNumberLine), 45 numbers read before, 54 after.
// The one left is read with letters too many (ZTITr-BVĐK), which
// extract's wellFormedCode flags however surely read.
var writtenFloors = map[string]int{
	"number": 66, "doc_type": 67, "issuer": 67, "parent_body": 67, "issued_date": 67, "place": 67,
	"subject": 67, "signer": 66, "signer_title": 67, "urgency": 67, "confidentiality": 67,
}
