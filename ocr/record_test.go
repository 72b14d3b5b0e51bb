package ocr

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
)

var record = flag.Bool("record", false, "re-record testdata/extract/*.pages.json from the scans")

// TestRecordExtractFixtures records the recognised pages (text, words and
// boxes) of the test scans, the input of extract's golden tests, so that
// those run without OCR. Run with -record after changing OCR.
func TestRecordExtractFixtures(t *testing.T) {
	if !*record {
		t.Skip("run with -record to re-record extract fixtures")
	}
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, f := range fixtureScans {
		b, _ := json.MarshalIndent(readScan(t, w, f.file, f.format), "", " ")
		if err := os.WriteFile(f.fixture(".pages.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fixtureScans are the test scans behind extract's golden tests.
var fixtureScans = []fixtureScan{{"congvan-2p.pdf", vanthu.PDF}, {"congvan-2p.tif", vanthu.TIFF}, {"quyetdinh.png", vanthu.PNG}, {"dang-congvan.png", vanthu.PNG}, {"thongtu.png", vanthu.PNG}}

type fixtureScan struct {
	file   string
	format vanthu.Format
}

// fixture is the path of one of extract's files for the scan.
func (f fixtureScan) fixture(suffix string) string {
	name := strings.TrimSuffix(f.file, filepath.Ext(f.file)) + "-" + string(f.format)
	return filepath.Join("../testdata/extract", name+suffix)
}

// readScan rasterises and reads one of the test scans.
func readScan(t *testing.T, w *Worker, file string, format vanthu.Format) []vanthu.Page {
	t.Helper()
	var pages []vanthu.Page
	rs := newRasteriser(t)
	err := rs.Rasterise(context.Background(), filepath.Join(scans, file), format, func(pi vanthu.PageImage) error {
		img, err := rs.Blobs.ReadAll(pi.Image)
		if err != nil {
			return err
		}
		pt, err := w.Recognize(context.Background(), img, pi.DPI)
		pages = append(pages, vanthu.Page{Number: pi.Number, Width: pi.Width, Height: pi.Height, DPI: pi.DPI, Text: pt.Text, Words: pt.Words, Done: true})
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return pages
}

// The test scans, read live (raster, clean-up, OCR, second readings), give
// the metadata the golden files of extract hold. extract's golden tests run
// on recorded pages; this is what notices OCR changing under them (the rules
// step once cost quyetdinh.png its date and trích yếu while they passed).
func TestScansReadAsRecorded(t *testing.T) {
	w, err := NewWorker(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, f := range fixtureScans {
		pages := readScan(t, w, f.file, f.format)
		b, err := os.ReadFile(f.fixture(".golden.json"))
		if err != nil {
			t.Fatal(err)
		}
		var want vanthu.Metadata
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got := extract.Extract(pages)
		for _, c := range []struct{ field, got, want string }{
			{"number", got.Number, want.Number}, {"doc_type", got.DocType, want.DocType},
			{"issuer", got.Issuer, want.Issuer}, {"parent_body", got.ParentBody, want.ParentBody},
			{"issued_date", got.IssuedDate, want.IssuedDate},
			{"place", got.Place, want.Place}, {"subject", got.Subject, want.Subject},
			{"signer", got.Signer, want.Signer}, {"signer_title", got.SignerTitle, want.SignerTitle},
			{"urgency", got.Urgency, want.Urgency},
		} {
			if c.got != c.want {
				t.Errorf("%s: %s = %q, recorded %q", f.file, c.field, c.got, c.want)
			}
		}
	}
}
