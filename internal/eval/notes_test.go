package eval

import (
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	hand "github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// withANote draws kind i with a leader's note (bút phê) written across it
// in blue ballpoint, as on a sheet received and passed to a unit: a line
// of running hand in the top margin, its strokes reaching into the
// header's first line, and one in the blank under the number, reaching
// up into the number's and the date's row and down to what follows.
func withANote(r *pagerender.Renderer, i int, k kind) *image.RGBA {
	img := drawKind(r, k, k.lines)
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	ink := color.RGBA{30, 50, 170, 255}
	hand.Cursive(img, rng, 250+rng.IntN(200), pagerender.Top-70, 30, img.Bounds().Dx()-900, ink)
	for j, l := range k.lines {
		style, text, _ := strings.Cut(l, "|")
		if left, _, _ := strings.Cut(text, "|"); !strings.HasPrefix(style, "L") || !strings.HasPrefix(left, "Số") {
			continue
		}
		if j+1 < len(k.lines) && k.lines[j+1] == "" {
			hand.Cursive(img, rng, 150+rng.IntN(150), pagerender.Top+(j+1)*pagerender.LineHeight+5, 30, 1300, ink)
		}
		break
	}
	return img
}

// withANoteBelow draws kind i with a leader's note written over its
// closing: a line of running hand across the blank over "Nơi nhận" and the
// signer's role, its strokes through both, and one over the Nơi nhận list
// two lines under it.
func withANoteBelow(r *pagerender.Renderer, i int, k kind) *image.RGBA {
	img := drawKind(r, k, k.lines)
	rng := rand.New(rand.NewPCG(uint64(i), 9))
	ink := color.RGBA{30, 50, 170, 255}
	for j, l := range k.lines {
		if strings.Contains(l, "Nơi nhận") || strings.Contains(l, "TM.") || strings.Contains(l, "KT.") {
			hand.Cursive(img, rng, 200+rng.IntN(200), pagerender.Top+j*pagerender.LineHeight-50, 30, img.Bounds().Dx()-600, ink)
			hand.Cursive(img, rng, 300, pagerender.Top+(j+2)*pagerender.LineHeight+10, 30, 900, ink)
			break
		}
	}
	return img
}

// noteScan is how the kinds with a note are scanned: at 300 dpi in
// colour. The header is read again without the ink of a colour
// (ocr.rereadColouredHead); before, 39 fields were wrong without review
// (parent bodies and issuers with the note's strokes in them, trích yếu
// cut short, places). The one left: the health department's red MẬT, the
// note's strokes across it (ink over red is dark), is read neither as
// print nor as a red stamp.
var noteScan = scanning{"300 dpi colour, a leader's note in blue", 300, jpegImage, map[string]int{
	"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
	"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 69,
}, 1}

// noteBitScan is the kinds with a note scanned at 200 dpi in 1 bit, where
// the note is black as the print is and no colour tells it apart: the
// fields it spoils (an agency's first line, a trích yếu, a place) are
// mostly flagged. An agency's name whose first words the note spoilt is
// flagged where none of its lines begins a body's name (U AN NHA Ầ THÀNH
// PHỐ HỒ CHÍ MINH), a district's name that is no district's (UBND HUYỆN
// SMA CAI; dict.UnknownDistrict), and a joint circular's agency that
// names one body (BỘ Y TẾ for BỘ TÀI CHÍNH - BỘ Y TẾ). The marks lost
// from ĐẢNG BỘ TỈNH and SỞ GD&ĐT BẮC GIANG are put back: the Party's
// committees and the sectors written short are of the state's vocabulary
// (dict.RepairHeader), and a province's name read in capitals without its
// marks at the end of a name is the province's (ocr.CorrectProvinces).
// Left wrong without review: UBND TỈNH BÍNH AN over Bính An (a mark
// misread in both, which agree), a commune's parent lost (a commune's
// committee need not print one) and the red MẬT.
var noteBitScan = scanning{"200 dpi 1 bit, a leader's note", 200, bilevelImage, map[string]int{
	"number": 62, "doc_type": 66, "issuer": 50, "parent_body": 41, "issued_date": 66, "place": 63,
	"subject": 45, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 69,
}, 4}

// noteBelowScan is the kinds with a note over their closing, at 300 dpi
// in colour. The rest of the page under the header is read again without
// the ink of a colour from the note's first row (ocr.rereadColouredFoot):
// before, signers 47 and their roles 31 of 70, 5 fields wrong without
// review. The one left: the court's trích yếu run on into its body.
var noteBelowScan = scanning{"300 dpi colour, a leader's note over the closing", 300, jpegImage, map[string]int{
	"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
	"subject": 69, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
}, 1}

// TestOtherKindsWithALeadersNote reads the kinds with a leader's note
// written across their headers (withANote) or their closings
// (withANoteBelow): in colour the note is no part of any field; in 1 bit
// what it spoils goes to review.
func TestOtherKindsWithALeadersNote(t *testing.T) {
	r := drawer(t, false)
	pages := drawnWith(r, withANote)
	readKinds(t, len(kindScans)+len(timesScans), noteScan, pages)
	readKinds(t, len(kindScans)+len(timesScans)+1, noteBitScan, pages)
	pages = drawnWith(r, withANoteBelow)
	readKinds(t, len(kindScans)+len(timesScans)+2, noteBelowScan, pages)
}
