package ocr

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/internal/pdftest"
)

// An e-office system numbers and dates a scanned document when its văn
// thư signs it: the number and the day are a signature field's
// appearance, drawn over the blank slots of "Số: …" and "ngày …" on the
// scan. OCR reads the scan alone; the numerals are the document's own
// text, read from the PDF (pdftotext reads annotations) and set into the
// slots as sure as print, even on a scan turned a little on the glass.
// A scanner's invisible OCR layer is no such text: its reading of a
// slot's ink is left out.
func TestStampedNumeralsInTheSlots(t *testing.T) {
	r, w := drawAndRead(t)
	g := r.Render([]string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số:           /QĐ-UBND|Bình An, ngày          tháng 3 năm 2025",
		"", "CB|QUYẾT ĐỊNH", "CB|Về việc thành lập Tổ công tác",
		"Căn cứ Luật Tổ chức chính quyền địa phương;",
	})
	blank := readDrawn(t, w, g)
	var so, ngay vanthu.Word
	for _, wd := range blank.Words {
		switch f := fold(wd.Text); {
		case strings.HasPrefix(f, "SO:") && so.Text == "":
			so = wd
		case f == "NGAY" && ngay.Text == "":
			ngay = wd
		}
	}
	if so.Text == "" || ngay.Text == "" {
		t.Fatalf("the header's words not found in:\n%s", blank.Text)
	}
	// Pixels at pagerender.DPI to points, from the page's foot.
	b := g.Bounds()
	pt := func(px int) float64 { return float64(px) * 72 / pagerender.DPI }
	pageW, pageH := pt(b.Dx()), pt(b.Dy())
	// field is a signature field over the slot after the word at, and
	// its appearance, the stream object ap.
	field := func(at vanthu.Word, deg float64, text string, flags, ap int) (annot, stream string) {
		at = turnedWords([]vanthu.Word{at}, deg, b.Dx(), b.Dy())[0] // where the scan has it
		x, y := pt(at.X1)+8, pageH-pt(at.Y1)-4
		draw := fmt.Sprintf("BT 0 g /F1 13 Tf 2 5 Td (%s) Tj ET", text)
		return fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /F %d /Rect [%.1f %.1f %.1f %.1f] /P 3 0 R /AP << /N %d 0 R >> >>", text, flags, x, y, x+40, y+20, ap),
			fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 40 20] /Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(draw), draw)
	}
	// doc is the page as a PDF: the scan turned deg degrees on the glass,
	// the fields over its slots, and an invisible layer of text.
	doc := func(deg float64, fields bool, invisible string) []byte {
		img := turned(g, deg) // the sheet turned on the glass
		var scan bytes.Buffer
		if err := jpeg.Encode(&scan, img, &jpeg.Options{Quality: 85}); err != nil {
			t.Fatal(err)
		}
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n", pageW, pageH)
		if invisible != "" {
			content += fmt.Sprintf("BT 3 Tr /F1 13 Tf %.1f %.1f Td (%s) Tj ET\n", pt(so.X1)+10, pageH-pt(so.Y1), invisible)
		}
		number, numberAP := field(so, deg, "45", 4|128, 9) // print, locked: as e-office systems set them
		day, dayAP := field(ngay, deg, "12", 4|128, 10)
		annots := ""
		if fields {
			annots = "/Annots [6 0 R 7 0 R]"
		}
		return pdftest.Build(
			"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R 7 0 R] /SigFlags 3 >> >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 8 0 R >> /Font << /F1 5 0 R >> >> /Contents 4 0 R %s >>", pageW, pageH, annots),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
			"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
			number, day,
			fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
				b.Dx(), b.Dy(), scan.Len(), scan.String()),
			numberAP, dayAP,
		)
	}
	// slot is the word the page's reading has between label and next on
	// one line, and its confidence.
	slot := func(words []vanthu.Word, label, next string) (string, float64) {
		for i := 1; i+1 < len(words); i++ {
			if fold(words[i-1].Text) == label && strings.HasPrefix(fold(words[i+1].Text), next) {
				return words[i].Text, words[i].Confidence
			}
		}
		return "", 0
	}
	for _, c := range []struct {
		name        string
		deg         float64
		fields      bool
		invisible   string
		number, day string
	}{
		{"stamped", 0, true, "", "45", "12"},
		{"stamped, the scan 2° askew", 2, true, "", "45", "12"},
		{"an OCR layer's 48 under the number's blank", 0, false, "48", "", ""},
	} {
		rs := newRasteriser(t)
		pages := rasteriseBytesWith(t, rs, doc(c.deg, c.fields, c.invisible))
		img, err := rs.Blobs.ReadAll(pages[0].Image)
		if err != nil {
			t.Fatal(err)
		}
		read, err := w.RecognizePage(t.Context(), img, pages[0])
		if err != nil {
			t.Fatal(err)
		}
		n, nc := slot(read.Words, "SO:", "/QD")
		d, dc := slot(read.Words, "NGAY", "THANG")
		if n != c.number || d != c.day || c.number != "" && (nc < 100 || dc < 100) {
			t.Errorf("%s: number %q (%.0f), day %q (%.0f); want %q and %q, sure:\n%s", c.name, n, nc, d, dc, c.number, c.day, read.Text)
		}
		if c.number == "" || c.deg != 0 {
			continue // (askew, OCR may misread the code; a misread code is flagged)
		}
		// What the register gets: the number and the date, not for review.
		page := vanthu.Page{Number: 1, Width: pages[0].Width, Height: pages[0].Height}
		page.TakeText(read)
		res := extract.Read([]vanthu.Page{page}, nil)
		if md := res.Metadata; md.Number != "45/QĐ-UBND" || md.IssuedDate != "2025-03-12" ||
			slices.Contains(res.Review, "number") || slices.Contains(res.Review, "issued_date") {
			t.Errorf("%s: number %q, issued %q, review %v; want 45/QĐ-UBND and 2025-03-12, not for review", c.name, md.Number, md.IssuedDate, res.Review)
		}
	}
}
