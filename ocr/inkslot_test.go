package ocr

import (
	"image/color"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/handwriting"
)

// Tesseract read the handwritten 574 into the code's word: as 14 with
// the slash read as a stop ("14.UBND-KTTH", a rescan turned upside down),
// or as marks ("§!4/UBND-KTTH", a grey JPEG). The slot ends where the
// code's print would begin, as wide as its letters beside "Số:", so the
// whole numeral is read and the slash is not; the reading is the
// model's, not Tesseract's glued digits.
func TestInkSlotHandwritingReadIntoTheCode(t *testing.T) {
	for _, read := range []struct{ word, code string }{{"14.UBND-KTTH", ".UBND-KTTH"}, {"§!4/UBND-KTTH", "/UBND-KTTH"}} {
		h := newHeader()
		ink := handwriting.Draw(h.img, "574", 525, 465, 60, color.RGBA{30, 30, 60, 255})
		h.word("Số:", 441, 505, 93, 0)
		// The code's print, "/UBND-KTTH", five times as wide as the
		// label's ink, as on a real scan, after the ink.
		codeAt := ink.Max.X + 20
		h.word(read.word, 520, codeAt+5*64, 50, 0)
		slots := inkSlots(h.words, 2480, 3508)
		if len(slots) != 1 || slots[0].nextText != read.code {
			t.Fatalf("%s: slots %+v; want the number's, before %s", read.word, slots, read.code)
		}
		if s := slots[0].slot; s.Max.X > codeAt+5 || s.Max.X < ink.Max.X-15 {
			t.Errorf("%s: slot %v; want it to end past the ink's last digit's middle (ink %v) and before the slash's middle at about %d", read.word, s, ink, codeAt+6)
		}
		if slots[0].printed(h.words) {
			t.Errorf("%s: taken for print", read.word)
		}
		words, _ := readInk(decoder(t, h.png(t)), slots, h.words)
		if text := lines(words); !strings.Contains(text, "Số: 574 "+read.code) {
			t.Errorf("number not read from the ink:\n%s", text)
		}
	}
}

// A code whose slash was lost, with a type code's small letter (TTr-UBND),
// or whose type code's capitals were read as figures after it
// (/11r-UBND), still ends the number's slot.
func TestInkSlotBeforeACodeMisread(t *testing.T) {
	for _, code := range []string{"TTr-UBND", "/11r-UBND"} {
		h := newHeader()
		h.word("Số:", 441, 505, 93, 0)
		h.word(code, 640, 900, 50, 0)
		slots := inkSlots(h.words, 2480, 3508)
		if len(slots) != 1 || slots[0].nextText != code || slots[0].room.Max.X != 640 {
			t.Errorf("%s: slots %+v; want one up to the code at 640", code, slots)
		}
	}
	// Words that are no code leave no slot.
	for _, w := range []string{"Tây-Ninh", "/12-2024", "/123r-UBND"} {
		h := newHeader()
		h.word("Số:", 441, 505, 93, 0)
		h.word(w, 640, 900, 50, 0)
		if slots := inkSlots(h.words, 2480, 3508); len(slots) != 0 {
			t.Errorf("%s: slots %+v; want none", w, slots)
		}
	}
}

// Handwriting Tesseract read surely (a clear hand's 23 read 33, at 87) is
// told from print by its size: larger than the code's capitals and
// across their baseline, it is read by the model. Digits of the code's
// size on its line, read as surely, are print and are left alone.
func TestReadInkSureDigitsLargerThanPrint(t *testing.T) {
	h := newHeader()
	handwriting.Draw(h.img, "23", 540, 462, 64, color.Black)
	h.word("Số:", 441, 505, 93, 0)
	h.words = append(h.words, vanthu.Word{Text: "33", X0: 540, Y0: 466, X1: 600, Y1: 530, Confidence: 87})
	h.word("/BC-UBND", 654, 900, 90, 0)
	words, _ := readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	if text := lines(words); !strings.Contains(text, "Số: 23 /BC-UBND") {
		t.Errorf("handwriting read surely taken for print:\n%s", text)
	}

	printed := []vanthu.Word{{Text: "Số:", X0: 441, Y0: 480, X1: 505, Y1: 520, Confidence: 93},
		{Text: "33", X0: 540, Y0: 482, X1: 590, Y1: 520, Confidence: 87}, {Text: "/BC-UBND", X0: 600, Y0: 480, X1: 850, Y1: 520, Confidence: 90}}
	if got, _ := readInk(decoder(t, h.png(t)), inkSlots(printed, 2480, 3508), printed); lines(got) != lines(printed) {
		t.Errorf("print changed:\n%s\nto\n%s", lines(printed), lines(got))
	}
}
