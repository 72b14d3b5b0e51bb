package casefile

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
)

// Names of the files an export holds besides the documents.
const (
	MetadataName = "metadata.xml"
	ContentsName = "muc-luc.csv"
	ManifestName = "manifest-sha256.txt"
)

// Opener opens a blob: a document's archive copy or original.
type Opener func(vanthu.Ref) (io.ReadCloser, error)

// Export writes a case file for deposit as a zip, streamed: each document
// (in the file's order) as its archive copy, or its original when it has
// none, named mã hồ sơ.STT; metadata.xml with the file's and each
// document's fields (the e-metadata of NĐ 30/2020 Phụ lục VI); muc-luc.csv,
// the table of contents; and manifest-sha256.txt, the SHA-256 of every
// other file. docs are the file's documents, in its order.
func Export(w io.Writer, cf vanthu.CaseFile, docs []vanthu.Document, open Opener, now time.Time) error {
	zw := zip.NewWriter(w)
	var manifest strings.Builder
	// add writes one file and its line of the manifest, and returns its
	// SHA-256.
	add := func(name string, modified time.Time, write func(io.Writer) error) (string, error) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return "", err
		}
		h := sha256.New()
		if err := write(io.MultiWriter(f, h)); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		sum := hex.EncodeToString(h.Sum(nil))
		fmt.Fprintf(&manifest, "%s  %s\n", sum, name)
		return sum, nil
	}
	meta := fileMetadata(cf, docs, now)
	for i, d := range docs {
		if d.Status == vanthu.Held || d.Format == "" && !d.HasArchiveCopy() {
			continue // a state-secret stub, or a record imported without its file: listed, no file
		}
		ref, ext, modified := d.ID, extensions[d.Format], d.ReceivedAt
		if d.HasArchiveCopy() {
			ref, ext, modified = d.Archive.Ref, ".pdf", d.Archive.Built
		}
		name := Name(cf.Code, i+1, ext)
		sum, err := add(name, modified, func(w io.Writer) error {
			rc, err := open(ref)
			if err != nil {
				return err
			}
			defer rc.Close()
			_, err = io.Copy(w, rc)
			return err
		})
		if err != nil {
			return err
		}
		meta.Documents[i].File = &fileRef{Name: name, SHA256: sum}
	}
	_, err := add(MetadataName, now, func(w io.Writer) error {
		io.WriteString(w, xml.Header)
		enc := xml.NewEncoder(w)
		enc.Indent("", "  ")
		return enc.Encode(meta)
	})
	if err != nil {
		return err
	}
	if _, err := add(ContentsName, now, func(w io.Writer) error { return contents(w, meta) }); err != nil {
		return err
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: now})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, manifest.String()); err != nil {
		return err
	}
	return zw.Close()
}

var extensions = map[vanthu.Format]string{vanthu.PDF: ".pdf", vanthu.TIFF: ".tif", vanthu.JPEG: ".jpg", vanthu.PNG: ".png"}

// The metadata, with the element names of NĐ 30/2020 Phụ lục VI's
// e-metadata of a hồ sơ (FileCode, Title, Maintenance, Rights, Creator,
// Language, StartDate, EndDate, DocTotal, PageTotal, Description) and of a
// document (FileCode, DocOrdinal, TypeName, CodeNumber, CodeNotation,
// IssuedDate, OrganName, Subject, Language, PageAmount, Description,
// SignerInfo, Priority, ArrivalNumber, ArrivalDate), with what Vanthu adds:
// the secrecy, the place, how the copy was made, the files and their hashes.
type fileXML struct {
	XMLName     xml.Name `xml:"HoSo"`
	FileCode    fileCode `xml:"FileCode"`
	Title       string   `xml:"Title"`
	Maintenance string   `xml:"Maintenance"`
	DueYear     string   `xml:"DueYear"`
	Rights      string   `xml:"Rights"`
	Creator     string   `xml:"Creator"`
	Language    string   `xml:"Language"`
	StartDate   string   `xml:"StartDate"`
	EndDate     string   `xml:"EndDate"`
	DocTotal    int      `xml:"DocTotal"`
	PageTotal   int      `xml:"PageTotal"`
	Description string   `xml:"Description"`
	Exported    string   `xml:"Exported"`
	Documents   []docXML `xml:"Documents>Document"`
}

type fileCode struct {
	Code         string `xml:"Code"`
	OrganID      string `xml:"OrganId"`
	FileCatalog  string `xml:"FileCatalog"`
	FileNotation string `xml:"FileNotation"`
}

type docXML struct {
	FileCode        string   `xml:"FileCode"`
	DocOrdinal      int      `xml:"DocOrdinal"`
	TypeName        string   `xml:"TypeName"`
	CodeNumber      string   `xml:"CodeNumber"`
	CodeNotation    string   `xml:"CodeNotation"`
	IssuedDate      string   `xml:"IssuedDate"`
	OrganName       string   `xml:"OrganName"`
	Subject         string   `xml:"Subject"`
	Language        string   `xml:"Language"`
	PageAmount      int      `xml:"PageAmount"`
	Description     string   `xml:"Description"`
	Signer          signer   `xml:"SignerInfo"`
	Priority        string   `xml:"Priority"`
	Confidentiality string   `xml:"Confidentiality"`
	Place           string   `xml:"Place"`
	ArrivalNumber   string   `xml:"ArrivalNumber"`
	ArrivalDate     string   `xml:"ArrivalDate"`
	Mode            string   `xml:"Mode"` // số hóa (a scan's PDF/A copy) or gốc điện tử
	Rights          string   `xml:"Rights"`
	File            *fileRef `xml:"File,omitempty"` // none for a secret stub or a record without its file
	Original        string   `xml:"OriginalSHA256"`
}

type signer struct {
	Position string `xml:"Position"`
	FullName string `xml:"FullName"`
}

type fileRef struct {
	Name   string `xml:"name,attr"`
	SHA256 string `xml:"sha256,attr"`
}

func fileMetadata(cf vanthu.CaseFile, docs []vanthu.Document, now time.Time) *fileXML {
	m := &fileXML{
		FileCode: splitCode(cf.Code), Title: cf.Title, Maintenance: cf.Retention, Rights: "có điều kiện",
		Creator: cf.CreatedBy, Language: "vi", StartDate: dmy(cf.Start), EndDate: dmy(cf.End),
		DocTotal: len(docs), Description: cf.Description, Exported: now.In(vanthu.VietnamTime).Format(time.RFC3339),
	}
	if y := DueYear(cf); y > 0 {
		m.DueYear = strconv.Itoa(y)
	}
	for i, d := range docs {
		md := d.Metadata
		num, notation, _ := strings.Cut(md.Number, "/")
		x := docXML{
			FileCode: cf.Code, DocOrdinal: i + 1, TypeName: md.DocType, CodeNumber: num, CodeNotation: notation,
			IssuedDate: dmy(md.IssuedDate), OrganName: md.Issuer, Subject: md.Subject, Language: "vi",
			PageAmount: d.PageCount, Signer: signer{md.SignerTitle, md.Signer}, Priority: md.Urgency,
			Confidentiality: md.Confidentiality, Place: md.Place, ArrivalDate: dmy(d.ArrivalDate),
			Mode: "số hóa", Rights: "có điều kiện", Original: string(d.ID),
		}
		if d.ArrivalNumber > 0 {
			x.ArrivalNumber = strconv.Itoa(d.ArrivalNumber)
		}
		switch {
		case d.Status == vanthu.Held:
			x.Mode, x.Description = "văn bản mật", "Văn bản mật: chỉ giữ thông tin đăng ký, không lưu tệp trên hệ thống nối mạng"
		case d.Imported != nil && !d.HasArchiveCopy():
			x.Mode = "nhập từ hệ thống cũ"
			if d.Archive != nil {
				x.Description = d.Archive.NoteVI
			}
		case !d.HasArchiveCopy():
			x.Mode = "gốc điện tử"
			if d.Archive != nil {
				x.Description = d.Archive.NoteVI
			}
		}
		if md.Confidentiality != "" {
			x.Rights, m.Rights = "mật", "mật"
		}
		m.PageTotal += d.PageCount
		m.Documents = append(m.Documents, x)
	}
	return m
}

// splitCode parts a mã hồ sơ into the agency's code, the year (mục lục)
// and the file's own notation: 000.00.00.G09.2025.01.TH is 000.00.00.G09,
// 2025, 01.TH. A code without a year is kept whole.
func splitCode(code string) fileCode {
	fc := fileCode{Code: code}
	parts := strings.Split(code, ".")
	for i := 1; i < len(parts)-1; i++ {
		if len(parts[i]) == 4 && strings.Trim(parts[i], "0123456789") == "" {
			fc.OrganID, fc.FileCatalog, fc.FileNotation = strings.Join(parts[:i], "."), parts[i], strings.Join(parts[i+1:], ".")
			break
		}
	}
	return fc
}

// dmy writes YYYY-MM-DD (or YYYY-MM) as the metadata's DD/MM/YYYY.
func dmy(date string) string {
	p := strings.Split(date, "-")
	switch len(p) {
	case 3:
		return p[2] + "/" + p[1] + "/" + p[0]
	case 2:
		return p[1] + "/" + p[0]
	}
	return date
}

// contents writes the table of contents (mục lục văn bản), with a byte
// order mark so that spreadsheets read the Vietnamese.
func contents(w io.Writer, m *fileXML) error {
	io.WriteString(w, "\ufeff")
	cw := csv.NewWriter(w)
	cw.Write([]string{"STT", "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Tác giả văn bản", "Số trang", "Tệp", "Ghi chú"})
	for _, d := range m.Documents {
		number := d.CodeNumber
		if d.CodeNotation != "" {
			number += "/" + d.CodeNotation
		}
		note := d.Mode
		if d.Description != "" {
			note += "; " + d.Description
		}
		file := ""
		if d.File != nil {
			file = d.File.Name
		}
		cw.Write([]string{strconv.Itoa(d.DocOrdinal), number, d.IssuedDate, strings.TrimSpace(d.TypeName + " " + d.Subject), d.OrganName, strconv.Itoa(d.PageAmount), file, note})
	}
	cw.Flush()
	return cw.Error()
}
