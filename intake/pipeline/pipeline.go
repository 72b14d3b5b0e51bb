package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
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

// allBlank reports whether every page is blank: no text, and no ink
// either (a page with ink and no text read is unread, not blank, and
// has its own warning).
func allBlank(pages []vanthu.Page) bool {
	for _, p := range pages {
		if !p.Blank() {
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
