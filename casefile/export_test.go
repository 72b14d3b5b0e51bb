package casefile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
)

// A case file holding a scanned document, a state-secret stub and a record
// imported without its file exports one file, and lists all three.
func TestExportWithoutFiles(t *testing.T) {
	copyRef := vanthu.RefOf([]byte("bản PDF/A"))
	docs := []vanthu.Document{
		{ID: vanthu.RefOf([]byte("a")), Format: vanthu.PDF, Status: vanthu.Indexed, PageCount: 2, Archive: &vanthu.ArchiveCopy{Ref: copyRef},
			Metadata: vanthu.Metadata{Number: "1/QĐ-UBND", DocType: "Quyết định", Subject: "Về việc một"}},
		{ID: vanthu.RefOf([]byte("b")), Format: vanthu.PDF, Status: vanthu.Held, Metadata: vanthu.Metadata{Number: "2/CV-CA", Confidentiality: "Mật"}},
		{ID: vanthu.RefOf([]byte("c")), Status: vanthu.Indexed, PageCount: 1, Imported: &vanthu.Import{LegacyID: "cu-3"},
			Archive: &vanthu.ArchiveCopy{Note: "imported", NoteVI: "Nhập từ hệ thống cũ, không kèm tệp gốc"}, Metadata: vanthu.Metadata{Number: "3/TB-VP"}},
	}
	blobs := map[vanthu.Ref]string{copyRef: "%PDF-1.7 bản PDF/A"}
	open := func(ref vanthu.Ref) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(blobs[ref])), nil }
	cf := vanthu.CaseFile{Code: "HS.2025.01", Title: "Hồ sơ", Retention: "5 năm"}
	var out bytes.Buffer
	if err := Export(&out, cf, docs, open, time.Now()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		files[f.Name] = string(b)
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "HS.2025.01.001.pdf metadata.xml muc-luc.csv manifest-sha256.txt" || files["HS.2025.01.001.pdf"] != blobs[copyRef] {
		t.Fatalf("files %v", names)
	}
	meta := files["metadata.xml"]
	for _, want := range []string{"<Mode>số hóa</Mode>", "<Mode>văn bản mật</Mode>", "<Mode>nhập từ hệ thống cũ</Mode>", "<DocTotal>3</DocTotal>", "<PageTotal>3</PageTotal>", "<Rights>mật</Rights>"} {
		if !strings.Contains(meta, want) {
			t.Errorf("metadata.xml lacks %s", want)
		}
	}
	if strings.Count(meta, "<File ") != 1 {
		t.Errorf("metadata.xml names %d files, want 1", strings.Count(meta, "<File "))
	}
	if rows := strings.Count(files["muc-luc.csv"], "\n"); rows != 4 {
		t.Errorf("muc-luc.csv has %d lines, want a header and 3 rows", rows)
	}
}
