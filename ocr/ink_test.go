package ocr

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strings"
	"testing"

	xdraw "golang.org/x/image/draw"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/handwriting"
	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/layout"
)

// header is the top of a page (2480 pixels wide, A4 at 300 dpi) whose
// number and day are written by hand, with words as Tesseract reads such a
// page: the label and the code in print, its reading of the ink between.
type header struct {
	img   *image.RGBA
	words []vanthu.Word
}

func newHeader() *header {
	img := image.NewRGBA(image.Rect(0, 0, 2480, 900))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return &header{img: img}
}

func (h *header) word(text string, x0, x1 int, conf float64, line int) {
	y0, y1 := 480, 520
	if line == 1 {
		y0, y1 = 478, 530 // the date line, with descenders
	}
	h.words = append(h.words, vanthu.Word{Text: text, X0: x0, Y0: y0, X1: x1, Y1: y1, Confidence: conf, Line: line})
}

func (h *header) png(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, h.img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// lines is the text of the page's lines, as extraction will see it.
func lines(words []vanthu.Word) string {
	return layout.Text(layout.ReadingOrder(layout.Segments(vanthu.Page{Width: 2480, Words: words})))
}

func wordWith(words []vanthu.Word, text string) (vanthu.Word, bool) {
	for _, w := range words {
		if w.Text == text {
			return w, true
		}
	}
	return vanthu.Word{}, false
}

func TestReadInkNumberAndDay(t *testing.T) {
	h := newHeader()
	blue := color.RGBA{40, 40, 140, 255}
	handwriting.Draw(h.img, "24", 540, 462, 60, blue)
	handwriting.Draw(h.img, "07", 1600, 466, 56, blue)
	// Tesseract ran the number into the label ("Số:84") and read the day
	// as marks.
	h.word("Số:84", 440, 640, 18, 0)
	h.word("/TTr-UBND", 654, 950, 77, 0)
	for _, w := range []struct {
		text   string
		x0, x1 int
	}{{"Quảng", 1183, 1324}, {"Ngãi,", 1338, 1449}, {"ngày", 1471, 1575}, {"0T", 1593, 1660}, {"tháng", 1687, 1807}, {"02", 1824, 1873}, {"năm", 1905, 1992}, {"2025", 2010, 2113}} {
		h.word(w.text, w.x0, w.x1, 95, 1)
	}
	words, _ := readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	text := lines(words)
	if !strings.Contains(text, "Số: 24 /TTr-UBND") {
		t.Errorf("number line not read from the ink:\n%s", text)
	}
	if !strings.Contains(text, "ngày 07 tháng 02 năm 2025") {
		t.Errorf("date line not read from the ink:\n%s", text)
	}
	// Only the model read them (Tesseract said 84 and 0T): the clerk
	// checks.
	for _, d := range []string{"24", "07"} {
		if w, ok := wordWith(words, d); !ok || w.Confidence > inkConfCap {
			t.Errorf("ink word %q: %+v; want confidence at most %d", d, w, inkConfCap)
		}
	}
}

// On a form printed ahead the month is left blank too, and written by
// hand with the day: both are read from the ink. A month is 1 to 12.
func TestReadInkDayAndMonth(t *testing.T) {
	h := newHeader()
	blue := color.RGBA{40, 40, 140, 255}
	handwriting.Draw(h.img, "07", 1600, 466, 56, blue)
	handwriting.Draw(h.img, "3", 1860, 466, 56, blue)
	for _, w := range []struct {
		text   string
		x0, x1 int
		conf   float64
	}{{"Quảng", 1183, 1324, 95}, {"Ngãi,", 1338, 1449, 95}, {"ngày", 1471, 1575, 95}, {"0T", 1593, 1660, 40},
		{"tháng", 1687, 1807, 95}, {"S", 1855, 1900, 30}, {"năm", 1960, 2040, 95}, {"2025", 2060, 2163, 95}} {
		h.word(w.text, w.x0, w.x1, w.conf, 1)
	}
	words, _ := readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	if text := lines(words); !strings.Contains(text, "ngày 07 tháng 3 năm 2025") {
		t.Errorf("date line not read from the ink:\n%s", text)
	}
	if s := (inkSlot{month: true}); s.valid("13") || s.valid("0") || !s.valid("12") {
		t.Error("a month is 1 to 12")
	}
	// The ink run into "tháng" as Tesseract read it ("tháng3"): the
	// slot begins where the print ends.
	h.words = nil
	for _, w := range []struct {
		text   string
		x0, x1 int
		conf   float64
	}{{"ngày", 1471, 1575, 95}, {"07", 1593, 1660, 96}, {"tháng3", 1687, 1905, 41}, {"năm", 1960, 2040, 95}, {"2025", 2060, 2163, 95}} {
		h.word(w.text, w.x0, w.x1, w.conf, 1)
	}
	words, _ = readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	if text := lines(words); !strings.Contains(text, "ngày 07 tháng 3 năm 2025") {
		t.Errorf("date line with the month run into tháng:\n%s", text)
	}
}

func TestReadInkTwoReadersAgree(t *testing.T) {
	h := newHeader()
	handwriting.Draw(h.img, "575", 520, 460, 62, color.Black)
	h.word("Số:", 441, 505, 93, 0)
	h.word("575", 520, 640, 40, 0) // Tesseract read the ink right, unsurely
	// The code's slash was lost: the code alone.
	h.word("UBND-KTTH", 680, 950, 90, 0)
	words, _ := readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	w, ok := wordWith(words, "575")
	if !ok || w.Confidence <= inkConfCap {
		t.Errorf("ink word 575: %+v, %v; want the model's confidence, above %d, when both readers agree", w, ok, inkConfCap)
	}
}

// A coarse scan's slash read as another mark (";CT-UBND") still ends the
// slot, where the mark begins.
func TestInkSlotBeforeASlashReadAsAnotherMark(t *testing.T) {
	for _, code := range []string{";CT-UBND", "“UBND-KGVX", ":TTr-UBND"} {
		h := newHeader()
		h.word("Số:", 441, 505, 93, 0)
		h.word("đ@", 540, 600, 60, 0)
		h.word(code, 640, 900, 82, 0)
		slots := inkSlots(h.words, 2480, 3508)
		if len(slots) != 1 {
			t.Fatalf("%s: %d slots", code, len(slots))
		}
		if s := slots[0]; s.slot.Min.X != 505 || s.slot.Max.X != 640 || s.nextText != code {
			t.Errorf("%s: slot %v, next %q; want from 505 to 640", code, s.slot, s.nextText)
		}
	}
}

// "Số: 2477 -UBND" for "Số: 24/TTr-UBND": OCR ran the slash and the type
// code into the handwriting. With the type heading on the page, the slot
// ends where "/TTr" would begin (four letters as wide as the code's), and
// Tesseract's reading up to the code goes with it; with none, the slot is
// as before.
func TestInkSlotBeforeALostTypeCode(t *testing.T) {
	for _, heading := range []string{"TỜ TRÌNH", ""} {
		h := newHeader()
		h.word("Số:", 441, 505, 93, 0)
		h.word("2477", 520, 760, 60, 0)
		h.word("-UBND", 790, 1040, 90, 0) // 50 pixels a letter
		if heading != "" {
			h.words = append(h.words, vanthu.Word{Text: heading, X0: 1100, Y0: 700, X1: 1400, Y1: 750, Confidence: 95, Line: 2})
		}
		slots := inkSlots(h.words, 2480, 3508)
		if len(slots) != 1 {
			t.Fatalf("%q: %d slots", heading, len(slots))
		}
		s := slots[0]
		switch {
		case heading != "" && (s.slot.Max.X != 590 || s.clearTo != 790):
			t.Errorf("slot %v, cleared to %d; want it to end at 590 (790 - 4×50) and clear to 790", s.slot, s.clearTo)
		case heading == "" && (s.slot.Max.X < 700 || s.clearTo != 0):
			t.Errorf("no heading: slot %v, cleared to %d; want it up to the code", s.slot, s.clearTo)
		}
	}
}

// A Party number ("Số 1450-CV/TU", Hướng dẫn 36-HD/VPTW) has its type
// code before the slash: the slot ends at the hyphen, a printed numeral
// typed with the code is left alone, and ink before "-CV/TU" is read.
func TestInkSlotOfAPartyNumber(t *testing.T) {
	h := newHeader()
	printed := []vanthu.Word{{Text: "Số", X0: 583, Y0: 474, X1: 651, Y1: 516, Confidence: 93}, {Text: "1450-CV/TU", X0: 669, Y0: 477, X1: 969, Y1: 516, Confidence: 92}}
	slots := inkSlots(printed, 2480, 3508)
	if len(slots) != 1 || slots[0].nextText != "-CV/TU" || slots[0].slot.Max.X != 789 {
		t.Fatalf("slots %+v; want one ending at the hyphen (789), before -CV/TU", slots)
	}
	handwriting.Draw(h.img, "10", 675, 470, 45, color.Black)
	if got, _ := readInk(decoder(t, h.png(t)), slots, printed); lines(got) != lines(printed) {
		t.Errorf("print changed:\n%s\nto\n%s", lines(printed), lines(got))
	}

	h = newHeader()
	handwriting.Draw(h.img, "24", 540, 462, 60, color.RGBA{40, 40, 140, 255})
	h.word("Số", 441, 505, 93, 0)
	h.word("2A", 530, 630, 30, 0)
	h.word("-QĐ/TU", 654, 900, 88, 0)
	h.words = append(h.words, vanthu.Word{Text: "QUYẾT ĐỊNH", X0: 1000, Y0: 700, X1: 1400, Y1: 750, Confidence: 95, Line: 2})
	words, _ := readInk(decoder(t, h.png(t)), inkSlots(h.words, 2480, 3508), h.words)
	if text := lines(words); !strings.Contains(text, "Số 24 -QĐ/TU") {
		t.Errorf("Party number not read from the ink:\n%s", text)
	}
}

func TestReadInkLeavesPrintAlone(t *testing.T) {
	h := newHeader()
	// Typed numbers: read surely, or typed as one word with the code; a
	// legal normative document's year with them.
	for _, words := range [][]vanthu.Word{
		{{Text: "Số:", X0: 583, Y0: 474, X1: 651, Y1: 516, Confidence: 93}, {Text: "01/2011/TT-BNV", X0: 669, Y0: 477, X1: 1045, Y1: 516, Confidence: 80}},
		{{Text: "Số:", X0: 583, Y0: 474, X1: 651, Y1: 516, Confidence: 93}, {Text: "01/2011", X0: 669, Y0: 477, X1: 845, Y1: 516, Confidence: 90}, {Text: "/TT-BNV", X0: 850, Y0: 477, X1: 1045, Y1: 516, Confidence: 92}},
		{{Text: "Số:", X0: 583, Y0: 474, X1: 651, Y1: 516, Confidence: 93}, {Text: "32/KH-BNV", X0: 669, Y0: 477, X1: 945, Y1: 516, Confidence: 37}},
		{{Text: "Số:", X0: 583, Y0: 474, X1: 651, Y1: 516, Confidence: 93}, {Text: "314", X0: 660, Y0: 477, X1: 740, Y1: 516, Confidence: 96}, {Text: "/TB-VPUBND", X0: 745, Y0: 477, X1: 945, Y1: 516, Confidence: 96}},
	} {
		handwriting.Draw(h.img, "10", 675, 470, 45, color.Black) // what the model would misread
		got, _ := readInk(decoder(t, h.png(t)), inkSlots(words, 2480, 3508), words)
		if lines(got) != lines(words) {
			t.Errorf("print changed:\n%s\nto\n%s", lines(words), lines(got))
		}
	}
	// A page with no header is left as it is.
	body := []vanthu.Word{{Text: "Căn", X0: 400, Y0: 480, X1: 480, Y1: 520}, {Text: "cứ", X0: 490, Y0: 480, X1: 540, Y1: 520}}
	if got, changed := readInk(decoder(t, h.png(t)), inkSlots(body, 2480, 3508), body); changed || lines(got) != lines(body) {
		t.Errorf("body changed: %s", lines(got))
	}
}

// decoder decodes a page image, as readHeaderInk does.
func decoder(t *testing.T, b []byte) func() image.Image {
	return func() image.Image {
		img, _, err := image.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
}

// Ink run into "tháng" (as "⁄{tháng") is cut off the word: the slot ends
// where the print begins, and the word keeps its print.
func TestInkSlotsInkRunIntoTheNextWord(t *testing.T) {
	h := newHeader()
	for _, w := range []struct {
		text   string
		x0, x1 int
	}{{"ngày", 1471, 1575}, {"⁄{tháng", 1600, 1830}, {"02", 1857, 1905}, {"năm", 1930, 2010}, {"2025", 2028, 2134}} {
		h.word(w.text, w.x0, w.x1, 90, 1)
	}
	slots := inkSlots(h.words, 2480, 3508)
	if len(slots) != 2 || !slots[0].day || !slots[1].month {
		t.Fatalf("%d slots %+v; want the day's and the month's", len(slots), slots)
	}
	s := slots[0]
	if s.nextText != "tháng" || s.slot.Min.X != 1575 || s.slot.Max.X < 1640 || s.slot.Max.X > 1720 {
		t.Errorf("slot %v, next word %q; want from 1575 to where tháng begins, and tháng", s.slot, s.nextText)
	}
	if m := slots[1]; m.slot.Min.X != 1830 || m.slot.Max.X != 1930 || m.nextText != "năm" {
		t.Errorf("month's slot %v, next word %q; want from 1830 to 1930, and năm", m.slot, m.nextText)
	}
	// The month is print, read surely: it is left as Tesseract read it.
	if !slots[1].printed(h.words) {
		t.Error("the printed month 02 taken for handwriting")
	}
}

// On a skewed scan the words OCR returns are on the page as clean-up
// turned it level; the ink is read from the page turned alike, so the
// slots fall on the handwriting.
func TestReadInkOnASkewedPage(t *testing.T) {
	h := newHeader()
	upright := image.NewRGBA(image.Rect(0, 0, 2480, 3508))
	draw.Draw(upright, upright.Bounds(), image.White, image.Point{}, draw.Src)
	// Lines of print for the skew to be found by, below the header.
	for y := 700; y < 3300; y += 90 {
		for x := 300; x < 2200; x += 70 {
			draw.Draw(upright, image.Rect(x, y, x+55, y+30), image.Black, image.Point{}, draw.Src)
		}
	}
	handwriting.Draw(upright, "07", 1600, 466, 56, color.RGBA{40, 40, 140, 255})
	for _, w := range []struct {
		text   string
		x0, x1 int
	}{{"ngày", 1471, 1575}, {"0T", 1593, 1660}, {"tháng", 1687, 1807}, {"02", 1824, 1873}, {"năm", 1905, 1992}, {"2025", 2010, 2113}} {
		h.word(w.text, w.x0, w.x1, 95, 1)
	}
	// The scan: the page turned 2° anticlockwise.
	skewed := image.NewRGBA(upright.Bounds())
	draw.Draw(skewed, skewed.Bounds(), turned(upright, -2), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, skewed); err != nil {
		t.Fatal(err)
	}
	cl, err := Clean(b.Bytes(), 300, []string{StepDeskew})
	if err != nil {
		t.Fatal(err)
	}
	if cl.Skew < 1.5 || cl.Skew > 2.5 {
		t.Fatalf("clean-up turned the page by %.2f°, want about 2°", cl.Skew)
	}
	page := func() image.Image { return turned(skewed, cl.Skew) }
	words, _ := readInk(page, inkSlots(h.words, 2480, 3508), h.words)
	if text := lines(words); !strings.Contains(text, "ngày 07 tháng 02 năm 2025") {
		t.Errorf("date line not read from the ink of the skewed page:\n%s", text)
	}
}

// A scan at 100 dpi: the header's digits are some twelve pixels tall, and
// however surely they are read, the number and the day are left for a
// clerk to confirm; the same page at 300 dpi is read surely.
func TestCoarseScanSlotsAreUnsure(t *testing.T) {
	f, err := os.ReadFile("../testdata/scans/quyetdinh.png")
	if err != nil {
		t.Fatal(err)
	}
	src, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	small := image.NewRGBA(image.Rect(0, 0, src.Bounds().Dx()/3, src.Bounds().Dy()/3))
	xdraw.CatmullRom.Scale(small, small.Bounds(), src, src.Bounds(), xdraw.Src, nil)
	var coarse bytes.Buffer
	if err := png.Encode(&coarse, small); err != nil {
		t.Fatal(err)
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, c := range []struct {
		img    []byte
		dpi    int
		unsure bool
	}{{f, 300, false}, {coarse.Bytes(), 100, true}} {
		pt, err := w.Recognize(context.Background(), c.img, c.dpi)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"07/", "09"} {
			word, ok := wordWithPrefix(pt.Words, want)
			if !ok {
				t.Errorf("%d dpi: no word %q in %s", c.dpi, want, pt.Text)
				continue
			}
			if got := word.Confidence <= inkConfCap; got != c.unsure {
				t.Errorf("%d dpi: %q read with confidence %.0f", c.dpi, word.Text, word.Confidence)
			}
		}
	}
}

func wordWithPrefix(words []vanthu.Word, prefix string) (vanthu.Word, bool) {
	for _, w := range words {
		if strings.HasPrefix(w.Text, prefix) {
			return w, true
		}
	}
	return vanthu.Word{}, false
}

// A header printed ahead with the day and the month left blank, both
// written in by hand in blue, read by Tesseract and the digit model
// through the whole recognition.
func TestRecognizeHandwrittenDayAndMonth(t *testing.T) {
	r, err := pagerender.New()
	if err != nil {
		t.Skip(err)
	}
	g := r.Render([]string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 12/QĐ-UBND|Bình An, ngày         tháng        năm 2025",
		"", "CB|QUYẾT ĐỊNH", "CB|Về việc thành lập Tổ công tác",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
	})
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	read := func(img image.Image) vanthu.PageText { return readDrawn(t, w, img) }
	// Where the slots are: between the printed words of the date line
	// (the header's, above the body's), as first read.
	words := read(g).Words
	box := map[string]vanthu.Word{}
	for _, wd := range words {
		if b, seen := box["THANG"]; fold(wd.Text) == "THANG" && (!seen || wd.Y0 < b.Y0) {
			box["THANG"] = wd
		}
	}
	for _, wd := range words {
		th := box["THANG"]
		if wd.Y1 < th.Y0 || wd.Y0 > th.Y1 {
			continue // not on the date line
		}
		switch f := fold(wd.Text); {
		case strings.HasSuffix(f, "NGAY") && wd.X1 < th.X0:
			box["NGAY"] = wd
		case f == "NAM" && wd.X0 > th.X1:
			box["NAM"] = wd
		}
	}
	if len(box) != 3 {
		t.Fatalf("the date line's words not found: %v", box)
	}
	page := image.NewRGBA(g.Bounds())
	draw.Draw(page, page.Bounds(), g, image.Point{}, draw.Src)
	blue := color.RGBA{40, 40, 140, 255}
	h := box["NGAY"].Y1 - box["NGAY"].Y0
	handwriting.Draw(page, "07", box["NGAY"].X1+20, box["NGAY"].Y0-h/3, h*4/3, blue)
	handwriting.Draw(page, "3", box["THANG"].X1+30, box["THANG"].Y0-h/3, h*4/3, blue)
	if text := read(page).Text; !strings.Contains(text, "ngày 07 tháng 3 năm 2025") {
		t.Errorf("the handwritten day and month not read:\n%s", text)
	}
}

// A draft's or a form's slots are dotted leaders. Left blank, no numeral,
// no day and no month is read from the dots, nor from the code's slash
// beside them; written over by hand, the handwriting is read, and the
// slash is not.
func TestRecognizeDottedSlots(t *testing.T) {
	r, w := drawAndRead(t)
	read := func(img image.Image) vanthu.PageText { return readDrawn(t, w, img) }
	// numberDigits and dateDigits are the digits OCR gave the number
	// before its code (on the first line with the code, "Số:" on it or
	// on the line before), and the date line before its year.
	numberDigits := func(text string) string {
		for _, l := range strings.Split(text, "\n") {
			if before, _, ok := strings.Cut(fold(l), "QD"); ok {
				return strings.Map(keepDigit, before)
			}
		}
		return "no number line"
	}
	dateDigits := func(text string) string {
		for _, l := range strings.Split(text, "\n") {
			if f := fold(l); strings.Contains(f, "NGAY") && strings.Contains(f, "2025") {
				return strings.Map(keepDigit, strings.Split(f, "NAM")[0])
			}
		}
		return "no date line"
	}
	// A Prime Minister's draft and a committee's decision, their slots
	// filled with ellipses and with stops.
	var headers [][]string
	for _, dots := range [][2]string{{"……", "……"}, {"..........", "......."}} {
		headers = append(headers, []string{
			"L|THỦ TƯỚNG CHÍNH PHỦ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"LB||Độc lập - Tự do - Hạnh phúc",
			"L|Số: " + dots[0] + "/QĐ-TTg|Hà Nội, ngày " + dots[1] + " tháng " + dots[1] + " năm 2025",
			"", "CB|QUYẾT ĐỊNH", "CB|Sửa đổi, bổ sung một số điều của Quyết định số 2269",
		}, []string{
			"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
			"L|Số: " + dots[0] + "/QĐ-UBND|Bình An, ngày " + dots[1] + " tháng " + dots[1] + " năm 2025",
			"", "CB|QUYẾT ĐỊNH", "CB|Về việc thành lập Tổ công tác",
		})
	}
	for _, lines := range headers {
		slots := lines[2]
		g := r.Render(append(lines, "Căn cứ Luật Tổ chức chính quyền;"))
		pt := read(g)
		if n, d := numberDigits(pt.Text), dateDigits(pt.Text); n != "" || d != "" {
			t.Errorf("%q blank: number's digits %q, date's %q; want none:\n%s", slots, n, d, pt.Text)
		}
		box := map[string]vanthu.Word{}
		for _, wd := range pt.Words {
			f := fold(wd.Text)
			for _, k := range []string{"SO:", "NGAY", "THANG"} {
				if b, seen := box[k]; strings.HasPrefix(f, k) && (!seen || wd.Y0 < b.Y0) {
					box[k] = wd
				}
			}
		}
		if len(box) != 3 {
			t.Fatalf("%q: the header's words not found: %v", slots, box)
		}
		page := image.NewRGBA(g.Bounds())
		draw.Draw(page, page.Bounds(), g, image.Point{}, draw.Src)
		blue := color.RGBA{40, 40, 140, 255}
		so, ngay, thang := box["SO:"], box["NGAY"], box["THANG"]
		h := so.Y1 - so.Y0
		handwriting.Draw(page, "23", so.X1+25, so.Y0-h/3, h*4/3, blue)
		handwriting.Draw(page, "07", ngay.X0+(ngay.Y1-ngay.Y0)*13/5, ngay.Y0-h/3, h*4/3, blue)
		handwriting.Draw(page, "3", thang.X1+25, thang.Y0-h/3, h*4/3, blue)
		pt = read(page)
		if n, d := numberDigits(pt.Text), dateDigits(pt.Text); n != "23" || d != "073" {
			t.Errorf("%q written over: number's digits %q, date's %q; want 23 and 07, 3:\n%s", slots, n, d, pt.Text)
		}
	}
}

// readDrawn is what w reads of a page drawn by pagerender.
func readDrawn(t *testing.T, w *Worker, img image.Image) vanthu.PageText {
	t.Helper()
	b, err := EncodePNG(img, pagerender.DPI)
	if err != nil {
		t.Fatal(err)
	}
	pt, err := w.Recognize(context.Background(), b, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pt
}
