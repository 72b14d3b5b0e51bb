package ocr

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/intake/sniff"
)

// RasterConfig bounds what rasterising one file may cost.
type RasterConfig struct {
	DPI       int   // resolution PDF pages are rendered at
	MaxPages  int   // more pages than this and the file is refused
	MaxPixels int64 // per rendered page
	// MaxImagePixels bounds an image inside a PDF, as intake bounds an
	// image file (0: as MaxPixels).
	MaxImagePixels int64
	MaxMemory      int64         // address-space limit of the rasteriser process, bytes
	PageTimeout    time.Duration // longest wait for one page before the rasteriser is killed
}

// DefaultRasterConfig returns the defaults: 300 dpi, 2,000 pages, 80 MP per
// page (A3 at 400 dpi), 4 GiB, 2 minutes a page.
func DefaultRasterConfig() RasterConfig {
	return RasterConfig{DPI: 300, MaxPages: 2000, MaxPixels: 80_000_000, MaxMemory: 4 << 30, PageTimeout: 2 * time.Minute}
}

// Flags registers the config's flags on fs.
func (c *RasterConfig) Flags(fs *flag.FlagSet) {
	fs.IntVar(&c.DPI, "raster-dpi", c.DPI, "resolution to render PDF pages at")
	fs.IntVar(&c.MaxPages, "max-pages", c.MaxPages, "refuse files with more pages")
	fs.Int64Var(&c.MaxPixels, "max-page-pixels", c.MaxPixels, "refuse pages with more pixels")
	fs.Int64Var(&c.MaxMemory, "raster-memory", c.MaxMemory, "memory limit of the rasteriser process, bytes")
	fs.DurationVar(&c.PageTimeout, "page-timeout", c.PageTimeout, "kill the rasteriser after this long on one page")
}

// childEnv marks a process started as the rasteriser child.
const childEnv = "VANTHU_RASTER_CHILD"

// childJob is what the parent tells the child, as JSON in childEnv.
type childJob struct {
	Src    string        `json:"src"`
	Format vanthu.Format `json:"format"`
	Blobs  string        `json:"blobs"`
	// Scratch: the blob store is scratch space, not the archive.
	Scratch bool `json:"scratch,omitempty"`
	// Probe: only open the file and check its pages, render nothing.
	Probe  bool         `json:"probe,omitempty"`
	Config RasterConfig `json:"config"`
	// TIFF pages as their headers describe them.
	TIFFPages []sniff.Page `json:"tiff_pages,omitempty"`
}

// childLine is one line the child writes on stdout.
type childLine struct {
	Pages int               `json:"pages,omitempty"`
	Page  *vanthu.PageImage `json:"page,omitempty"`
	Error string            `json:"error,omitempty"`
	Code  string            `json:"code,omitempty"` // why, for a refusal
}

// Refusal codes of a file the rasteriser cannot take.
const (
	CodeEncrypted    = "encrypted_pdf"
	CodeCorrupt      = "corrupt_file"
	CodeTooManyPages = "too_many_pages"
	CodePageTooLarge = "page_too_large"
	CodeImageTooBig  = "image_too_large"
)

// FileError is a file the rasteriser refuses, with a stable code.
type FileError struct {
	Code string
	Msg  string
}

func (e *FileError) Error() string { return e.Msg }

// Probe opens a PDF or TIFF in the child process and checks it can be
// rasterised within the limits, rendering nothing: a refusal is a
// *FileError (in an Invalid error) with its code.
func (r *Rasteriser) Probe(ctx context.Context, src string, format vanthu.Format) error {
	if format != vanthu.PDF && format != vanthu.TIFF {
		return nil
	}
	return r.child(ctx, src, format, true, func(vanthu.PageImage) error { return nil })
}

// Rasteriser renders received files into page images in the blob store.
type Rasteriser struct {
	Config RasterConfig
	Blobs  *blob.Store
	// Command starts the child; the default is this executable. The child
	// must call [MaybeRasterChild] first thing.
	Command []string
	// Log, if set, gets what the child said of a file it rendered and
	// read (a page's word boxes not read, MuPDF's warnings).
	Log *slog.Logger
}

// Rasterise renders the file src (of the given format) into page images,
// stores each in the blob store and calls fn with it, in page order, as soon
// as it is ready. Page.Doc is left for the caller. A file that cannot be
// rendered is an Invalid error naming the reason.
func (r *Rasteriser) Rasterise(ctx context.Context, src string, format vanthu.Format, fn func(vanthu.PageImage) error) error {
	switch format {
	case vanthu.JPEG, vanthu.PNG:
		return r.single(src, format, fn)
	case vanthu.PDF, vanthu.TIFF:
		return r.child(ctx, src, format, false, fn)
	}
	return vanthu.Errorf("rasterise", vanthu.Invalid, "unsupported format %q", format)
}

// single hands an image file on as its own page, at its own resolution.
func (r *Rasteriser) single(src string, format vanthu.Format, fn func(vanthu.PageImage) error) error {
	f, err := os.Open(src)
	if err != nil {
		return vanthu.E("rasterise", vanthu.Transient, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return vanthu.E("rasterise", vanthu.Transient, err)
	}
	pages, err := sniff.Inspect(f, st.Size(), format)
	if err != nil {
		return vanthu.E("rasterise", vanthu.Invalid, err)
	}
	p := pages[0]
	if int64(p.Width)*int64(p.Height) > r.Config.MaxPixels {
		return vanthu.Errorf("rasterise", vanthu.Invalid, "image is %d×%d pixels, more than the limit of %d", p.Width, p.Height, r.Config.MaxPixels)
	}
	ref, _, err := r.Blobs.Put(context.Background(), io.NewSectionReader(f, 0, st.Size()), 0)
	if err != nil {
		return err
	}
	return fn(vanthu.PageImage{Number: 1, Pages: 1, Image: ref, DPI: p.DPI, Width: p.Width, Height: p.Height})
}

func (r *Rasteriser) child(ctx context.Context, src string, format vanthu.Format, probe bool, fn func(vanthu.PageImage) error) error {
	job := childJob{Src: src, Format: format, Blobs: r.Blobs.Dir(), Scratch: r.Blobs.Scratch, Config: r.Config, Probe: probe}
	if format == vanthu.TIFF {
		f, err := os.Open(src)
		if err != nil {
			return vanthu.E("rasterise", vanthu.Transient, err)
		}
		st, _ := f.Stat()
		pages, err := sniff.Inspect(f, st.Size(), format)
		f.Close()
		if err != nil {
			return vanthu.E("rasterise", vanthu.Invalid, err)
		}
		if len(pages) > r.Config.MaxPages {
			return vanthu.E("rasterise", vanthu.Invalid, &FileError{CodeTooManyPages, fmt.Sprintf("%d pages, more than the limit of %d", len(pages), r.Config.MaxPages)})
		}
		for _, p := range pages {
			if int64(p.Width)*int64(p.Height) > r.Config.MaxPixels {
				return vanthu.E("rasterise", vanthu.Invalid, &FileError{CodePageTooLarge, fmt.Sprintf("a page is %d×%d pixels, more than the limit of %d", p.Width, p.Height, r.Config.MaxPixels)})
			}
		}
		job.TIFFPages = pages
	}
	spec, err := json.Marshal(job)
	if err != nil {
		return err
	}
	argv := r.Command
	if len(argv) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return vanthu.E("rasterise", vanthu.Transient, err)
		}
		argv = []string{exe}
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), childEnv+"="+string(spec))
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 64 << 10}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return vanthu.E("rasterise", vanthu.Transient, err)
	}
	if err := cmd.Start(); err != nil {
		return vanthu.E("rasterise: start", vanthu.Transient, err)
	}

	// A watchdog kills the child when one page takes too long.
	progress := make(chan struct{}, 1)
	timedOut := make(chan struct{})
	go func() {
		t := time.NewTimer(r.Config.PageTimeout)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-progress:
				if !t.Stop() {
					<-t.C
				}
				t.Reset(r.Config.PageTimeout)
			case <-t.C:
				close(timedOut)
				cancel()
				return
			}
		}
	}()

	var (
		childErr string
		code     string
		done     int
		total    int
		fnErr    error
	)
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var l childLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			continue
		}
		select {
		case progress <- struct{}{}:
		default:
		}
		switch {
		case l.Error != "":
			childErr, code = l.Error, l.Code
		case l.Pages > 0:
			total = l.Pages
		case l.Page != nil && fnErr == nil:
			if fnErr = fn(*l.Page); fnErr != nil {
				cancel()
			} else {
				done++
			}
		}
	}
	waitErr := cmd.Wait()
	cancel()
	select {
	case <-timedOut:
		return vanthu.E("rasterise", vanthu.Invalid, &FileError{CodeCorrupt, fmt.Sprintf("page %d took longer than %s", done+1, r.Config.PageTimeout)})
	default:
	}
	switch {
	case fnErr != nil:
		return fnErr
	case childErr != "":
		if code == "" {
			code = CodeCorrupt
		}
		return vanthu.E("rasterise", vanthu.Invalid, &FileError{code, childErr})
	case parent.Err() != nil:
		return vanthu.E("rasterise", vanthu.Transient, parent.Err())
	case waitErr != nil:
		return vanthu.E("rasterise", vanthu.Invalid, &FileError{CodeCorrupt, fmt.Sprintf("the renderer died on page %d of %d (%s): %s", done+1, total, describeExit(waitErr), lastLine(stderr.String()))})
	case probe:
		return nil
	case done == 0 || done != total:
		return vanthu.Errorf("rasterise", vanthu.Invalid, "rendered %d of %d pages", done, total)
	}
	if said := strings.TrimSpace(stderr.String()); said != "" && r.Log != nil {
		if len(said) > 2000 {
			said = strings.ToValidUTF8(said[:2000], "") + " …"
		}
		r.Log.Warn("rasterise: rendered, with notes", "file", filepath.Base(src), "notes", said)
	}
	return nil
}

func describeExit(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			if ws.Signal() == syscall.SIGKILL {
				return "killed, probably out of memory"
			}
			return "signal " + ws.Signal().String()
		}
	}
	return err.Error()
}

// lastLine is the last non-empty line of s: where a dying process says why.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}
