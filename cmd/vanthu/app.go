package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/blob"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/queue/inproc"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/ocr"
	"github.com/vanthu/vanthu/search"
)

// config is what serve and ingest share.
type config struct {
	Data     string
	Workers  int
	LogLevel string
	LogJSON  bool
	Raster   ocr.RasterConfig
	OCR      ocr.Config
	Limits   intake.Limits
}

func (c *config) flags(fs *flag.FlagSet) {
	c.Raster, c.OCR, c.Limits = ocr.DefaultRasterConfig(), ocr.DefaultConfig(), intake.DefaultLimits()
	fs.StringVar(&c.Data, "data", "./var", "data folder: archive copies, registry, index, quarantine")
	fs.IntVar(&c.Workers, "workers", 0, "OCR workers (0: one per core)")
	fs.StringVar(&c.LogLevel, "log-level", "info", "debug, info, warn or error")
	fs.BoolVar(&c.LogJSON, "log-json", false, "log as JSON lines")
	c.Raster.Flags(fs)
	c.OCR.Flags(fs)
	c.Limits.Flags(fs)
}

// app is an opened data folder with its pipeline.
type app struct {
	cfg      config
	log      *slog.Logger
	blobs    *blob.Store
	registry *registry.Registry
	index    *index.Index
	queue    *inproc.Queue
	pipeline *pipeline.Pipeline
	receiver *intake.Receiver
	events   *intake.Events
	searcher *search.Searcher
}

func openApp(cfg config) (*app, error) {
	a := &app{cfg: cfg, log: newLogger(cfg.LogLevel, cfg.LogJSON)}
	slog.SetDefault(a.log)
	if err := os.MkdirAll(cfg.Data, 0o750); err != nil {
		return nil, err
	}
	var err error
	if a.blobs, err = blob.Open(filepath.Join(cfg.Data, "blobs")); err != nil {
		return nil, err
	}
	if a.registry, err = registry.Open(filepath.Join(cfg.Data, "registry.db")); err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("%s is in use by another vanthu process (a running server?): stop it, or send files to it with --server", cfg.Data)
		}
		return nil, err
	}
	if a.index, err = index.Open(filepath.Join(cfg.Data, "index")); err != nil {
		a.registry.Close()
		return nil, err
	}
	a.queue = inproc.New(64)
	for _, t := range pipeline.Topics {
		a.queue.Subscribe(t[0], t[1])
	}
	a.pipeline = &pipeline.Pipeline{
		Queue: a.queue, Blobs: a.blobs, Registry: a.registry, Index: a.index,
		Rasteriser: &ocr.Rasteriser{Config: cfg.Raster, Blobs: a.blobs},
		OCR:        cfg.OCR, Workers: cfg.Workers, Log: a.log, Attempts: 3,
	}
	a.events = intake.NewEvents(500)
	a.receiver = &intake.Receiver{
		Blobs: a.blobs, Registry: a.registry, Limits: cfg.Limits,
		Quarantine: filepath.Join(cfg.Data, "quarantine"), Enqueue: a.pipeline.Enqueue,
		Check: probe(a.pipeline.Rasteriser),
	}
	a.searcher = &search.Searcher{Index: a.index}
	a.pipeline.Metrics.Gauge("vanthu_index_documents", func() float64 {
		n, _ := a.index.Count()
		return float64(n)
	})
	return a, nil
}

// probe refuses at intake the PDFs and TIFFs the rasteriser cannot take
// (encrypted, corrupt, too many or too large pages), opening them in its
// child process without rendering.
func probe(r *ocr.Rasteriser) func(context.Context, string, vanthu.Format) error {
	return func(ctx context.Context, path string, f vanthu.Format) error {
		err := r.Probe(ctx, path, f)
		var fe *ocr.FileError
		if errors.As(err, &fe) {
			return intake.Refuse(fe.Code, fe.Msg)
		}
		return err
	}
}

func (a *app) Close() {
	a.queue.Close()
	a.index.Close()
	a.registry.Close()
}

// runPipeline runs the pipeline in the background and returns once it has
// resumed the unfinished documents, so that intake may start; done is closed
// when the pipeline stops.
func (a *app) runPipeline(ctx context.Context) (done <-chan struct{}, err error) {
	resumed := make(chan struct{})
	a.pipeline.Resumed = func() { close(resumed) }
	stopped := make(chan struct{})
	var runErr error
	go func() {
		defer close(stopped)
		if runErr = a.pipeline.Run(ctx); runErr != nil && !errors.Is(runErr, context.Canceled) {
			a.log.Error("pipeline stopped", "err", runErr)
		}
	}()
	select {
	case <-resumed:
		return stopped, nil
	case <-stopped:
		return stopped, fmt.Errorf("pipeline: %w", runErr)
	}
}

// idle reports whether no registered document is waiting for a stage.
func (a *app) idle() bool {
	ids, err := a.registry.Unfinished()
	return err == nil && len(ids) == 0
}

// drain waits until the pipeline is idle or the deadline passes.
func (a *app) drain(deadline time.Duration) {
	end := time.Now().Add(deadline)
	for time.Now().Before(end) && !a.idle() {
		time.Sleep(200 * time.Millisecond)
	}
}
