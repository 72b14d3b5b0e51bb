package ocr

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	xdraw "golang.org/x/image/draw"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/internal/pdftest"
)

// A fax in its standard mode scans 204 dots an inch across and 98 down:
// its pixels are twice as tall as wide. Fax servers and fax-to-PDF keep
// them so, in a TIFF that states both resolutions or in a PDF that
// stretches the image over the page. Read pixel for pixel, the letters
// are half their height and nothing reads; the page is read as it was
// on paper, and what a fax's coarse lines cannot make sure goes to a
// clerk.
func TestFaxPagesReadAtTheirShape(t *testing.T) {
	r, w := drawAndRead(t)
	sheet := headedSheet(r)
	const xdpi, ydpi = 204, 98
	fax := image.NewGray(image.Rect(0, 0, 2480*xdpi/300, 3508*ydpi/300))
	xdraw.CatmullRom.Scale(fax, fax.Bounds(), sheet, sheet.Bounds(), xdraw.Src, nil)
	bits := bilevel(fax)
	fb := fax.Bounds()

	dir := t.TempDir()
	tif := filepath.Join(dir, "fax.tif")
	if err := os.WriteFile(tif, bilevelTIFF(bits, fb.Dx(), fb.Dy(), xdpi, ydpi), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "fax.pdf")
	if err := os.WriteFile(pdf, bilevelPDF(bits, fb.Dx(), fb.Dy(), 595.3, 841.9), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"}
	for _, c := range []struct {
		file   string
		format vanthu.Format
	}{{tif, vanthu.TIFF}, {pdf, vanthu.PDF}} {
		rs := newRasteriser(t)
		var pages []vanthu.PageImage
		err := rs.Rasterise(t.Context(), c.file, c.format, func(p vanthu.PageImage) error {
			pages = append(pages, p)
			return nil
		})
		if err != nil || len(pages) != 1 {
			t.Fatalf("%s: %d pages, %v", c.format, len(pages), err)
		}
		p := pages[0]
		// The page image has the sheet's shape: A4, 297 by 210.
		if ratio := float64(p.Height) / float64(p.Width); ratio < 1.39 || ratio > 1.44 {
			t.Errorf("%s: page image %d×%d, %.2f times as tall as wide; want A4's 1.41", c.format, p.Width, p.Height, ratio)
		}
		img, err := rs.Blobs.ReadAll(p.Image)
		if err != nil {
			t.Fatal(err)
		}
		read, err := w.RecognizePage(t.Context(), img, p)
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		for _, s := range want {
			if !strings.Contains(read.Text, s) {
				t.Errorf("%s: %q not read in:\n%s", c.format, s, read.Text)
			}
		}
		// At 98 lines an inch a figure of the header is eight pixels
		// tall, and a 3 and an 8 differ by one: the number and the date
		// are read, and left for a clerk to confirm.
		if p.ScanDPI != ydpi {
			t.Errorf("%s: scan resolution %d; want %d", c.format, p.ScanDPI, ydpi)
		}
		page := vanthu.Page{Number: 1, Width: p.Width, Height: p.Height}
		page.TakeText(read)
		res := extract.Read([]vanthu.Page{page}, nil)
		if md := res.Metadata; md.Number == "" || md.IssuedDate == "" || !slices.Contains(res.Review, "number") || !slices.Contains(res.Review, "issued_date") {
			t.Errorf("%s: number %q, issued %q, review %v; want both read and for review", c.format, md.Number, md.IssuedDate, res.Review)
		}
	}
}

// headedSheet is an A4 sheet at 300 dpi with a Quyết định's header, type,
// trích yếu and first lines at its top.
func headedSheet(r *pagerender.Renderer) *image.Gray {
	drawn := r.Render([]string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 45/QĐ-UBND|Bình An, ngày 12 tháng 3 năm 2025",
		"", "CB|QUYẾT ĐỊNH", "CB|Về việc thành lập Tổ công tác",
		"Căn cứ Luật Tổ chức chính quyền địa phương;",
		"Xét đề nghị của Giám đốc Sở Nội vụ tỉnh Bình An.",
	})
	sheet := image.NewGray(image.Rect(0, 0, 2480, 3508))
	draw.Draw(sheet, sheet.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(sheet, drawn.Bounds(), drawn, image.Point{}, draw.Src)
	return sheet
}

// bilevel is g at one bit a pixel, rows padded to a byte, 1 for paper.
func bilevel(g *image.Gray) []byte {
	b := g.Bounds()
	stride := (b.Dx() + 7) / 8
	bits := make([]byte, stride*b.Dy())
	for y := range b.Dy() {
		for x := range b.Dx() {
			if g.GrayAt(b.Min.X+x, b.Min.Y+y).Y >= 128 {
				bits[y*stride+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	return bits
}

// bilevelTIFF is a one-page TIFF of the w×h bits, uncompressed, at xdpi
// by ydpi.
func bilevelTIFF(bits []byte, w, h, xdpi, ydpi int) []byte {
	type entry struct {
		tag, typ uint16
		n, v     uint32
	}
	const nEntries = 11
	data := uint32(8 + 2 + 12*nEntries + 4) // the rationals, then the pixels
	entries := []entry{
		{256, 4, 1, uint32(w)}, {257, 4, 1, uint32(h)},
		{258, 3, 1, 1}, {259, 3, 1, 1}, {262, 3, 1, 1}, // 1 bit, uncompressed, 0 is black
		{273, 4, 1, data + 16}, {278, 4, 1, uint32(h)}, {279, 4, 1, uint32(len(bits))},
		{282, 5, 1, data}, {283, 5, 1, data + 8}, {296, 3, 1, 2}, // resolutions, in inches
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("II*\x00")
	binary.Write(&b, le, uint32(8))
	binary.Write(&b, le, uint16(len(entries)))
	for _, e := range entries {
		binary.Write(&b, le, e)
	}
	binary.Write(&b, le, uint32(0))
	binary.Write(&b, le, [4]uint32{uint32(xdpi), 1, uint32(ydpi), 1})
	b.Write(bits)
	return b.Bytes()
}

// bilevelPDF is a one-page PDF of pw×ph points whose page is the w×h bits,
// drawn to fill it.
func bilevelPDF(bits []byte, w, h int, pw, ph float64) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(bits)
	zw.Close()
	content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", pw, ph)
	return pdftest.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>", pw, ph),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, z.Len(), z.String()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	)
}

// Tools that know no resolution write a scan at one point a pixel: a 300
// dpi A4 scan makes a page 875 by 1238 mm, 151 million pixels at 300 dpi.
// Such a page is the paper it was scanned from, A4 at 300 dpi, whether it
// is its scan alone or has a signing tool's stamp drawn over it (and is
// rendered whole); neither is refused as too large.
func TestScanWrittenAtOnePointAPixel(t *testing.T) {
	r, w := drawAndRead(t)
	sheet := headedSheet(r)
	var scan bytes.Buffer
	if err := jpeg.Encode(&scan, sheet, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	const pw, ph = 2480, 3508 // points: one a pixel
	for _, c := range []struct {
		name  string
		stamp string // drawn over the scan
	}{
		{"the scan alone", ""},
		{"a signing stamp over it", "BT /F1 40 Tf 1500 200 Td (Signed: Van thu 2025-03-12) Tj ET\n"},
	} {
		content := fmt.Sprintf("q %d 0 0 %d 0 0 cm /Im0 Do Q\n%s", pw, ph, c.stamp)
		pdf := pdftest.Build(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>", pw, ph),
			fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream", pw, ph, scan.Len(), scan.String()),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		)
		file := filepath.Join(t.TempDir(), "scan.pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		rs := newRasteriser(t)
		if err := rs.Probe(t.Context(), file, vanthu.PDF); err != nil {
			t.Errorf("%s: refused: %v", c.name, err)
			continue
		}
		pages := rasteriseBytesWith(t, rs, pdf)
		p := pages[0]
		if p.DPI != 300 || p.Width != pw || p.Height != ph {
			t.Errorf("%s: page image %d×%d at %d dpi; want %d×%d at 300", c.name, p.Width, p.Height, p.DPI, pw, ph)
		}
		img, err := rs.Blobs.ReadAll(p.Image)
		if err != nil {
			t.Fatal(err)
		}
		read, err := w.RecognizePage(t.Context(), img, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác"} {
			if !strings.Contains(read.Text, s) {
				t.Errorf("%s: %q not read in:\n%s", c.name, s, read.Text)
			}
		}
	}
}
