package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/intake/signature"
	"github.com/vanthu/vanthu/intake/sniff"
	"github.com/vanthu/vanthu/ocr"
)

// Result is what `vanthu process` prints for one file.
type Result struct {
	File     string          `json:"file"`
	SHA256   vanthu.Ref      `json:"sha256"`
	Pages    []PageResult    `json:"pages"`
	Metadata vanthu.Metadata `json:"metadata"`
	// Review lists the fields a clerk must check; Warnings what the clerk
	// must know (a signature broken, several documents in one file).
	Review     []string           `json:"review"`
	Warnings   []string           `json:"warnings"`
	Signatures []vanthu.Signature `json:"signatures"`
	Error      string             `json:"error,omitempty"`
	// Recognised are the pages as read, with their images (refs in the
	// rasteriser's blob store) and word boxes, for callers in this
	// process.
	Recognised []vanthu.Page `json:"-"`
}

// PageResult is one page of a Result.
type PageResult struct {
	Number     int     `json:"number"`
	Text       string  `json:"text"`
	RawText    string  `json:"raw_text"`    // as read, before correction or legacy decoding
	TextSource string  `json:"text_source"` // ocr, or pdf / pdf-tcvn3 / pdf-vni for a text layer
	Confidence float64 `json:"confidence"`
}

// Processor runs rasterise → OCR → extract on files, with no server,
// registry or index: the same stage functions as the pipeline, with the
// pages of all files spread over the OCR workers and as many files
// rasterised at once as there are workers.
type Processor struct {
	Rasteriser *ocr.Rasteriser
	Signatures *signature.Verifier // nil checks none
	OCR        ocr.Config
	Workers    int
}

type pageJob struct {
	file int
	img  vanthu.PageImage
}

type fileState struct {
	res     Result
	pages   []vanthu.Page
	pending int  // pages not yet recognised
	known   bool // page count known
	done    bool // rasterising finished (or failed)
}

// Process processes files and calls emit once per file, in the order given,
// as soon as that file and every file before it are done.
func (p *Processor) Process(ctx context.Context, files []string, emit func(Result)) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var (
		mu     sync.Mutex
		states = make([]*fileState, len(files))
		next   = 0 // next file to emit
	)
	for i, f := range files {
		states[i] = &fileState{res: Result{File: f, Pages: []PageResult{}, Metadata: vanthu.Metadata{Recipients: []string{}},
			Review: []string{}, Warnings: []string{}, Signatures: []vanthu.Signature{}}}
	}
	// flush emits finished files in order; mu must be held.
	flush := func() {
		for next < len(states) {
			st := states[next]
			if !st.done || st.pending > 0 {
				return
			}
			if st.res.Error == "" {
				x := extract.Read(st.pages, st.res.Signatures)
				x.CheckArrival(time.Now()) // the file is here: its document was issued by now
				st.res.Metadata = x.Metadata
				st.res.Review = append(st.res.Review, x.Review...)
				st.res.Warnings = append(st.res.Warnings, x.Warnings...)
				st.res.Recognised = st.pages
				for _, pg := range st.pages {
					st.res.Pages = append(st.res.Pages, PageResult{Number: pg.Number, Text: pg.Text, RawText: pg.RawText, TextSource: pg.TextSource, Confidence: pg.Confidence})
				}
			}
			emit(st.res)
			states[next] = nil
			next++
		}
	}

	jobs := make(chan pageJob, workers)
	var wg sync.WaitGroup
	err := startOCR(workers, p.OCR, &wg, func(w *ocr.Worker) {
		for j := range jobs {
			var pt vanthu.PageText
			var err error
			if j.img.Text != "" {
				pt = j.img.FromTextLayer() // born-digital: no OCR
			} else {
				var img, read []byte
				if img, err = p.Rasteriser.Blobs.ReadAll(j.img.Image); err == nil {
					pt, read, err = w.RecognizePageAsRead(ctx, img, j.img)
				}
				if err == nil {
					err = storeAsRead(ctx, p.Rasteriser.Blobs, read, &pt)
				}
			}
			mu.Lock()
			st := states[j.file]
			if err != nil && st.res.Error == "" {
				st.res.Error = err.Error()
			}
			pg := &st.pages[j.img.Number-1]
			pg.TakeText(pt)
			st.pending--
			flush()
			mu.Unlock()
		}
	})
	if err != nil {
		close(jobs)
		wg.Wait()
		return err
	}

	// rasterise hashes, checks and rasterises file i, and queues its
	// pages for OCR.
	rasterise := func(i int) {
		f, st := files[i], states[i]
		ref, format, err := identify(f)
		mu.Lock()
		st.res.SHA256 = ref
		mu.Unlock()
		if err == nil && format == vanthu.PDF && p.Signatures != nil {
			sigs, warnings, _ := p.Signatures.Check(ctx, f) // a failed check is among the warnings
			mu.Lock()
			st.res.Signatures = append(st.res.Signatures, sigs...)
			st.res.Warnings = append(st.res.Warnings, warnings...)
			mu.Unlock()
		}
		if err == nil {
			err = p.Rasteriser.Rasterise(ctx, f, format, func(pi vanthu.PageImage) error {
				mu.Lock()
				if !st.known {
					st.pages = make([]vanthu.Page, pi.Pages)
					st.known = true
				}
				st.pages[pi.Number-1] = vanthu.Page{Number: pi.Number, Image: pi.Image, DPI: pi.DPI, Width: pi.Width, Height: pi.Height}
				st.pending++
				mu.Unlock()
				select {
				case jobs <- pageJob{file: i, img: pi}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}
		mu.Lock()
		if err != nil {
			st.res.Error = err.Error()
		}
		st.done = true
		flush()
		mu.Unlock()
	}

	// Files are rasterised as many at once as there are OCR workers: a
	// born-digital file needs no OCR, and its rasterising is all its
	// cost.
	queue := make(chan int)
	var rw sync.WaitGroup
	for range min(workers, len(files)) {
		rw.Go(func() {
			for i := range queue {
				rasterise(i)
			}
		})
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		queue <- i
	}
	close(queue)
	rw.Wait()
	close(jobs)
	wg.Wait()
	return ctx.Err()
}

// identify hashes a file, streaming, and detects its format by content.
func identify(path string) (vanthu.Ref, vanthu.Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	head := make([]byte, sniff.HeaderSize)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", "", err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", "", err
	}
	ref := vanthu.Ref(hex.EncodeToString(h.Sum(nil)))
	format, what := sniff.Sniff(head[:n])
	if format == "" {
		return ref, "", errors.New("not a scan (PDF, TIFF, JPEG or PNG): " + what)
	}
	return ref, format, nil
}
