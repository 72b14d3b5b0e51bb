package eval

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/draw"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// marked are the kinds stamped with marks of secrecy and urgency in red
// (the red dropout takes them off the page Tesseract reads), each with
// where the baselines of the marks' text start: under the number, one
// under the other, as NĐ 30 sets them.
var marked = map[string][]struct {
	text string
	at   image.Point
}{
	"health department's Kế hoạch stamped MẬT and KHẨN in red": {{"MẬT", image.Point{560, 470}}, {"KHẨN", image.Point{540, 630}}},
	"district's công văn stamped HỎA TỐC HẸN GIỜ in red":       {{"HỎA TỐC HẸN GIỜ", image.Point{540, 630}}},
}

// received are the kinds a receiving office has stamped ĐẾN (NĐ 30, Phụ
// lục IV), each with where the stamp's top left is: in the space under a
// công văn's trích yếu, or under the date beside the heading.
var received = map[string]image.Point{
	"department's công văn received, the stamp under its trích yếu": {180, 480},
	"district's Quyết định received, the stamp beside its heading":  {1780, 390},
}

// receivedStamp is what the receiving office's stamp holds, the number
// and the day written in.
var receivedStamp = []string{"SỞ TÀI CHÍNH", "ĐẾN  Số: 3382", "Ngày: 17/6/19", "Chuyển: QLNS"}

// kindFields are the fields kinds transcribe.
var kindFields = []string{"number", "doc_type", "issuer", "parent_body", "issued_date", "place", "subject", "signer", "signer_title", "urgency", "confidentiality"}

// kindScans are the ways the kinds are scanned: each with the per-field
// counts (of len(kinds)) the code reaches and the most fields it gets
// wrong without flagging them for review. Tesseract reads the bold "mức
// chi hỗ trợ" of the Nghị quyết's trích yếu as "mức chỉ", a possible
// syllable, which the compound mức chi puts right (dict.RepairCompound).
// It reads the school's code THPTLN1 as THPTLNI1: no abbreviation of the
// school's name has the I (issuerCodeFits), so the doubled stroke is
// taken out and the number flagged. It reads the corporation's bold ĐIỆN
// LỰC MIỀN as ĐIỆN LỤC MIẾN, put right by the compounds of agencies'
// names. In 1 bit it reads the chair's number 456/QĐ-CT as 156 (flagged:
// CT, the chair's code of the years before 2015, abbreviates no name in
// the header), and the ethnic committee's "đối với" as "dõi với", which
// dict.RepairSlip puts right (dõi is theo dõi's alone; đối với is no
// compound of the list, its letters being those of "đi đôi với" and
// "trao đổi với" too).
var kindScans = []scanning{
	{"300 dpi", 300, jpegImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	{"200 dpi 1 bit", 200, bilevelImage, map[string]int{
		"number": 69, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// At 100 dpi, the command's signer Đại tá Võ Văn Bình is read "Đại ta
	// Võ Van Bình": the rank is known with its marks lost; Van after the
	// family name is the middle name Văn (flagged). The general's
	// "Thượng tướng" is read "ILhượng tường", two letters off, and his
	// KT. "El" (both flagged). The investigating agency's signer Lê Quang
	// Vinh is read "Eeế Quang Vĩnh", and the role over him "ETL. THLU
	// TRƯỞNG / PHÓ CHỈ HUY TRƯỞNG" (both flagged).
	{"100 dpi colour", 100, jpegImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 67, "signer_title": 66, "urgency": 70, "confidentiality": 70,
	}, 0},
	{"150 dpi grey, turned, JPEG 50", 150, turnedGreyImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// The fax reads the department's signer Đặng Thị Ngọc Ánh as Ảnh, the
	// hook for the acute: no given name of the list, put right, flagged
	// (dict.RepairGivenName).
	{"fax, standard mode: 204 by 98 dpi, 1 bit", 204, faxImage, map[string]int{
		"number": 69, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// Upside down, two short letters measure too little for Leptonica to
	// turn them, and are turned because they read as no language
	// (ocr.RecognizePage).
	{"200 dpi upside down", 200, upsideDownImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// On its side, the commune's number 27 is read 227 (flagged).
	{"200 dpi on its side", 200, sidewaysImage, map[string]int{
		"number": 69, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// Printed as the toner runs out and scanned in 1 bit, strokes thin:
	// the median filter cuts a T's bar (10/2020/1-BNV: the number taken
	// from the reading without it where that reads a type's code,
	// ocr.typeCodes; both readings broken, flagged) and cuts a sắc to
	// what reads as a hỏi (đổi với, cổ định): the two readings disagree,
	// and the trích yếu goes to review (ocr.takeMarks, extract.disputed)
	// unless the register's words settle it: đổi before với is đối
	// (dict.RepairSlip; trao đổi với stays), cổ định is cố định (a
	// compound). A breve read as a sắc in a province's name (BÁC GIANG)
	// is respelt (dict.RepairBareProvince). Wrong without review: the
	// red MẬT, faded past the scanner's threshold, gone; the Ê Đê name's
	// đ read d (Kdoh); "di tích" read "đi tích", another word.
	{"200 dpi 1 bit, the toner running out", 200, fadedBilevelImage, map[string]int{
		"number": 62, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 69,
		"subject": 67, "signer": 69, "signer_title": 69, "urgency": 70, "confidentiality": 69,
	}, 3},
	// A copy made on a copier set dark, scanned in 1 bit: strokes spread,
	// toner specks. A V/v's slash and v run together (V#w, VW: read as
	// V/v, extract.vvLead); a speck beside a parent's name read as a
	// circumflex alone (dropped, extract.edgeSpeck); a speck under a vowel
	// read as a dot by the reading without the median filter (Bạn, khụ:
	// not taken, ocr.speckTone). Flagged: a 7 run into specks
	// (27103/QĐ-UBND), the Ê Đê name's đ (Kớđoh).
	{"200 dpi 1 bit, a dark copy", 200, darkCopyImage, map[string]int{
		"number": 69, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 69, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	// Scanned light, in colour: the ink a mid-grey, made black before it
	// is read (ocr.StepLevels), and the stamps' pale red and grey found
	// on that scale (ocr.Cleaned.Ink). Flagged: HỎA TỐC HẸN GIỜ read
	// HỎA TỐC.
	{"200 dpi colour, scanned light", 200, lightImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 69, "confidentiality": 70,
	}, 0},
	// A page of a bound file, the gutter's shadow along its left edge
	// over the first letters of the kinds' narrow margins: evened out
	// before the bed step took it for a bed (ocr.StepShade). Flagged: a
	// numeral doubled (227/QĐ-UBND), a Hmong place's o read óo.
	{"200 dpi colour, a bound file's gutter", 200, gutterImage, map[string]int{
		"number": 69, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 69,
		"subject": 70, "signer": 70, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
}

// timesScans are the ways the kinds drawn in Times New Roman's widths,
// their date lines in italic (pagerender.NewTimes), are scanned. In Times
// the police department's "dịp" is read "địp", a syllable that can be
// spelt but is no one's word, put right by the one in use a mark away
// (ocr.Correct, dict.IsAttested), and at 200 dpi the ethnic committee's
// Đắk Lắk on its date line "Đủk Laäk", two letters off its header's, no
// place's name (flagged: dict.PlaceNamed). Drawn in Times and scanned in
// 1 bit, the hairlines of the drawing (which has no ink spread of a
// printer) break: the median filter takes a 6's curl (876 read 870, as
// surely as the rest: the two readings of the figures part, and the
// number goes to review, ocr.disputedFigures) and whole tone marks (thuê,
// Tân for thuế, Tấn: taken from the reading without the filter,
// ocr.takeMarks). Still wrong without review there: the festival's Bóc
// read Bác, another letter, a word of the language. The province's "phân
// bổ" read "phần bố", words of the language too, is flagged: their
// letters are those of phân bổ and phân bố, and they are spelt as neither
// (dict.MisspeltCompound). The library's number 15/GT-TV is read
// "I5GT-TV", its slash lost and its 1 an I: the numeral unread, flagged.
// In Times at 200 dpi
// a number's slash may go with the gap it stood in (Số: 05CD-UBND,
// 215MTTQ-BTT), a police unit's 6 is read G (PC0G), and the foot of an
// L a stop (12/KI.-TTr): read as the number, the first two flagged
// (extract.ParseNumberLine). The received stamp's mark read as a figure
// within the department's code (S5TC) is taken out, flagged
// (extract.strayFigure). A Party number's slash read in 1 bit as a 7
// (12-CI7TU) is read as the slash, flagged (extract.ParseNumberLine). A
// drafting unit's code misread in the number (CCVCG, CCVG, TFHT) is put
// right by its reading in "Lưu: VT, …", flagged (extract.checkUnitCode);
// the city department's CCVC read CCGVCG, two letters too many, is
// flagged and not put right. A
// đ read as d and đ side by side (Kđdoh, DĐúk Nông) is read once
// (ocr.strokeOnce). The
// italic month's 1 read by its flag as a T (tháng T1) is read as 1,
// flagged (extract.readDateLine). The Hmong chair Giàng Seo Phử is read
// Giảng, the hook for the grave: Giang and Giàng have its letters, so
// it is left as read, flagged.
var timesScans = []scanning{
	{"Times, 300 dpi", 300, jpegImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 70,
		"subject": 70, "signer": 69, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	{"Times, 200 dpi colour", 200, jpegImage, map[string]int{
		"number": 70, "doc_type": 70, "issuer": 70, "parent_body": 70, "issued_date": 70, "place": 69,
		"subject": 70, "signer": 68, "signer_title": 70, "urgency": 70, "confidentiality": 70,
	}, 0},
	{"Times, 200 dpi 1 bit", 200, bilevelImage, map[string]int{
		"number": 65, "doc_type": 70, "issuer": 69, "parent_body": 70, "issued_date": 68, "place": 69,
		"subject": 68, "signer": 67, "signer_title": 68, "urgency": 70, "confidentiality": 70,
	}, 1},
}

// TestOtherKindsOfDocuments reads, through the whole pipeline, documents
// of other agencies, eras and types than the real twelve, in the forms the
// rules of the format allow: a Party committee's and the Youth Union's
// (their name for the Quốc hiệu, the type before the slash), a ministry's
// Thông tư of 2011 and a council's Nghị quyết (the year in the number), a
// body under an abbreviated parent, a Biên bản without Nơi nhận, a Công
// điện marked Hỏa tốc, a name and a trích yếu on two lines, a body set
// close under the trích yếu, a city's date line long enough to run into
// the number, a police department's secret công văn signed with a rank, a
// school under its department, a provincial office's công văn with its
// number spaced out and three lines of role, a copy whose copying
// office's block stands under the original's signature, the Government
// Office's công văn signed for its head, a minister (two offices on one
// line), a law, whose number's label names it and whose date is in its
// last sentence, and a tax department's công văn, whose issuing code (CT)
// is also Chỉ thị's, two documents a receiving office stamped ĐẾN, one
// it received by fax, one stamped MẬT and KHẨN in red, a university's and
// a hospital's signed by a professor and a doctor (their titles before
// the name), a giấy mời whose body opens close under its trích yếu, a
// corporation's and a ministry's whose names break over lines (one after
// its dash), a city department's signed by its acting head, the Prime
// Minister's, a commune's under its district, an inspectorate's Kết luận
// thanh tra (its heading qualifying its type), a chair's of 2012 numbered
// QĐ-CT, a commune council's with its term and sitting, a district health
// centre's under its department, a công văn signed for the head by the
// head of a unit whose name takes a second line, and four signed by
// people of the Central Highlands and the Khmer (Y Giang Gry Niê Knơng,
// H' Yim Kđoh, Ksor Phước Hà, Thạch Chanh Đa), and a công văn whose
// Kính gửi stands in the right column beside its trích yếu; the
// Government's Nghị định, a provincial Party committee's Chỉ thị, the
// Fatherland Front's công văn signed by a member of its standing
// committee (no KT. between), a court's Thông báo, a military command's
// công văn under its military region and a provincial police's, signed
// with a rank, a department's Hướng dẫn, a procuracy's Quyết định, a
// ward's Kế hoạch of 2025 and the State Bank's branch under its parent's
// name on two lines; a province's Quyết định as published, "(Đã ký)"
// where the signature was, a department of justice's Tờ trình, the
// Ministry of Defence's công văn Thượng khẩn and Tối mật signed by a
// general, a district council's Nghị quyết with its term and sitting, a
// department whose name takes three lines, the Farmers' Union's Báo
// cáo, its trích yếu on two lines with the body close under it, a
// province's Quyết định dated at Phan Thiết, its trích yếu going on with
// Chương trình, a provincial library's Giấy giới thiệu of 2014 under its
// department, numbered with its type's code of Thông tư 01/2011 (GT) and
// with no trích yếu, an investigating agency's Quyết định signed for its
// head (KT. THỦ TRƯỞNG, the letters of a minister's deputy), a
// provincial Party committee's department's Hướng dẫn signed K/T (its
// TUYÊN read TUYỂN or TUYẾN in every scan, put right by dict's phrases),
// a chi cục's Quyết định under its sở, signed for the chi cục trưởng
// (its THỦY LỢI one letter from CHI CỤC THUẾ), a district's công văn
// stamped HỎA TỐC HẸN GIỜ in red (its Ẹ lost in Times in 1 bit), and a
// city department's công văn whose date line wraps after the place's
// comma, and an upland commune's công văn under its district, stamped
// KHẨN and MẬT on one row and signed by a Hmong chair.
// Each is drawn at 300 dpi and scanned at 300 dpi in colour, at 200 dpi
// in 1 bit, at 100 dpi in colour, at 150 dpi in grey turned 1.5° (JPEG
// 50), as a fax in its standard mode, and at 200 dpi upside down and on
// its side, as the real twelve are rescanned; and drawn again in Times
// New Roman's widths and scanned at 300 and at 200 dpi in colour and at
// 200 dpi in 1 bit.
func TestOtherKindsOfDocuments(t *testing.T) {
	pages := drawKinds(drawer(t, false))
	for i, sc := range kindScans {
		readKinds(t, i, sc, pages)
	}
	times, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no Times New Roman's widths to draw the documents with: %v", err)
	}
	pages = drawKinds(times)
	for i, sc := range timesScans {
		readKinds(t, len(kindScans)+i, sc, pages)
	}
}

// drawer returns the renderer the kinds are drawn with, in DejaVu Serif
// or in Times New Roman's widths (pagerender.New, NewTimes), for a test
// that reads them with OCR: it skips the test in -short mode, or where
// the fonts are missing.
func drawer(t *testing.T, times bool) *pagerender.Renderer {
	t.Helper()
	if testing.Short() {
		t.Skip("the documents are read with OCR")
	}
	newRenderer := pagerender.New
	if times {
		newRenderer = pagerender.NewTimes
	}
	r, err := newRenderer()
	if err != nil {
		t.Skipf("no fonts to draw the documents with: %v", err)
	}
	return r
}

// drawnWith is each of kinds, the i-th k, drawn by draw with r.
func drawnWith(r *pagerender.Renderer, draw func(r *pagerender.Renderer, i int, k kind) *image.RGBA) []*image.RGBA {
	pages := make([]*image.RGBA, len(kinds))
	for i, k := range kinds {
		pages[i] = draw(r, i, k)
	}
	return pages
}

// drawKinds draws each of kinds with r (drawKind).
func drawKinds(r *pagerender.Renderer) []*image.RGBA {
	return drawnWith(r, func(r *pagerender.Renderer, _ int, k kind) *image.RGBA { return drawKind(r, k, k.lines) })
}

// drawKind draws lines, k's or k's changed, with r, and k's received
// stamp and red marks.
func drawKind(r *pagerender.Renderer, k kind, lines []string) *image.RGBA {
	g := r.Render(lines)
	if at, ok := received[k.name]; ok {
		r.Stamp(g, at, receivedStamp)
	}
	page := image.NewRGBA(g.Bounds())
	if _, ok := marked[k.name]; ok {
		// On an A4 page: a stamp's letters are told from others by
		// their size against the page's.
		page = image.NewRGBA(image.Rect(0, 0, g.Bounds().Dx(), pagerender.PageHeight))
		draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	}
	draw.Draw(page, g.Bounds(), g, image.Point{}, draw.Src)
	for _, m := range marked[k.name] {
		r.Mark(page, m.at, m.text, color.RGBA{215, 35, 45, 255})
	}
	return page
}

// readKinds scans the kinds' pages as sc, the way numbered way, says
// (those of the kinds sampled reads), reads them through the whole
// pipeline and scores their fields against sc's floors.
func readKinds(t *testing.T, way int, sc scanning, pages []*image.RGBA) {
	t.Helper()
	t.Run(sc.name, func(t *testing.T) {
		var ks []kind
		var drawn []*image.RGBA
		for i, k := range kinds {
			if sampled(way, i) {
				ks, drawn = append(ks, k), append(drawn, pages[i])
			}
		}
		dir := t.TempDir()
		names := make([]string, len(ks))
		err := parallel(len(ks), func(i int) error {
			img := drawn[i]
			if sc.dpi != pagerender.DPI {
				b := img.Bounds()
				img = image.NewRGBA(image.Rect(0, 0, b.Dx()*sc.dpi/pagerender.DPI, b.Dy()*sc.dpi/pagerender.DPI))
				draw.BiLinear.Scale(img, img.Bounds(), drawn[i], b, draw.Src, nil)
			}
			names[i] = filepath.Join(dir, fmt.Sprintf("kind-%02d.pdf", i))
			return os.WriteFile(names[i], imagesPDF([]*image.RGBA{img}, sc.dpi, sc.page), 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for i, k := range ks {
			files[names[i]] = k.name
		}
		readAndScore(t, files, ks, sampleFloors(sc.floors, len(kinds), len(ks)), sc.unflagged)
	})
}

// readAndScore reads files (each the drawing of the kind it names) through
// the whole pipeline and scores the fields of ks against floors, with at
// most unflagged wrong without review; nil floors ask every field of
// every kind.
func readAndScore(t *testing.T, files map[string]string, ks []kind, floors map[string]int, unflagged int) {
	t.Helper()
	res, err := processFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	var cases []fieldCase
	for _, k := range ks {
		want := map[string]any{}
		for f, v := range k.want {
			want[f] = v
		}
		cases = append(cases, fieldCase{k.name, want, res[k.name]})
	}
	if floors == nil {
		floors = map[string]int{}
		for _, f := range kindFields {
			floors[f] = len(ks)
		}
	}
	scoreFields(t, cases, kindFields, floors, unflagged)
}
