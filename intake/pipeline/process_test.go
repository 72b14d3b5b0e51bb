package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/ocr"
)

func TestMain(m *testing.M) {
	ocr.MaybeRasterChild()
	if err := ocr.EnsureSingleThreadOMP(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// Process emits one result per file in the order given, whatever order
// the files finish in (they are rasterised side by side): a scan read
// with OCR, then born-digital files that finish first, a file that is
// not there and an encrypted one, each with its own result or reason.
func TestProcessEmitsInOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("a page is read with OCR")
	}
	bs, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	scans := "../../testdata/scans"
	files := []string{
		filepath.Join(scans, "congvan.png"),
		filepath.Join(scans, "tcvn3-textlayer.pdf"),
		filepath.Join(scans, "missing.pdf"),
		filepath.Join(scans, "encrypted.pdf"),
		filepath.Join(scans, "tcvn3-textlayer.pdf"),
	}
	p := &Processor{Rasteriser: &ocr.Rasteriser{Config: ocr.DefaultRasterConfig(), Blobs: bs}, OCR: ocr.DefaultConfig(), Workers: 2}
	var got []Result
	if err := p.Process(context.Background(), files, func(r Result) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("%d results for %d files", len(got), len(files))
	}
	for i, r := range got {
		if r.File != files[i] {
			t.Errorf("result %d is of %s, want %s", i, r.File, files[i])
		}
	}
	if md := got[0].Metadata; got[0].Error != "" || md.Number != "45/UBND-VX" || len(got[0].Pages) != 1 || got[0].Pages[0].TextSource != "ocr" {
		t.Errorf("the scan: error %q, number %q, pages %+v", got[0].Error, md.Number, got[0].Pages)
	}
	for _, i := range []int{1, 4} {
		if r := got[i]; r.Error != "" || r.Metadata.Number != "12/TB-SNV" || len(r.Pages) != 1 || r.Pages[0].TextSource != "pdf-tcvn3" {
			t.Errorf("the born-digital file (%d): error %q, number %q, pages %+v", i, r.Error, r.Metadata.Number, r.Pages)
		}
	}
	if r := got[2]; r.Error == "" || len(r.Pages) != 0 {
		t.Errorf("the missing file: error %q, %d pages", r.Error, len(r.Pages))
	}
	if r := got[3]; !strings.Contains(r.Error, "encrypted") || len(r.Pages) != 0 {
		t.Errorf("the encrypted file: error %q, %d pages", r.Error, len(r.Pages))
	}
}
