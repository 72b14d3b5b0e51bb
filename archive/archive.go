// Package archive makes a document's archive copy: the two-layer PDF/A-2b
// file Thông tư 05/2025/TT-BNV asks of a digitised paper document ("PDF/A
// hai lớp"), from the page images as scanned and the corrected text on the
// OCR word boxes, with the NĐ 30 fields in its metadata. The copy is a blob
// beside the original, which is never changed.
package archive

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/layout"
	"github.com/vanthu/vanthu/pdfa"
)

// Namespace is the XMP namespace of the NĐ 30 fields in the copies.
const Namespace = "urn:vanthu:nd30:1/"

// Reasons a document has no copy, in English and Vietnamese.
var (
	NoteBornDigital = [2]string{
		"born-digital PDF: its own text and fonts are kept as received; a PDF/A conversion is not made, as it could not be checked to be faithful",
		"Văn bản điện tử: giữ nguyên bản gốc (không chuyển sang PDF/A vì không bảo đảm được nguyên vẹn)",
	}
	NoteNoPages = [2]string{"no page images", "Không có ảnh trang"}
)

// Eligible reports whether d can have a copy: a scanned document whose
// every page has its image and was read by OCR. Otherwise it returns why
// not.
func Eligible(d vanthu.Document) (bool, [2]string) {
	if len(d.Pages) == 0 {
		return false, NoteNoPages
	}
	for _, p := range d.Pages {
		if p.Image == "" {
			return false, NoteNoPages
		}
		if p.TextSource != "" && p.TextSource != "ocr" {
			return false, NoteBornDigital
		}
	}
	return true, [2]string{}
}

// Build writes the copy of d to the store and returns its record: the copy
// itself, or, for a document that cannot have one, the reason. A page
// image that cannot go into a PDF is an Invalid error.
func Build(ctx context.Context, blobs *blob.Store, d vanthu.Document, now time.Time) (vanthu.ArchiveCopy, error) {
	now = now.UTC().Truncate(time.Second)
	if ok, why := Eligible(d); !ok {
		return vanthu.ArchiveCopy{Built: now, Note: why[0], NoteVI: why[1]}, nil
	}
	pr, pw := io.Pipe()
	written := make(chan error, 1)
	go func() {
		err := Write(pw, blobs, d, now)
		pw.CloseWithError(err)
		written <- err
	}()
	ref, n, err := blobs.Put(ctx, pr, 0)
	pr.CloseWithError(err) // a writer still writing stops
	if werr := <-written; werr != nil {
		return vanthu.ArchiveCopy{}, werr
	}
	if err != nil {
		return vanthu.ArchiveCopy{}, err
	}
	return vanthu.ArchiveCopy{Ref: ref, Size: n, Built: now}, nil
}

// Write writes the copy of d to w, page by page.
func Write(w io.Writer, blobs *blob.Store, d vanthu.Document, now time.Time) error {
	pw, err := pdfa.NewWriter(w, Info(d, now))
	if err != nil {
		return err
	}
	for _, p := range d.Pages {
		img, err := blobs.ReadAll(p.Image)
		if err != nil {
			return fmt.Errorf("page %d: %w", p.Number, err)
		}
		if _, err := pw.AddPage(pdfa.Page{Image: img, DPI: PageDPI(p), Words: Words(p)}); err != nil {
			return vanthu.E(fmt.Sprintf("archive copy, page %d", p.Number), vanthu.Invalid, err)
		}
	}
	return pw.Close()
}

// DefaultDPI is the resolution a scan that does not state one is taken
// at: the copy's page size follows from it; its pixels are as scanned.
const DefaultDPI = 300

// PageDPI is the resolution a page's image is placed at.
func PageDPI(p vanthu.Page) float64 {
	if p.DPI > 0 {
		return float64(p.DPI)
	}
	return DefaultDPI
}

// Words are a page's words in reading order, the order the stored text
// has them in, with their boxes.
func Words(p vanthu.Page) []pdfa.Word {
	var out []pdfa.Word
	for _, s := range layout.ReadingOrder(layout.Segments(p)) {
		for _, w := range s.Words {
			out = append(out, pdfa.Word{Text: w.Text, X0: float64(w.X0), Y0: float64(w.Y0), X1: float64(w.X1), Y1: float64(w.Y1)})
		}
	}
	return out
}

// Info is what the copy says of itself: the trích yếu as its title and the
// NĐ 30 fields and the register's, with an ID that changes when the
// document or its metadata do.
func Info(d vanthu.Document, now time.Time) pdfa.Info {
	md := d.Metadata
	title := md.Subject
	if title == "" {
		title = md.DocType + " " + md.Number
	}
	key, _ := json.Marshal(struct {
		ID vanthu.Ref
		M  vanthu.Metadata
	}{d.ID, md})
	sum := sha256.Sum256(key)
	var id [16]byte
	copy(id[:], sum[:])
	arrival := ""
	if d.ArrivalNumber > 0 {
		arrival = strconv.Itoa(d.ArrivalNumber)
	}
	return pdfa.Info{
		Title: title, Lang: "vi", Created: now.In(vanthu.VietnamTime), ID: id,
		Schema: &pdfa.Schema{
			Name: "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)", Namespace: Namespace, Prefix: "nd30",
			Properties: []pdfa.Property{
				{Name: "soKyHieu", Description: "Số và ký hiệu văn bản", Value: md.Number},
				{Name: "loaiVanBan", Description: "Tên loại văn bản", Value: md.DocType},
				{Name: "coQuanBanHanh", Description: "Tên cơ quan, tổ chức ban hành văn bản", Value: md.Issuer},
				{Name: "diaDanh", Description: "Địa danh", Value: md.Place},
				{Name: "ngayBanHanh", Description: "Ngày, tháng, năm ban hành (YYYY-MM-DD)", Value: md.IssuedDate},
				{Name: "trichYeu", Description: "Trích yếu nội dung", Value: md.Subject},
				{Name: "nguoiKy", Description: "Người ký", Value: md.Signer},
				{Name: "chucVu", Description: "Chức vụ người ký", Value: md.SignerTitle},
				{Name: "doKhan", Description: "Độ khẩn", Value: md.Urgency},
				{Name: "doMat", Description: "Độ mật", Value: md.Confidentiality},
				{Name: "soDen", Description: "Số đến", Value: arrival},
				{Name: "ngayDen", Description: "Ngày đến (YYYY-MM-DD)", Value: d.ArrivalDate},
				{Name: "maBanGoc", Description: "SHA-256 của bản gốc", Value: string(d.ID)},
			},
		},
	}
}
