package eval

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
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
	tmp := t.TempDir()
	// Each document's copy is made and checked on its own, as many at
	// once as the machine has cores (the checks are other programs').
	type outcome struct {
		made bool
		kept string // why the original is kept
		errs []string
	}
	outcomes := make([]outcome, len(docs))
	err := parallel(len(docs), func(i int) error {
		o, r := &outcomes[i], docs[i]
		name := filepath.Base(r.File)
		if r.Error != "" {
			o.errs = append(o.errs, name+": "+r.Error)
			return nil
		}
		d := vanthu.Document{ID: r.SHA256, Pages: r.Recognised, Metadata: r.Metadata}
		if ok, why := archive.Eligible(d); !ok {
			o.kept = name + ": original kept: " + why[0]
			return nil
		}
		dir, err := os.MkdirTemp(tmp, "copy")
		if err != nil {
			return err
		}
		path := filepath.Join(dir, "copy.pdf")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = archive.Write(f, blobStore, d, time.Now())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			o.errs = append(o.errs, fmt.Sprintf("%s: %v", name, err))
			return nil
		}
		var pages []pdfacheck.Page
		for _, p := range d.Pages {
			img, err := blobStore.ReadAll(p.Image)
			if err != nil {
				return err
			}
			pages = append(pages, pdfacheck.Page{Image: img, DPI: archive.PageDPI(p), Words: archive.Words(p), Text: p.Text})
		}
		title := archive.Info(d, time.Now()).Title
		for _, msg := range pdfacheck.Check(path, pages, pdfacheck.Options{Title: title, Render: 1}) {
			o.errs = append(o.errs, name+": "+msg)
		}
		o.made = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	made, kept := 0, 0
	for _, o := range outcomes {
		for _, e := range o.errs {
			t.Error(e)
		}
		if o.kept != "" {
			t.Log(o.kept)
			kept++
		}
		if o.made {
			made++
		}
	}
	t.Logf("%d copies made and checked, %d originals kept", made, kept)
	if made == 0 {
		t.Error("no copy was made")
	}
}

// BenchmarkArchiveCopy measures the PDF/A archive copy's cost per page, in
// time and bytes, beside OCR's on the same pages in the same run: six
// documents of the dev corpus, read once, their copies then made b.N times.
func BenchmarkArchiveCopy(b *testing.B) {
	dir := CorpusDir("../..")
	truths, err := LoadCorpus(dir)
	if err != nil {
		b.Skipf("no dev corpus at %s: %v", dir, err)
	}
	slices.SortFunc(truths, func(x, y Truth) int { return strings.Compare(x.ID, y.ID) })
	files := map[string]string{}
	for _, tr := range truths[:min(6, len(truths))] {
		files[filepath.Join(dir, tr.File)] = tr.ID
	}
	start := time.Now()
	res, err := processFiles(files)
	if err != nil {
		b.Fatal(err)
	}
	ocrTime := time.Since(start)
	var docs []vanthu.Document
	pages, scanBytes := 0, 0
	for _, r := range res {
		d := vanthu.Document{ID: r.SHA256, Pages: r.Recognised, Metadata: r.Metadata}
		if ok, _ := archive.Eligible(d); ok {
			docs = append(docs, d)
			pages += len(d.Pages)
			for _, p := range d.Pages {
				img, _ := blobStore.ReadAll(p.Image)
				scanBytes += len(img)
			}
		}
	}
	var out countingWriter
	b.ResetTimer()
	for b.Loop() {
		out = 0
		for _, d := range docs {
			if err := archive.Write(&out, blobStore, d, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	}
	perPage := float64(b.Elapsed().Milliseconds()) / float64(b.N*pages)
	b.ReportMetric(perPage, "archive-ms/page")
	b.ReportMetric(float64(ocrTime.Milliseconds())/float64(pages), "ocr-ms/page")
	b.ReportMetric(float64(out)/float64(pages), "archive-B/page")
	b.ReportMetric(float64(scanBytes)/float64(pages), "scan-B/page")
	b.ReportMetric(0, "ns/op")
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
