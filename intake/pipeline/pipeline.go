package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/blob"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/ocr"
)

// Topics.
const (
	TopicRaster = "vanthu.raster"
	TopicPages  = "vanthu.pages"
	TopicTexts  = "vanthu.texts"
	TopicIndex  = "vanthu.index"
)

// Groups, one per stage.
const (
	GroupRaster   = "raster"
	GroupOCR      = "ocr"
	GroupAssemble = "assemble"
	GroupIndex    = "index"
)

// Topics lists every topic with the group that consumes it.
var Topics = [][2]string{
	{TopicRaster, GroupRaster}, {TopicPages, GroupOCR}, {TopicTexts, GroupAssemble}, {TopicIndex, GroupIndex},
}

// Pipeline runs the stages.
type Pipeline struct {
	Queue      queue.Queue
	Blobs      *blob.Store
	Registry   *registry.Registry
	Index      *index.Index
	Rasteriser *ocr.Rasteriser
	OCR        ocr.Config
	Workers    int // OCR workers; 0 means one per core
	Log        *slog.Logger
	Metrics    Metrics
	// Attempts bounds how often a transient failure is tried.
	Attempts int
	// Resumed, if set, is called once the unfinished documents have been
	// re-published. Intake must not accept files before then, or a file
	// received meanwhile would be enqueued twice (by intake and by resume).
	Resumed func()
}

// Enqueue hands a registered document to the pipeline.
func (p *Pipeline) Enqueue(ctx context.Context, d vanthu.Document) error {
	p.metrics().DocsReceived.Add(1)
	return p.Queue.Publish(ctx, TopicRaster, string(d.ID), []byte(d.ID))
}

// Run starts every stage, resumes unfinished documents, and blocks until
// ctx is done. Every stage finishes the message in hand before Run returns.
func (p *Pipeline) Run(ctx context.Context) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var wg sync.WaitGroup
	start := func(topic, group string, h queue.Handler) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Queue.Consume(ctx, topic, group, h); err != nil && !errors.Is(err, context.Canceled) {
				p.log().Error("stage stopped", "topic", topic, "err", err)
			}
		}()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err := startOCR(workers, p.OCR, &wg, func(w *ocr.Worker) {
		p.Queue.Consume(ctx, TopicPages, GroupOCR, func(ctx context.Context, m queue.Message) error {
			return p.recognise(ctx, w, m)
		})
	})
	if err != nil {
		cancel()
		wg.Wait()
		return fmt.Errorf("pipeline: start OCR: %w", err)
	}
	start(TopicRaster, GroupRaster, p.rasterise)
	start(TopicTexts, GroupAssemble, p.assemble)
	start(TopicIndex, GroupIndex, p.index)

	if err := p.Resume(ctx); err != nil && ctx.Err() == nil {
		p.log().Error("resume", "err", err)
	}
	if p.Resumed != nil {
		p.Resumed()
	}
	wg.Wait()
	return ctx.Err()
}

// BlankWarning flags a document whose every page is blank.
const BlankWarning = "Mọi trang đều trắng: không có chữ để đọc, hãy kiểm tra bản quét (every page is blank)"

func allBlank(pages []vanthu.Page) bool {
	for _, p := range pages {
		if strings.TrimSpace(p.Text) != "" {
			return false
		}
	}
	return len(pages) > 0
}

// startOCR starts n goroutines, each with its own Tesseract engine, on its
// own OS thread, for its whole life, running fn with it; wg counts them. It
// returns once every engine has started, or with the first error, when the
// goroutines whose engine started still run fn: the caller stops them.
func startOCR(n int, cfg ocr.Config, wg *sync.WaitGroup, fn func(*ocr.Worker)) error {
	started := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			w, err := ocr.NewWorker(cfg)
			started <- err
			if err != nil {
				return
			}
			defer w.Close()
			fn(w)
		}()
	}
	var first error
	for range n {
		if err := <-started; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Resume re-publishes the next step of every unfinished document.
func (p *Pipeline) Resume(ctx context.Context) error {
	ids, err := p.Registry.Unfinished()
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		p.log().Info("resuming unfinished documents", "count", len(ids))
	}
	for _, id := range ids {
		d, err := p.Registry.Get(id)
		if err != nil {
			return err
		}
		switch {
		case d.Status == vanthu.Received || d.Status == vanthu.Rasterised:
			// Pages not yet recognised are rendered again, which also
			// recovers a text layer that was in flight.
			err = p.Queue.Publish(ctx, TopicRaster, string(id), []byte(id))
		case d.Status == vanthu.Recognised:
			err = p.extract(ctx, id)
		case d.Status == vanthu.Extracted:
			err = p.Queue.Publish(ctx, TopicIndex, string(id), []byte(id))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *Pipeline) publishPage(ctx context.Context, d vanthu.Document, pg vanthu.Page, layer vanthu.PageImage) error {
	v, _ := json.Marshal(vanthu.PageImage{Doc: d.ID, Number: pg.Number, Pages: d.PageCount, Image: pg.Image, DPI: pg.DPI, Width: pg.Width, Height: pg.Height,
		Text: layer.Text, RawText: layer.RawText, TextSource: layer.TextSource})
	return p.Queue.Publish(ctx, TopicPages, string(d.ID), v)
}

// rasterise renders a document's pages and publishes each page for OCR as
// soon as it is rendered.
func (p *Pipeline) rasterise(ctx context.Context, m queue.Message) error {
	id := vanthu.Ref(m.Value)
	return p.attempt(ctx, id, "rasterise", func() error {
		d, err := p.Registry.Get(id)
		// Rasterising again is harmless (same blobs); only pages not yet
		// recognised go on to OCR.
		if err != nil || d.Status != vanthu.Received && d.Status != vanthu.Rasterised {
			return err
		}
		start := time.Now()
		err = p.Rasteriser.Rasterise(ctx, p.Blobs.Path(id), d.Format, func(pi vanthu.PageImage) error {
			p.metrics().PagesRendered.Add(1)
			d, err := p.Registry.Update(id, func(d *vanthu.Document) error {
				if d.PageCount != pi.Pages || len(d.Pages) != pi.Pages {
					d.PageCount = pi.Pages
					d.Pages = make([]vanthu.Page, pi.Pages)
					for i := range d.Pages {
						d.Pages[i].Number = i + 1
					}
				}
				pg := &d.Pages[pi.Number-1]
				if !pg.Done {
					pg.Image, pg.DPI, pg.Width, pg.Height = pi.Image, pi.DPI, pi.Width, pi.Height
				}
				return nil
			})
			if err != nil {
				return err
			}
			if pg := d.Pages[pi.Number-1]; !pg.Done {
				return p.publishPage(ctx, d, pg, pi)
			}
			return nil
		})
		p.metrics().RasterNanos.Add(int64(time.Since(start)))
		if err != nil {
			return err
		}
		_, err = p.Registry.Update(id, func(d *vanthu.Document) error {
			if d.Status == vanthu.Received {
				d.Status = vanthu.Rasterised
			}
			return nil
		})
		return err
	})
}

// recognise reads one page with the worker's own engine.
func (p *Pipeline) recognise(ctx context.Context, w *ocr.Worker, m queue.Message) error {
	var pi vanthu.PageImage
	if err := json.Unmarshal(m.Value, &pi); err != nil {
		p.log().Error("bad page message", "err", err)
		return nil // a malformed message cannot get better
	}
	return p.attempt(ctx, pi.Doc, fmt.Sprintf("ocr: page %d", pi.Number), func() error {
		d, err := p.Registry.Get(pi.Doc)
		if err != nil || d.Status.Done() || pi.Number > len(d.Pages) || d.Pages[pi.Number-1].Done {
			return err // already done: running twice changes nothing
		}
		var pt vanthu.PageText
		if pi.Text != "" {
			pt = pi.FromTextLayer() // born-digital: no OCR
		} else {
			img, err := p.Blobs.ReadAll(pi.Image)
			if err != nil {
				return err
			}
			p.metrics().OCRBusyWorkers.Add(1)
			start := time.Now()
			pt, err = w.Recognize(ctx, img, pi.DPI)
			p.metrics().OCRNanos.Add(int64(time.Since(start)))
			p.metrics().OCRBusyWorkers.Add(-1)
			if err != nil {
				return err
			}
		}
		p.metrics().PagesOCRed.Add(1)
		pt.Doc, pt.Number = pi.Doc, pi.Number
		v, err := json.Marshal(pt)
		if err != nil {
			return err
		}
		return p.Queue.Publish(ctx, TopicTexts, string(pi.Doc), v)
	})
}

// assemble records a page's text; the message that completes the document
// runs extraction.
func (p *Pipeline) assemble(ctx context.Context, m queue.Message) error {
	var pt vanthu.PageText
	if err := json.Unmarshal(m.Value, &pt); err != nil {
		p.log().Error("bad page text message", "err", err)
		return nil
	}
	return p.attempt(ctx, pt.Doc, "assemble", func() error {
		completed := false
		_, err := p.Registry.Update(pt.Doc, func(d *vanthu.Document) error {
			if d.Status.Done() || pt.Number < 1 || pt.Number > len(d.Pages) {
				return nil
			}
			pg := &d.Pages[pt.Number-1]
			if pg.Done {
				return nil
			}
			pg.Text, pg.RawText, pg.Confidence, pg.Words, pg.Done = pt.Text, pt.RawText, pt.Confidence, pt.Words, true
			pg.TextSource = pt.TextSource
			if d.Recognised() && (d.Status == vanthu.Rasterised || d.Status == vanthu.Received) {
				d.Status = vanthu.Recognised
				completed = true
			}
			return nil
		})
		if err != nil || !completed {
			return err
		}
		return p.extract(ctx, pt.Doc)
	})
}

// extract reads the metadata of a recognised document and sends it on to
// the index.
func (p *Pipeline) extract(ctx context.Context, id vanthu.Ref) error {
	d, err := p.Registry.Get(id)
	if err != nil {
		return err
	}
	md, conf := extract.ExtractWithConfidence(d.Pages)
	if _, err := p.Registry.Update(id, func(d *vanthu.Document) error {
		if d.Status != vanthu.Recognised {
			return nil // extracted already
		}
		d.Metadata, d.FieldConfidence, d.Review = md, conf, extract.Review(md, conf)
		if allBlank(d.Pages) {
			d.Warnings = append(d.Warnings, BlankWarning)
		}
		d.History = append(d.History, vanthu.Revision{At: time.Now().UTC(), By: "extraction", Metadata: md})
		d.Status = vanthu.Extracted
		return nil
	}); err != nil {
		return err
	}
	return p.Queue.Publish(ctx, TopicIndex, string(id), []byte(id))
}

// index puts the document in the search index.
func (p *Pipeline) index(ctx context.Context, m queue.Message) error {
	id := vanthu.Ref(m.Value)
	return p.attempt(ctx, id, "index", func() error {
		d, err := p.Registry.Get(id)
		if err != nil || d.Status == vanthu.Failed {
			return err
		}
		dups, err := p.Index.Duplicates(d.Metadata, id)
		if err != nil {
			return err
		}
		if err := p.Index.Put(d); err != nil {
			return err
		}
		_, err = p.Registry.Update(id, func(d *vanthu.Document) error {
			d.DuplicateOf = dups
			if d.Status != vanthu.Indexed {
				d.Status = vanthu.Indexed
				p.metrics().DocsIndexed.Add(1)
			}
			return nil
		})
		if err == nil {
			p.log().Info("indexed", "id", id.Short(), "file", d.FileName, "pages", d.PageCount, "number", d.Metadata.Number)
		}
		return err
	})
}

// attempt runs fn, retrying transient failures with back-off. A document
// whose step fails for good is marked failed with the reason, and the
// message is acknowledged: a poison message never stops a stage.
func (p *Pipeline) attempt(ctx context.Context, id vanthu.Ref, step string, fn func() error) error {
	attempts := max(p.Attempts, 1)
	var err error
	for i := range attempts {
		if err = fn(); err == nil || ctx.Err() != nil {
			return err
		}
		if k := vanthu.KindOf(err); k == vanthu.Invalid || k == vanthu.NotExist {
			break
		}
		if i < attempts-1 {
			p.metrics().Retries.Add(1)
			p.log().Warn("retrying", "id", id.Short(), "step", step, "err", err)
			select {
			case <-time.After(time.Duration(1<<i) * 500 * time.Millisecond):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	if vanthu.KindOf(err) == vanthu.NotExist {
		p.log().Error("message for an unknown document", "id", id.Short(), "step", step, "err", err)
		return nil
	}
	p.fail(id, fmt.Errorf("%s: %w", step, err))
	return nil
}

func (p *Pipeline) fail(id vanthu.Ref, err error) {
	p.metrics().DocsFailed.Add(1)
	p.log().Error("document failed", "id", id.Short(), "err", err)
	p.Registry.Update(id, func(d *vanthu.Document) error {
		d.Status, d.Error = vanthu.Failed, err.Error()
		return nil
	})
}

func (p *Pipeline) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}

func (p *Pipeline) metrics() *Metrics { return &p.Metrics }
