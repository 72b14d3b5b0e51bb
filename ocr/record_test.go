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
	for _, f := range []struct {
		file   string
		format vanthu.Format
	}{{"congvan-2p.pdf", vanthu.PDF}, {"congvan-2p.tif", vanthu.TIFF}, {"quyetdinh.png", vanthu.PNG}} {
		var out []vanthu.Page
		rs := newRasteriser(t)
		rs.Rasterise(context.Background(), filepath.Join(scans, f.file), f.format, func(pi vanthu.PageImage) error {
			img, err := rs.Blobs.ReadAll(pi.Image)
			if err != nil {
				return err
			}
			pt, err := w.Recognize(context.Background(), img, pi.DPI)
			if err != nil {
				return err
			}
			out = append(out, vanthu.Page{Number: pi.Number, Width: pi.Width, Height: pi.Height, DPI: pi.DPI, Text: pt.Text, Words: pt.Words, Done: true})
			return nil
		})
		b, _ := json.MarshalIndent(out, "", " ")
		name := strings.TrimSuffix(f.file, filepath.Ext(f.file)) + "-" + string(f.format)
		if err := os.WriteFile(filepath.Join("../testdata/extract", name+".pages.json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
