package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/intake/signature"
	"github.com/vanthu/vanthu/ocr"
)

// Topics, in the order a document passes through them.
const (
	TopicRaster    = "vanthu.raster"    // the received document, to render
	TopicPages     = "vanthu.pages"     // one message per page image, to read
	TopicTexts     = "vanthu.texts"     // one message per page read, to assemble
	TopicDocuments = "vanthu.documents" // the extracted record, to index
)

// Stage is a step a node may run.
type Stage string

// Stages, each consuming one topic.
const (
	StageRaster  Stage = "raster"  // TopicRaster → TopicPages
	StageOCR     Stage = "ocr"     // TopicPages → TopicTexts
	StageExtract Stage = "extract" // TopicTexts → TopicDocuments (assembles the pages first)
	StageIndex   Stage = "index"   // TopicDocuments → search index and register
)

// AllStages are the stages in pipeline order.
var AllStages = []Stage{StageRaster, StageOCR, StageExtract, StageIndex}

// Topic returns the topic the stage consumes.
func (s Stage) Topic() string {
	return map[Stage]string{StageRaster: TopicRaster, StageOCR: TopicPages, StageExtract: TopicTexts, StageIndex: TopicDocuments}[s]
}

// Records is where the stages keep each document's progress: the registry
// on one machine, a shared folder (package inflight) across machines.
type Records interface {
	Get(id vanthu.Ref) (vanthu.Document, error)
	Update(id vanthu.Ref, fn func(*vanthu.Document) error) (vanthu.Document, error)
	// Ensure records d unless a record of d.ID exists already.
	Ensure(d vanthu.Document) error
}

// Pipeline runs the stages.
type Pipeline struct {
	Queue queue.Queue
	Blobs *blob.Store
	// Records keeps the stages' progress; nil means Registry.
	Records Records
	// Registry is this node's register, which the index stage keeps up to
	// date and Run resumes from. A node without it runs no index stage.
	Registry   *registry.Registry
	Index      *index.Index
	Rasteriser *ocr.Rasteriser
	// Signatures verifies a PDF's digital signatures before it is read;
	// nil checks none.
	Signatures *signature.Verifier
	OCR        ocr.Config
	Workers    int // OCR workers; 0 means one per core
	// Stages are the stages this node runs; nil means all.
	Stages []Stage
	// IndexGroup is the consumer group of this node's index stage: each
	// search node reads the whole documents log into its own index. Empty
	// means "index".
	IndexGroup string
	Log        *slog.Logger
	Metrics    Metrics
	// Attempts bounds how often a transient failure is tried.
	Attempts int
	// Resumed, if set, is called once the unfinished documents have been
	// re-published. Intake must not accept files before then, or a file
	// received meanwhile would be enqueued twice (by intake and by resume).
	Resumed func()
	// SecretHold, if set, is the folder state-secret originals are moved
	// to, their records cut to a stub (see holdSecret); empty keeps them
	// like any document (a machine on a separate LAN).
	SecretHold string
	// SecretIsolated keeps state-secret documents instead (a machine on a
	// separate LAN): marked secret, for leaders and the named users only.
	SecretIsolated bool
}

// Group returns the consumer group of stage s on this node.
func (p *Pipeline) Group(s Stage) string {
	if s == StageIndex && p.IndexGroup != "" {
		return p.IndexGroup
	}
	return string(s)
}

func (p *Pipeline) runs(s Stage) bool {
	return p.Stages == nil || slices.Contains(p.Stages, s)
}

func (p *Pipeline) records() Records {
	if p.Records != nil {
		return p.Records
	}
	return p.Registry
}

// Enqueue hands a registered document to the pipeline. The message carries
// the record as intake made it (name, format, số đến), so that a worker on
// another machine needs nothing else.
func (p *Pipeline) Enqueue(ctx context.Context, d vanthu.Document) error {
	p.metrics().DocsReceived.Add(1)
	return p.send(ctx, d)
}

func (p *Pipeline) send(ctx context.Context, d vanthu.Document) error {
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return p.Queue.Publish(ctx, TopicRaster, string(d.ID), v)
}

// Run starts this node's stages, resumes unfinished documents, and blocks
// until ctx is done. Every stage finishes the message in hand before Run
// returns.
func (p *Pipeline) Run(ctx context.Context) error {
	if p.runs(StageIndex) && (p.Registry == nil || p.Index == nil) {
		return errors.New("pipeline: the index stage needs a registry and an index")
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var wg sync.WaitGroup
	start := func(s Stage, h queue.Handler) {
		if !p.runs(s) {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Queue.Consume(ctx, s.Topic(), p.Group(s), h); err != nil && !errors.Is(err, context.Canceled) {
				p.log().Error("stage stopped", "stage", s, "err", err)
			}
		}()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if p.runs(StageOCR) {
		err := startOCR(workers, p.OCR, &wg, func(w *ocr.Worker) {
			p.Queue.Consume(ctx, TopicPages, p.Group(StageOCR), func(ctx context.Context, m queue.Message) error {
				return p.recognise(ctx, w, m)
			})
		})
		if err != nil {
			cancel()
			wg.Wait()
			return fmt.Errorf("pipeline: start OCR: %w", err)
		}
	}
	start(StageRaster, p.rasterise)
	start(StageExtract, p.assemble)
	start(StageIndex, p.index)

	if p.Registry != nil {
		if err := p.Resume(ctx); err != nil && ctx.Err() == nil {
			p.log().Error("resume", "err", err)
		}
	}
	if p.Resumed != nil {
		p.Resumed()
	}
	if p.Registry != nil && p.runs(StageIndex) && p.runs(StageExtract) {
		// Documents indexed before archive copies were made get theirs
		// (on the node that extracts too, so that one node makes them).
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := p.BackfillArchive(ctx)
			if err != nil && ctx.Err() == nil {
				p.log().Error("archive copies of earlier documents", "made", n, "err", err)
			} else if n > 0 {
				p.log().Info("archive copies of earlier documents made", "count", n)
			}
		}()
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

// Resume re-publishes every document the register shows unfinished. The
// raster stage takes each on from the last step its record shows done.
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
		if err := p.send(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

func (p *Pipeline) publishPage(ctx context.Context, d vanthu.Document, pg vanthu.Page, layer vanthu.PageImage) error {
	v, _ := json.Marshal(vanthu.PageImage{Doc: d.ID, Number: pg.Number, Pages: d.PageCount, Image: pg.Image, DPI: pg.DPI, Width: pg.Width, Height: pg.Height,
		Text: layer.Text, RawText: layer.RawText, TextSource: layer.TextSource})
	// Keyed by page, so that one document's pages spread over every OCR
	// worker.
	return p.Queue.Publish(ctx, TopicPages, fmt.Sprintf("%s/%d", d.ID, pg.Number), v)
}

// rasterise takes a received document on from the last step its record
// shows done: normally that is none, and it renders the pages, publishing
// each for OCR as soon as it is rendered.
func (p *Pipeline) rasterise(ctx context.Context, m queue.Message) error {
	var in vanthu.Document
	if err := json.Unmarshal(m.Value, &in); err != nil || in.ID == "" {
		return p.dead(ctx, m, fmt.Errorf("not a document: %v", err))
	}
	id := in.ID
	return p.attempt(ctx, m, id, "rasterise", func() error {
		if err := p.records().Ensure(in); err != nil {
			return err
		}
		d, err := p.records().Get(id)
		if err != nil {
			return err
		}
		switch d.Status {
		case vanthu.Received, vanthu.Rasterised:
		case vanthu.Recognised, vanthu.Extracted:
			return p.extract(ctx, id) // a restart found it past OCR
		default:
			return nil // done
		}
		if d.Format == vanthu.PDF && d.Signatures == nil && p.Signatures != nil {
			if err := p.verifySignatures(ctx, d.ID); err != nil {
				return err
			}
		}
		if d.Format == vanthu.PDF && d.ActiveContent == nil {
			if err := p.checkActiveContent(ctx, d.ID); err != nil {
				return err
			}
		}
		// Rendering again is harmless (same blobs); only pages not yet
		// recognised go on to OCR.
		start := time.Now()
		err = p.Rasteriser.Rasterise(ctx, p.Blobs.Path(id), d.Format, func(pi vanthu.PageImage) error {
			p.metrics().PagesRendered.Add(1)
			d, err := p.records().Update(id, func(d *vanthu.Document) error {
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
		_, err = p.records().Update(id, func(d *vanthu.Document) error {
			if d.Status == vanthu.Received {
				d.Status = vanthu.Rasterised
			}
			return nil
		})
		return err
	})
}

// checkActiveContent records the active content of a PDF (none: an empty
// list, so the check is made once) and warns the clerk of it.
func (p *Pipeline) checkActiveContent(ctx context.Context, id vanthu.Ref) error {
	kinds := activeContent(ctx, p.Blobs.Path(id))
	_, err := p.records().Update(id, func(d *vanthu.Document) error {
		if d.ActiveContent == nil {
			d.ActiveContent = append([]string{}, kinds...)
			if len(kinds) > 0 {
				d.Warnings = append(d.Warnings, fmt.Sprintf(ActiveWarning, strings.Join(kinds, ", ")))
			}
		}
		return nil
	})
	return err
}

// verifySignatures records the verdict on the document's digital
// signatures, and what the clerk must be told of them, before it is read:
// the extraction weighs the fields against them. An unsigned PDF is
// recorded with none, so the check is made once.
func (p *Pipeline) verifySignatures(ctx context.Context, id vanthu.Ref) error {
	sigs, warnings, err := p.Signatures.Check(ctx, p.Blobs.Path(id))
	if err != nil {
		p.log().Warn("signatures not checked", "doc", id.Short(), "err", err)
	}
	_, err = p.records().Update(id, func(d *vanthu.Document) error {
		if d.Signatures == nil {
			d.Signatures = append([]vanthu.Signature{}, sigs...)
			d.Warnings = append(d.Warnings, warnings...)
		}
		return nil
	})
	return err
}

// recognise reads one page with the worker's own engine.
func (p *Pipeline) recognise(ctx context.Context, w *ocr.Worker, m queue.Message) error {
	var pi vanthu.PageImage
	if err := json.Unmarshal(m.Value, &pi); err != nil || pi.Doc == "" || pi.Number < 1 {
		return p.dead(ctx, m, fmt.Errorf("not a page image: %v", err))
	}
	return p.attempt(ctx, m, pi.Doc, fmt.Sprintf("ocr: page %d", pi.Number), func() error {
		d, err := p.records().Get(pi.Doc)
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
		// Keyed by document: one assembler sees all of a document's pages.
		return p.Queue.Publish(ctx, TopicTexts, string(pi.Doc), v)
	})
}

// assemble records a page's text; once every page is in, it extracts the
// metadata. A message that finds the document complete but not yet sent on
// (the assembler stopped in between) sends it on: nothing is lost if an
// assembler dies mid-document, and the index takes a record twice as once.
func (p *Pipeline) assemble(ctx context.Context, m queue.Message) error {
	var pt vanthu.PageText
	if err := json.Unmarshal(m.Value, &pt); err != nil || pt.Doc == "" {
		return p.dead(ctx, m, fmt.Errorf("not a page text: %v", err))
	}
	return p.attempt(ctx, m, pt.Doc, "assemble", func() error {
		d, err := p.records().Update(pt.Doc, func(d *vanthu.Document) error {
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
			}
			return nil
		})
		if err != nil || d.Status != vanthu.Recognised && d.Status != vanthu.Extracted {
			return err
		}
		return p.extract(ctx, pt.Doc)
	})
}

// extract reads the metadata of a recognised document and publishes the
// record to the documents topic. A document extracted already is published
// again as it is.
func (p *Pipeline) extract(ctx context.Context, id vanthu.Ref) error {
	d, err := p.records().Get(id)
	if err != nil {
		return err
	}
	if d.Status == vanthu.Recognised {
		x := extract.Read(d.Pages, d.Signatures)
		md := x.Metadata
		d, err = p.records().Update(id, func(d *vanthu.Document) error {
			if d.Status != vanthu.Recognised {
				return nil // extracted meanwhile
			}
			d.Metadata, d.FieldConfidence, d.Review = md, x.Confidence, x.Review
			d.Warnings = append(d.Warnings, x.Warnings...)
			if allBlank(d.Pages) {
				d.Warnings = append(d.Warnings, BlankWarning)
			}
			d.History = append(d.History, vanthu.Revision{At: time.Now().UTC(), By: "extraction", Metadata: md})
			d.Status = vanthu.Extracted
			return nil
		})
		if err != nil {
			return err
		}
	}
	switch {
	case p.Secret(d) && p.SecretIsolated && !d.Access.Secret:
		if d, err = p.records().Update(id, func(d *vanthu.Document) error { d.Access.Secret = true; return nil }); err != nil {
			return err
		}
	case p.Secret(d) && !p.SecretIsolated && d.Status != vanthu.Held:
		if d, err = p.holdSecret(ctx, d); err != nil {
			return err
		}
	}
	if d, err = p.archiveCopy(ctx, d); err != nil {
		return err
	}
	return p.Publish(ctx, d)
}

// docMessage is a message of the documents topic: the record itself is in
// the blob store, as JSON, so that the message stays small whatever the
// number of pages.
type docMessage struct {
	ID     vanthu.Ref `json:"id"`
	Record vanthu.Ref `json:"record"`
}

// Publish puts a document's record on the documents topic, the log every
// search node's index and register are built from. Corrections go through
// here too, so that an index rebuilt from the log keeps them.
func (p *Pipeline) Publish(ctx context.Context, d vanthu.Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	ref, err := p.Blobs.PutBytes(ctx, b)
	if err != nil {
		return err
	}
	v, _ := json.Marshal(docMessage{ID: d.ID, Record: ref})
	return p.Queue.Publish(ctx, TopicDocuments, string(d.ID), v)
}

// index takes a record from the documents topic into this node's register
// and search index.
func (p *Pipeline) index(ctx context.Context, m queue.Message) error {
	var dm docMessage
	if err := json.Unmarshal(m.Value, &dm); err != nil || dm.ID == "" {
		return p.dead(ctx, m, fmt.Errorf("not a document message: %v", err))
	}
	return p.attempt(ctx, m, dm.ID, "index", func() error {
		b, err := p.Blobs.ReadAll(dm.Record)
		if err != nil {
			return err
		}
		var d vanthu.Document
		if err := json.Unmarshal(b, &d); err != nil {
			return vanthu.E("index: record "+dm.Record.Short(), vanthu.Invalid, err)
		}
		return p.Materialise(d)
	})
}

// Rebuild takes every record of the documents log into this node's
// register and index, calling progress after each.
func (p *Pipeline) Rebuild(ctx context.Context, log queue.Replayer, progress func()) error {
	return log.Replay(ctx, TopicDocuments, func(ctx context.Context, m queue.Message) error {
		if err := p.index(ctx, m); err != nil {
			return err
		}
		progress()
		return nil
	})
}

// Materialise makes d, a record from the documents log, this node's: the
// index takes it (unless it failed), then the register, so that a record
// the register shows indexed is found by search. The local số đến stays; a
// record with fewer revisions than the local one is older than it (a
// correction made here is on its way through the log) and is skipped.
func (p *Pipeline) Materialise(d vanthu.Document) error {
	before, err := p.Registry.Get(d.ID)
	var local *vanthu.Document
	switch {
	case err == nil:
		local = &before
	case vanthu.KindOf(err) != vanthu.NotExist:
		return err
	}
	d, fresh := registry.Merge(local, d)
	if !fresh {
		return nil
	}
	if d.Status == vanthu.Failed || d.Status == vanthu.Held {
		if err := p.Index.Delete(d.ID); err != nil {
			return err
		}
		_, err := p.Registry.Materialise(d)
		return err
	}
	dups, err := p.Index.Duplicates(d.Metadata, d.ID)
	if err != nil {
		return err
	}
	d.DuplicateOf, d.Status = dups, vanthu.Indexed
	if err := p.Index.Put(d); err != nil {
		return err
	}
	if _, err := p.Registry.Materialise(d); err != nil {
		return err
	}
	if before.Status != vanthu.Indexed {
		p.metrics().DocsIndexed.Add(1)
		p.log().Info("indexed", "id", d.ID.Short(), "file", d.FileName, "pages", d.PageCount, "number", d.Metadata.Number)
	}
	return nil
}

// attempt runs fn, retrying transient failures with back-off. A document
// whose step fails for good is marked failed with the reason, and the
// message goes to the dead-letter topic: a poison message never stops a
// stage.
func (p *Pipeline) attempt(ctx context.Context, m queue.Message, id vanthu.Ref, step string, fn func() error) error {
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
		return p.dead(ctx, m, err)
	}
	err = fmt.Errorf("%s: %w", step, err)
	p.fail(ctx, id, err)
	return p.dead(ctx, m, err)
}

// dead sends m to the dead-letter topic with the reason, and acknowledges
// it.
func (p *Pipeline) dead(ctx context.Context, m queue.Message, reason error) error {
	p.metrics().DeadLetters.Add(1)
	p.log().Error("message dead-lettered", "topic", m.Topic, "key", m.Key, "reason", reason)
	return p.Queue.Publish(ctx, queue.DeadLetter, m.Key, queue.DeadMessage(m, reason))
}

// fail marks a document failed with the reason, and publishes its record so
// that the register shows the failure.
func (p *Pipeline) fail(ctx context.Context, id vanthu.Ref, err error) {
	p.metrics().DocsFailed.Add(1)
	p.log().Error("document failed", "id", id.Short(), "err", err)
	d, uerr := p.records().Update(id, func(d *vanthu.Document) error {
		d.Status, d.Error = vanthu.Failed, err.Error()
		return nil
	})
	if uerr == nil {
		uerr = p.Publish(ctx, d)
	}
	if uerr != nil {
		p.log().Error("recording a failure", "id", id.Short(), "err", uerr)
	}
}

func (p *Pipeline) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.Default()
}

func (p *Pipeline) metrics() *Metrics { return &p.Metrics }
