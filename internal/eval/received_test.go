package eval

import (
	"image"
	"image/color"
	"testing"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// withReceivedOverTheHeader draws kind k with the receiving office's
// stamp ĐẾN (NĐ 30, Phụ lục IV: its name, ĐẾN with the số đến, the day,
// the routing) set in violet ink over the top left of the header, where a
// clerk often sets it rather than in the blank NĐ 30 names: its box
// covers the agency's lines and reaches the number's row. The ink is
// laid over the print, which stays black under it.
func withReceivedOverTheHeader(r *pagerender.Renderer, _ int, k kind) *image.RGBA {
	img := drawKind(r, k, k.lines)
	r.StampInColour(img, image.Pt(120, pagerender.Top-150), receivedStamp, color.RGBA{105, 55, 160, 255})
	return img
}

// receivedScans are how the kinds with the stamp over their header are
// scanned. In colour, the header is read again without the stamp's ink
// (ocr.rereadColouredHead, which takes the stamp's words for no print of
// the document's: ocr.receivedStampIn); before, 68 of 70 issuers were
// read with the stamp's lines (SỞ TÀI CHÍNH ĐẾN Số: …), 39 of them
// without review. In 1 bit the stamp is as black as the print and runs
// into it: the agency and the number are lost under it, and flagged (the
// stamp's lines above the number, or in the agency's name:
// extract.stampLine, stampRunIn). Left wrong without review in 1 bit: the
// district office's place Mộ Đúc, the header that names it spoilt.
var receivedScans = []scanning{
	{"300 dpi colour, a violet ĐẾN over the header", 300, jpegImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 69, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	{"200 dpi 1 bit, ĐẾN over the header", 200, bilevelImage, map[string]int{
		"number": 14, "doc_type": 67, "issuer": 2, "parent_body": 29, "issued_date": 66, "place": 64,
		"subject": 68, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 1},
}

// TestOtherKindsReceivedOverTheHeader reads the kinds of documents
// stamped ĐẾN over their header by the office that received them.
func TestOtherKindsReceivedOverTheHeader(t *testing.T) {
	pages := drawnWith(drawer(t, false), withReceivedOverTheHeader)
	for i, sc := range receivedScans {
		readKinds(t, len(kindScans)+len(timesScans)+3+i, sc, pages)
	}
}
