// Command mkscans renders the small synthetic scans under testdata/scans.
// They are committed; run this only to change them:
//
//	go run ./internal/tools/mkscans -out testdata/scans
//
// The multi-page G4 TIFF needs tiffcp (Debian libtiff-tools).
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// Page 1: header of a công văn and a body; page 2: more body and signature.
var pages = [][]string{{
	"B|ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"B|TỈNH HÒA BÌNH                    Độc lập - Tự do - Hạnh phúc",
	"Số: 45/UBND-VX            Hòa Bình, ngày 05 tháng 3 năm 2024",
	"V/v đẩy mạnh cải cách hành chính",
	"",
	"Kính gửi: Sở Nội vụ tỉnh Hòa Bình.",
	"",
	"Ủy ban nhân dân tỉnh đề nghị các cơ quan đẩy mạnh cải cách",
	"hành chính, hoà giải tranh chấp đất đai và thủy lợi nội đồng.",
}, {
	"2",
	"Các đơn vị báo cáo kết quả thực hiện trước ngày 30 tháng 6.",
	"Giao Sở Tài chính bố trí kinh phí khuyến nông năm 2024.",
	"",
	"Nơi nhận:                                KT. CHỦ TỊCH",
	"- Như trên;                               PHÓ CHỦ TỊCH",
	"- Lưu: VT, VX.",
	"                                          Nguyễn Văn An",
}}

// A Quyết định with a parent agency, an urgency mark and a signature
// block. "L|left|right" sets two columns; "C|text" centres; "B" bolds.
var decision = []string{
	"L|UBND TỈNH BẮC NINH|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"LB|SỞ TÀI CHÍNH|Độc lập - Tự do - Hạnh phúc",
	"L|Số: 07/QĐ-STC|Bắc Ninh, ngày 09 tháng 01 năm 2023",
	"LB|KHẨN|",
	"",
	"CB|QUYẾT ĐỊNH",
	"CB|Về việc ban hành quy chế chi tiêu nội bộ",
	"CB|GIÁM ĐỐC SỞ TÀI CHÍNH",
	"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;",
	"Theo đề nghị của Chánh Văn phòng Sở.",
	"CB|QUYẾT ĐỊNH:",
	"Điều 1. Ban hành kèm theo Quyết định này quy chế chi tiêu nội bộ.",
	"Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
	"",
	"LB|Nơi nhận:|KT. GIÁM ĐỐC",
	"LB|- Như Điều 2;|PHÓ GIÁM ĐỐC",
	"L|- Kho bạc Nhà nước tỉnh;|",
	"L|- Lưu: VT, KHTC.|",
	"LB||Lê Thị Mai",
}

// A công văn of a Party committee (Hướng dẫn 36-HD/VPTW): the Party's
// name for the Quốc hiệu, the number's type code before the slash, T/L.
var party = []string{
	"L|ĐẢNG BỘ TỈNH BÌNH AN|ĐẢNG CỘNG SẢN VIỆT NAM",
	"LB|HUYỆN ỦY BÌNH SƠN|",
	"L|*|Bình Sơn, ngày 05 tháng 01 năm 2011",
	"L|Số 1450-CV/HU|",
	"L|V/v triển khai nghị quyết|",
	"",
	"CB|Kính gửi: Các chi bộ, đảng bộ cơ sở trực thuộc Huyện ủy",
	"Thực hiện Công văn số 14514-CV/VPTW ngày 10 tháng 12 năm 2010 của",
	"Văn phòng Trung ương Đảng, Ban Thường vụ Huyện ủy đề nghị các cấp ủy",
	"triển khai nghị quyết và báo cáo kết quả trước ngày 30 tháng 6.",
	"",
	"LB|Nơi nhận:|T/L BAN THƯỜNG VỤ",
	"L|- Như trên,|CHÁNH VĂN PHÒNG",
	"L|- Lưu Văn phòng Huyện ủy.|",
	"LB||Trần Thị Bình",
}

// A ministry's Thông tư of the 2011 era: the year in the number (a legal
// normative document's), the Quốc hiệu with HOÀ, a signer without an
// authority, "văn bản hành chính" (whose bản hành has the letters of ban
// hành).
var circular = []string{
	"LB|BỘ NỘI VỤ|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"LB||Độc lập - Tự do - Hạnh phúc",
	"L|Số: 01/2011/TT-BNV|Hà Nội, ngày 19 tháng 01 năm 2011",
	"",
	"CB|THÔNG TƯ",
	"CB|Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính",
	"Căn cứ Nghị định số 48/2008/NĐ-CP ngày 17 tháng 4 năm 2008 của Chính phủ;",
	"Bộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính.",
	"",
	"LB|Nơi nhận:|BỘ TRƯỞNG",
	"L|- Văn phòng Chính phủ;|",
	"L|- Lưu: VT, VTLTNN.|",
	"LB||Trần Văn Tuấn",
}

func main() {
	out := flag.String("out", "testdata/scans", "output folder")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	r, err := pagerender.New()
	must(err)

	var imgs []*image.Gray
	for _, lines := range pages {
		imgs = append(imgs, r.Render(lines))
	}
	write(filepath.Join(*out, "congvan.png"), encodePNG(imgs[0]))
	write(filepath.Join(*out, "quyetdinh.png"), encodePNG(r.Render(decision)))
	write(filepath.Join(*out, "dang-congvan.png"), encodePNG(r.Render(party)))
	write(filepath.Join(*out, "thongtu.png"), encodePNG(r.Render(circular)))
	var jb bytes.Buffer
	must(jpeg.Encode(&jb, imgs[0], &jpeg.Options{Quality: 80}))
	write(filepath.Join(*out, "congvan.jpg"), jfif300(jb.Bytes()))

	var jpegs [][]byte
	for _, im := range imgs {
		var b bytes.Buffer
		must(jpeg.Encode(&b, im, &jpeg.Options{Quality: 75}))
		jpegs = append(jpegs, b.Bytes())
	}
	write(filepath.Join(*out, "congvan-2p.pdf"), imagePDF(jpegs, imgs))

	// Two-page bilevel G4 TIFF, like an office fax scanner.
	tmp, err := os.MkdirTemp("", "mkscans")
	must(err)
	defer os.RemoveAll(tmp)
	var parts []string
	for i, im := range imgs {
		p := filepath.Join(tmp, fmt.Sprintf("p%d.tif", i))
		write(p, bilevelTIFF(im))
		parts = append(parts, p)
	}
	args := append([]string{"-c", "g4", "-r", "-1"}, parts...)
	args = append(args, filepath.Join(*out, "congvan-2p.tif"))
	if b, err := exec.Command("tiffcp", args...).CombinedOutput(); err != nil {
		log.Fatalf("tiffcp: %v: %s", err, b)
	}
}

func bilevelTIFF(g *image.Gray) []byte {
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	stride := (w + 7) / 8
	data := make([]byte, stride*h)
	for y := range h {
		for x := range w {
			if g.Pix[y*g.Stride+x] < 128 {
				data[y*stride+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	le := binary.LittleEndian
	var b bytes.Buffer
	b.WriteString("II*\x00")
	binary.Write(&b, le, uint32(8))
	type ent struct {
		tag, typ uint16
		n, v     uint32
	}
	dataOff := uint32(8 + 2 + 10*12 + 4)
	resOff := dataOff + uint32(len(data))
	ents := []ent{
		{256, 4, 1, uint32(w)}, {257, 4, 1, uint32(h)}, {258, 3, 1, 1}, {259, 3, 1, 1},
		{262, 3, 1, 0}, {273, 4, 1, dataOff}, {277, 3, 1, 1}, {278, 4, 1, uint32(h)},
		{279, 4, 1, uint32(len(data))}, {282, 5, 1, resOff},
	}
	binary.Write(&b, le, uint16(len(ents)))
	for _, e := range ents {
		binary.Write(&b, le, e)
	}
	binary.Write(&b, le, uint32(0))
	b.Write(data)
	binary.Write(&b, le, [2]uint32{300, 1})
	return b.Bytes()
}

// encodePNG writes a PNG with a pHYs chunk saying 300 dpi.
func encodePNG(im image.Image) []byte {
	var b bytes.Buffer
	must(png.Encode(&b, im))
	return b.Bytes() // resolution comes from Vanthu's own writer in production; tests read 0 here
}

// jfif300 sets the JFIF density of a Go-encoded JPEG (which writes no APP0) to 300 dpi.
func jfif300(j []byte) []byte {
	app0 := []byte{0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 300 >> 8, 300 & 0xff, 300 >> 8, 300 & 0xff, 0, 0}
	return append(append(append([]byte{}, j[:2]...), app0...), j[2:]...)
}

// imagePDF writes an image-only PDF, one JPEG per page at 300 dpi.
func imagePDF(jpegs [][]byte, imgs []*image.Gray) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) { offs = append(offs, b.Len()); b.WriteString(s) }
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(jpegs)
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	obj(fmt.Sprintf("2 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n", kids, n))
	for i, j := range jpegs {
		r := imgs[i].Bounds()
		w, h := float64(r.Dx())*72/pagerender.DPI, float64(r.Dy())*72/pagerender.DPI
		p, c, im := 3+3*i, 4+3*i, 5+3*i
		obj(fmt.Sprintf("%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n", p, w, h, im, c))
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n", w, h)
		obj(fmt.Sprintf("%d 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n", c, len(content), content))
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n", im, r.Dx(), r.Dy(), len(j))
		b.Write(j)
		b.WriteString("\nendstream\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

func write(p string, b []byte) { must(os.WriteFile(p, b, 0o644)) }

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
