package ocr

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/otiai10/gosseract/v2"
	xdraw "golang.org/x/image/draw"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// A department's công văn drawn in Times and scanned at 200 dpi in 1 bit:
// the median filter cuts the curl of the 6 in 876, and Tesseract reads
// 870 as surely as it reads the rest. The number's figures are either
// read as printed or left unsure, under extract's review threshold; so
// are the date's.
func TestFiguresOfABilevelScanReadOrUnsure(t *testing.T) {
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to draw the page with: %v", err)
	}
	g := r.Render([]string{
		"L|UBND TỈNH PHÚ YÊN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ XÂY DỰNG|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 876/SXD-QLN|Phú Yên, ngày 19 tháng 4 năm 2016",
		"L|V/v báo cáo tình hình thực hiện|",
		"L|chính sách hỗ trợ nhà ở đối với|Kính gửi: Bộ Xây dựng.",
		"L|người có công với cách mạng|",
		"",
		"Thực hiện Công văn số 567/BXD-QLN ngày 01 tháng 4 năm 2016 của Bộ Xây dựng,",
		"Sở Xây dựng báo cáo như sau.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, QLN.|",
		"LB||Nguyễn Văn Sơn",
	})
	const dpi = 200
	b := g.Bounds()
	scan := image.NewGray(image.Rect(0, 0, b.Dx()*dpi/pagerender.DPI, b.Dy()*dpi/pagerender.DPI))
	xdraw.BiLinear.Scale(scan, scan.Bounds(), g, b, xdraw.Src, nil)
	for i, v := range scan.Pix { // one bit: black below mid-grey
		if v < 0x80 {
			scan.Pix[i] = 0
		} else {
			scan.Pix[i] = 0xff
		}
	}
	var img bytes.Buffer
	if err := png.Encode(&img, scan); err != nil {
		t.Fatal(err)
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	pt, err := w.RecognizePage(context.Background(), img.Bytes(), vanthu.PageImage{DPI: dpi})
	if err != nil {
		t.Fatal(err)
	}
	// The words with figures on the number's row, which the date line
	// shares.
	label := slices.IndexFunc(pt.Words, func(w vanthu.Word) bool { return strings.HasPrefix(w.Text, "Số") })
	if label < 0 {
		t.Fatalf("no number's label read:\n%s", pt.Text)
	}
	row := (pt.Words[label].Y0 + pt.Words[label].Y1) / 2
	printed := []string{"876/SXD-QLN", "19", "4", "2016"}
	var read []string
	for _, wd := range pt.Words {
		if wd.Y0 > row || wd.Y1 < row || !strings.ContainsAny(wd.Text, "0123456789") {
			continue
		}
		read = append(read, wd.Text)
		if !slices.Contains(printed, strings.TrimRight(wd.Text, ".,")) && wd.Confidence >= 75 {
			t.Errorf("read %q, sure (%.0f), where the row prints %q", wd.Text, wd.Confidence, printed)
		}
	}
	if len(read) != len(printed) {
		t.Errorf("the row's figures read as %q, printed %q", read, printed)
	}
}

// A number whose type code the median filter broke (a faded T's bar cut:
// 02/2020/1-BNV) is taken from the reading without the filter where that
// reads a type's code; a number with one, or with none either way (a
// công văn's 575/UBND-…), stays as first read.
func TestTypeCodes(t *testing.T) {
	row := image.Rect(0, 90, 700, 150)
	box := image.Rect(100, 100, 400, 140)
	for _, c := range []struct{ first, plain, want string }{
		{"02/2020/1-BNV", "02/2020/TT-BNV", "02/2020/TT-BNV"},
		{"77/1r-3VĐK", "77/TTr-BVĐK", "77/TTr-BVĐK"},
		{"125-QD/HU", "125-QĐ/HU", "125-QD/HU"}, // a type's code already
		{"45/QĐ-UBND", "45/QB-UBND", "45/QĐ-UBND"},
		{"575/UIBND-KTTH", "575/UBND-KTTH", "575/UIBND-KTTH"}, // a công văn's: no type either way
		{"15/G1-1V", "15/GI-TV", "15/G1-1V"},
	} {
		words := []gosseract.BoundingBox{{Box: box, Word: c.first}}
		typeCodes(words, []gosseract.BoundingBox{{Box: box.Add(image.Pt(2, 0)), Word: c.plain}}, row)
		if words[0].Word != c.want {
			t.Errorf("%s, without the filter %s: %s, want %s", c.first, c.plain, words[0].Word, c.want)
		}
	}
}
