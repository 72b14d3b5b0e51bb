package vanthu

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Ref is the content address of a blob: the lower-case hex sha256 of its bytes.
type Ref string

// RefOf returns the Ref of b.
func RefOf(b []byte) Ref {
	sum := sha256.Sum256(b)
	return Ref(hex.EncodeToString(sum[:]))
}

// ParseRef checks that s is a well-formed Ref.
func ParseRef(s string) (Ref, error) {
	if len(s) != sha256.Size*2 {
		return "", E("parse ref", Invalid, fmt.Errorf("ref %q: want %d hex digits", s, sha256.Size*2))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return "", E("parse ref", Invalid, fmt.Errorf("ref %q: not lower-case hex", s))
		}
	}
	return Ref(s), nil
}

// Short is the first 12 hex digits, for logs.
func (r Ref) Short() string {
	if len(r) > 12 {
		return string(r[:12])
	}
	return string(r)
}

// Format is a file type Vanthu accepts, detected from content.
type Format string

const (
	PDF  Format = "pdf"
	TIFF Format = "tiff"
	JPEG Format = "jpeg"
	PNG  Format = "png"
)

// Status is the stage a document has reached.
type Status string

const (
	Received   Status = "received"
	Rasterised Status = "rasterised"
	Recognised Status = "recognised"
	Extracted  Status = "extracted"
	Indexed    Status = "indexed"
	Failed     Status = "failed"
	// Held: a state-secret document (độ mật) kept only as a stub in the
	// register; its original is held apart, its text and pages deleted,
	// nothing of it indexed (see pipeline's SecretHold).
	Held Status = "held"
)

// Done reports whether no further stage will run for s.
func (s Status) Done() bool { return s == Indexed || s == Failed || s == Held }

// Document is the record of one received file.
type Document struct {
	ID         Ref       `json:"id"`                  // the sha256 of the archive copy
	FileName   string    `json:"file_name"`           // for display: last path element, NFC, no control characters
	SentName   string    `json:"sent_name,omitempty"` // the name exactly as sent (data, never a path)
	Size       int64     `json:"size"`
	Format     Format    `json:"format"`
	ReceivedAt time.Time `json:"received_at"`
	Status     Status    `json:"status"`
	Error      string    `json:"error,omitempty"`    // why the document failed
	Warnings   []string  `json:"warnings,omitempty"` // for a clerk: e.g. every page blank
	PageCount  int       `json:"page_count"`
	Pages      []Page    `json:"pages"`
	Metadata   Metadata  `json:"metadata"`
	UpdatedAt  time.Time `json:"updated_at"`
	// HeaderPage is the number of the page extraction read the header
	// from: the first with text, or the last of a file scanned last page
	// first. 0 before extraction.
	HeaderPage int `json:"header_page,omitempty"`

	// The incoming register (sổ đăng ký văn bản đến): số đến, consecutive
	// in order of receipt within the calendar year, and the arrival date.
	ArrivalNumber int    `json:"arrival_number,omitempty"`
	ArrivalDate   string `json:"arrival_date,omitempty"` // YYYY-MM-DD, Vietnam time

	// Confidence of each extracted field, 0–1; fields below the review
	// threshold are listed in Review until a clerk confirms or corrects them.
	FieldConfidence map[string]float64 `json:"field_confidence,omitempty"`
	Review          []string           `json:"review,omitempty"`
	// Other documents with the same number, issuer and date: possibly the
	// same document scanned again.
	DuplicateOf []Ref `json:"duplicate_of,omitempty"`
	// Signatures are the digital signatures of a signed PDF, each verified.
	Signatures []Signature `json:"signatures,omitempty"`
	// ActiveContent lists what a PDF carries besides the page: javascript,
	// launch, embedded_files (empty once checked and clean). Its original
	// then goes to the archivist only.
	ActiveContent []string `json:"active_content,omitempty"`
	// History keeps every version of the metadata, oldest first: the
	// extraction, then each clerk's correction. Metadata is the last.
	History []Revision `json:"history,omitempty"`
	// Imported marks a record taken from the agency's earlier records
	// system (vanthu import); it has no số đến of Vanthu's.
	Imported *Import `json:"imported,omitempty"`
	// ReceivedBy is the user who received the file (an upload); empty for
	// the drop folder and the command line.
	ReceivedBy string `json:"received_by,omitempty"`
	// Archive is the document's two-layer PDF/A copy, or why it has none.
	Archive *ArchiveCopy `json:"archive,omitempty"`
	// Access is who may see the document; AccessHistory every change of
	// it, oldest first.
	Access        Access         `json:"access"`
	AccessHistory []AccessChange `json:"access_history,omitempty"`
}

// HasArchiveCopy reports whether d has its PDF/A archive copy (else its
// original stands in, and Archive, if set, says why).
func (d Document) HasArchiveCopy() bool { return d.Archive != nil && d.Archive.Ref != "" }

// Import is where an imported record came from: its id in the earlier
// system, and when it was imported.
type Import struct {
	LegacyID string    `json:"legacy_id"`
	At       time.Time `json:"at"`
}

// ArchiveCopy is a document's copy for deposit and reading (Thông tư
// 05/2025/TT-BNV: "PDF/A hai lớp"): the scanned pages as received, with an
// invisible layer of the corrected text on the words. A document that
// cannot have one (a born-digital PDF keeps its own text) has a Note
// saying why, and its original stands in for it.
type ArchiveCopy struct {
	Ref    Ref       `json:"ref,omitempty"` // the PDF/A-2b file in the blob store
	Size   int64     `json:"size,omitempty"`
	Built  time.Time `json:"built"`
	Note   string    `json:"note,omitempty"` // why there is no copy
	NoteVI string    `json:"note_vi,omitempty"`
}

// CaseFile is a hồ sơ: documents filed together under one code, kept for
// a retention period (thời hạn bảo quản) from the year the file closes.
type CaseFile struct {
	Code        string    `json:"code"`       // mã hồ sơ, e.g. 000.00.00.G09.2025.01.TH
	Title       string    `json:"title"`      // tiêu đề hồ sơ
	Retention   string    `json:"retention"`  // "vĩnh viễn" or "N năm"
	Start       string    `json:"start_date"` // YYYY-MM-DD, or ""
	End         string    `json:"end_date"`   // YYYY-MM-DD, or "" while the file is open
	Description string    `json:"description,omitempty"`
	Documents   []Ref     `json:"documents"` // in order: STT 1, 2, …
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// Permanent is the retention of a file kept for ever.
const Permanent = "vĩnh viễn"

// Scopes of a document's access.
const (
	ScopeAgency     = "agency"     // every user who may read documents (the default)
	ScopeRestricted = "restricted" // the units and users it is assigned to (giao xử lý), and those who see everything
)

// Access is who may see a document: its scope and, when restricted, the
// units and users it is assigned to.
type Access struct {
	Scope string   `json:"scope"` // ScopeAgency ("" means it too) or ScopeRestricted
	Units []string `json:"units,omitempty"`
	Users []string `json:"users,omitempty"`
	// Secret marks a state-secret document kept on an isolated machine:
	// leaders and the users named in Users see it, nobody else.
	Secret bool `json:"secret,omitempty"`
}

// Restricted reports whether a is narrower than the agency.
func (a Access) Restricted() bool { return a.Scope == ScopeRestricted }

// AccessChange is one change of a document's access: when, by whom, to what.
type AccessChange struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Access Access    `json:"access"`
}

// Revision is one version of a document's metadata and who made it.
type Revision struct {
	At       time.Time `json:"at"`
	By       string    `json:"by"` // "extraction" or the clerk's name
	Metadata Metadata  `json:"metadata"`
}

// VietnamTime is the time zone of the register: UTC+7, no daylight saving.
var VietnamTime = time.FixedZone("ICT", 7*60*60)

// Recognised reports whether every page has its text.
func (d *Document) Recognised() bool {
	if d.PageCount == 0 || len(d.Pages) != d.PageCount {
		return false
	}
	for _, p := range d.Pages {
		if !p.Done {
			return false
		}
	}
	return true
}

// Page is one page of a document: its image and, once recognised, its text.
type Page struct {
	Number     int     `json:"number"` // from 1
	Image      Ref     `json:"image"`  // the page image in the blob store
	DPI        int     `json:"dpi"`
	Width      int     `json:"width"`
	Height     int     `json:"height"`
	Done       bool    `json:"done"`                  // recognised
	TextSource string  `json:"text_source,omitempty"` // ocr, or pdf / pdf-tcvn3 / pdf-vni for a text layer
	Text       string  `json:"text"`
	RawText    string  `json:"raw_text,omitempty"` // as Tesseract read it, before correction
	Confidence float64 `json:"confidence"`         // mean word confidence, 0–100
	Words      []Word  `json:"words,omitempty"`
	// Unread marks a page with ink on it of which OCR read no text: a
	// photograph, a drawing, a signature or a stamp alone, or a reading
	// that failed. The document goes on, with a warning.
	Unread bool `json:"unread,omitempty"`
}

// Blank reports whether p, recognised, holds neither text nor ink: the
// back of a sheet printed on one side, scanned by a duplex scanner, or a
// sheet left empty.
func (p Page) Blank() bool {
	return !p.Unread && len(p.Words) == 0 && strings.TrimSpace(p.Text) == ""
}

// FirstWritten returns the index of the first of pages that is not
// blank (a sheet fed face down through a duplex scanner gives its blank
// back first), or 0 when every page is blank.
func FirstWritten(pages []Page) int {
	for i, p := range pages {
		if !p.Blank() {
			return i
		}
	}
	return 0
}

// Word is one recognised word with its box in page-image pixels.
type Word struct {
	Text       string  `json:"text"`
	X0         int     `json:"x0"`
	Y0         int     `json:"y0"`
	X1         int     `json:"x1"`
	Y1         int     `json:"y1"`
	Confidence float64 `json:"conf"`
	Block      int     `json:"block"`
	Line       int     `json:"line"` // unique within the page
	// Alternatives are the other readings its reader weighed, most
	// probable first: for the digits of a handwritten number or day, what
	// other evidence (the day a document was signed) may choose among;
	// for a word read with other tone marks with the median filter and
	// without (ocr), the other reading, as likely, which sends the field
	// it is read into to review.
	Alternatives []Alternative `json:"alternatives,omitempty"`
}

// Alternative is one reading of a word, with the probability its reader
// gives it.
type Alternative struct {
	Text string  `json:"text"`
	P    float64 `json:"p"`
}

// PageImage is a rasterised page handed to OCR.
type PageImage struct {
	Doc    Ref `json:"doc"`
	Number int `json:"number"`
	Pages  int `json:"pages"` // the document's page count
	Image  Ref `json:"image"`
	DPI    int `json:"dpi"`
	Width  int `json:"width"`
	Height int `json:"height"`
	// ScanDPI is the resolution of the page's scan in its coarser
	// direction, where that is coarser than DPI: a fax's standard mode
	// scans 98 lines an inch against 204 dots across, and its page is
	// rendered to square pixels that show no finer detail. 0 otherwise.
	ScanDPI int `json:"scan_dpi,omitempty"`
	// A usable text layer of a born-digital PDF page: OCR is skipped.
	Text       string `json:"text,omitempty"`
	RawText    string `json:"raw_text,omitempty"` // the layer before legacy decoding
	TextSource string `json:"text_source,omitempty"`
	Words      []Word `json:"words,omitempty"` // the layer's words with their boxes, in page-image pixels
	// Stamped are the numerals a PDF draws over a page that is OCRed (a
	// scan), in page-image pixels: the number and the day an e-office
	// system sets into the slots of "Số: …" and "ngày …" as annotations
	// when the văn thư signs the scan. OCR reads the scan without them.
	Stamped []Word `json:"stamped,omitempty"`
}

// PageText is the result of recognising one page.
type PageText struct {
	Doc        Ref     `json:"doc"`
	Number     int     `json:"number"`
	Text       string  `json:"text"`
	RawText    string  `json:"raw_text,omitempty"` // before correction
	TextSource string  `json:"text_source,omitempty"`
	Confidence float64 `json:"confidence"`
	Words      []Word  `json:"words,omitempty"`
	Unread     bool    `json:"unread,omitempty"` // ink, and no text read (see Page.Unread)
	// Turns are the quarter turns clockwise that made a page scanned
	// sideways or upside down upright; its Words are on the page so
	// turned.
	Turns int `json:"turns,omitempty"`
	// Flat is set when the page's text lines curved (a sheet
	// photographed bent or curled) and were made straight before it was
	// read, after the Turns; its Words are on the page so flattened.
	Flat bool `json:"flat,omitempty"`
	// Image is the page as read, when Turns is not 0 or Flat is set
	// (stored by the stage that recognised it), with its size in pixels.
	Image  Ref `json:"image,omitempty"`
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`
}

// TakeText records on p what was read of it (by OCR, or from its text
// layer) and marks it done; a page made upright takes its upright image.
func (p *Page) TakeText(pt PageText) {
	p.Text, p.RawText, p.Confidence, p.Words, p.Done = pt.Text, pt.RawText, pt.Confidence, pt.Words, true
	p.TextSource, p.Unread = pt.TextSource, pt.Unread
	if pt.Image != "" {
		p.Image, p.Width, p.Height = pt.Image, pt.Width, pt.Height
	}
}

// FromTextLayer is the PageText of a page whose PDF text layer is used.
func (pi PageImage) FromTextLayer() PageText {
	return PageText{Doc: pi.Doc, Number: pi.Number, Text: pi.Text, RawText: pi.RawText, TextSource: pi.TextSource, Confidence: 100, Words: pi.Words}
}

// Metadata are the fields every administrative document carries under
// Nghị định 30/2020/NĐ-CP. Absent values are empty strings and empty slices,
// never null.
type Metadata struct {
	Number          string   `json:"number"`          // số và ký hiệu, e.g. 45/QĐ-UBND
	DocType         string   `json:"doc_type"`        // loại văn bản, e.g. Quyết định
	Issuer          string   `json:"issuer"`          // cơ quan ban hành, as printed
	ParentBody      string   `json:"parent_body"`     // cơ quan chủ quản printed above it, or ""
	IssuedDate      string   `json:"issued_date"`     // ngày ban hành, YYYY-MM-DD
	Place           string   `json:"place"`           // địa danh
	Subject         string   `json:"subject"`         // trích yếu
	Signer          string   `json:"signer"`          // người ký
	SignerTitle     string   `json:"signer_title"`    // chức vụ, role lines joined by " / "
	Recipients      []string `json:"recipients"`      // nơi nhận
	Urgency         string   `json:"urgency"`         // độ khẩn
	Confidentiality string   `json:"confidentiality"` // độ mật
}

// Signer is a person who signs for an issuer, as the register knows
// them: the name and title of the latest-dated record that names them
// without doubt (read surely, or confirmed by a clerk), and how many
// records do.
type Signer struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Documents int    `json:"documents"`
	// First and Last are the earliest and latest issue dates (YYYY-MM-DD)
	// of those records, "" when none has a whole date.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// Signature is the verdict on one digital signature of a PDF (NĐ 30/2020:
// the văn thư checks that an electronic document is authentic and intact
// before registering it).
type Signature struct {
	Field        string `json:"field,omitempty"` // the signature field's name
	Signer       string `json:"signer"`          // common name of the signer's certificate
	Organization string `json:"organization"`    // O= of the certificate's subject
	SignedAt     string `json:"signed_at"`       // RFC 3339, as the signature states it; "" if it does not
	// Intact: the digest of the signed bytes matches the signature.
	Intact bool `json:"intact"`
	// Trusted: the certificate chains to a root the agency configured;
	// null when no roots are configured (not checked), never "valid" then.
	Trusted *bool `json:"trusted"`
	// CoversWholeFile: the signed byte ranges reach the end of the file.
	// An earlier signature of a file signed twice does not: the later
	// signature was appended after it.
	CoversWholeFile bool `json:"covers_whole_file"`
	// UnsignedBytes counts the bytes after the signed ranges.
	UnsignedBytes int64 `json:"unsigned_bytes,omitempty"`
	// Certification is what a certifying signature (DocMDP) lets later
	// revisions change (Certify…); 0 for an approval signature, which
	// forbids nothing.
	Certification int `json:"certification,omitempty"`
	// TimeStamp: a document time stamp (RFC 3161, PAdES's archive time
	// stamp), the time-stamping authority's and no person's; Signer names
	// the authority and SignedAt is the time it attests.
	TimeStamp bool `json:"time_stamp,omitempty"`
	// AddedAfter says what the revisions after the signed ranges change,
	// where they could be read (Added…): a later signature, the data kept
	// to validate signatures in years to come, comments, the file's
	// description, or anything else. Empty where nothing after was read as
	// a change (bytes after the file's end) or it could not be read.
	AddedAfter []string `json:"added_after,omitempty"`
	Error      string   `json:"error,omitempty"`
}

// What a revision of a signed PDF after a signature changes
// (Signature.AddedAfter).
const (
	// AddedSignature: a signature field, signed or to be signed, with its
	// appearance.
	AddedSignature = "signature"
	// AddedValidation: certificates, OCSP responses and CRLs kept for
	// long-term validation (PAdES's document security store, /DSS).
	AddedValidation = "validation"
	// AddedAnnotations: comments, highlights and stamps laid on a page.
	AddedAnnotations = "annotations"
	// AddedInfo: the file's description (its Info dictionary, XMP).
	AddedInfo = "info"
	// AddedContent: anything else — pages, their text, images and fonts.
	AddedContent = "content"
)

// What a certifying signature lets later revisions change
// (Signature.Certification), as its DocMDP permissions say. Validation
// data (AddedValidation, document time stamps among it) and the file's
// description may be added under all three.
const (
	// CertifyNoChanges: nothing else.
	CertifyNoChanges = 1
	// CertifyForms: filling in the form's fields and signing.
	CertifyForms = 2
	// CertifyAnnotations: those, and comments on the pages.
	CertifyAnnotations = 3
)
