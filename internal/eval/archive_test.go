package eval

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/archive"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/internal/pdfacheck"
)

// TestArchiveCopies makes the two-layer PDF/A copy of real pages, scanned
// documents of the dev corpus and of ../shared/real, and checks each as a
// records officer's tools read it (package pdfacheck): structure, fonts
// embedded, one image per page at the scan's resolution, the text layer
// equal to the stored text and on the OCR boxes, the PDF/A identification,
// the first page rendered equal to the scan. A born-digital file keeps its
// original, with the reason.
func TestArchiveCopies(t *testing.T) {
	for _, tool := range pdfacheck.Tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/setup.sh --test", tool)
		}
	}
	var docs []pipeline.Result
	if testing.Short() {
		t.Skip("the copies are made of pages read with OCR")
	}
	if _, err := os.Stat(filepath.Join(CorpusDir("../.."), "truth")); err == nil {
		truths, res := processCorpus(t)
		ids := make([]string, 0, len(truths))
		for _, tr := range truths {
			ids = append(ids, tr.ID)
		}
		slices.Sort(ids)
		for _, id := range ids[:min(4, len(ids))] {
			docs = append(docs, res[id])
		}
	}
	if _, err := os.Stat(filepath.Join(RealDir("../.."), "truth.jsonl")); err == nil {
		truths, res := processReal(t)
		for _, tr := range truths {
			docs = append(docs, res[tr.ID])
		}
	}
	if len(docs) == 0 {
		t.Skip("neither the dev corpus nor ../shared/real is here")
	}
	made, kept := 0, 0
	for _, r := range docs {
		if r.Error != "" {
			t.Errorf("%s: %s", filepath.Base(r.File), r.Error)
			continue
		}
		d := vanthu.Document{ID: r.SHA256, Pages: r.Recognised, Metadata: r.Metadata}
		name := filepath.Base(r.File)
		if ok, why := archive.Eligible(d); !ok {
			t.Logf("%s: original kept: %s", name, why[0])
			kept++
			continue
		}
		path := filepath.Join(t.TempDir(), "copy.pdf")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		err = archive.Write(f, blobStore, d, time.Now())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var pages []pdfacheck.Page
		for _, p := range d.Pages {
			img, err := blobStore.ReadAll(p.Image)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, pdfacheck.Page{Image: img, DPI: float64(p.DPI), Words: archive.Words(p), Text: p.Text})
		}
		title := archive.Info(d, time.Now()).Title
		for _, msg := range pdfacheck.Check(path, pages, pdfacheck.Options{Title: title, Render: 1}) {
			t.Errorf("%s: %s", name, msg)
		}
		made++
	}
	t.Logf("%d copies made and checked, %d originals kept", made, kept)
	if made == 0 {
		t.Error("no copy was made")
	}
}
