package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/signature"
	"github.com/vanthu/vanthu/ocr"
)

// process runs raster → OCR → extraction on files and prints one result per
// file, keeping nothing.
func process(ctx context.Context, args []string) error {
	fs := newFlagSet("process", "FILE...")
	asJSON := fs.Bool("json", false, "print one JSON line per file")
	workers := fs.Int("workers", 0, "OCR workers (0: one per core)")
	rc, oc := ocr.DefaultRasterConfig(), ocr.DefaultConfig()
	var sigs signature.Config
	rc.Flags(fs)
	oc.Flags(fs)
	sigs.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("no files")
	}
	tmp, err := os.MkdirTemp("", "vanthu-process-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bs, err := blob.Open(tmp)
	if err != nil {
		return err
	}
	bs.Scratch = true // removed when done: nothing to make durable
	verifier := signature.New(sigs)
	if err := verifier.Ready(); err != nil {
		return err
	}
	p := &pipeline.Processor{Rasteriser: &ocr.Rasteriser{Config: rc, Blobs: bs}, Signatures: verifier, OCR: oc, Workers: *workers}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	err = p.Process(ctx, fs.Args(), func(r pipeline.Result) {
		if r.Error != "" {
			failed++
		}
		if *asJSON {
			enc.Encode(r)
			return
		}
		fmt.Printf("== %s  %s\n", r.File, r.SHA256)
		if r.Error != "" {
			fmt.Printf("   error: %s\n", r.Error)
			return
		}
		md := r.Metadata
		fmt.Printf("   %s %s — %s, %s %s\n   %s\n   ký: %s (%s)\n", md.DocType, md.Number, md.Issuer, md.Place, md.IssuedDate, md.Subject, md.Signer, md.SignerTitle)
		if len(r.Review) > 0 {
			fmt.Printf("   cần kiểm tra: %s\n", strings.Join(r.Review, ", "))
		}
		if n := signature.Note(r.Signatures); n != "" {
			fmt.Printf("   %s\n", n)
		}
		for _, w := range r.Warnings {
			fmt.Printf("   ! %s\n", w)
		}
		for _, pg := range r.Pages {
			fmt.Printf("--- trang %d (%.0f%%)\n%s\n", pg.Number, pg.Confidence, pg.Text)
		}
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, fs.NArg())
	}
	return nil
}
