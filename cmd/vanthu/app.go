package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/inflight"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/queue/inproc"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/intake/signature"
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
	Sigs     signature.Config
	// SecretMode is refuse (the default: a state-secret document is held
	// out of the system) or isolated (a machine on a separate LAN keeps
	// it, for leaders and the users named on it).
	SecretMode string
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
	c.Sigs.Flags(fs)
	fs.Func("secret-mode", "state-secret documents: refuse (default; held out of the system) or isolated (kept, for leaders and the named users: only on a separate LAN)", func(v string) error {
		if v != "refuse" && v != "isolated" {
			return fmt.Errorf("refuse or isolated")
		}
		c.SecretMode = v
		return nil
	})
}

// app is an opened data folder with its pipeline. A node that runs no
// intake, index or search stage (a worker) has no registry, index, receiver
// or searcher.
type app struct {
	cfg      config
	log      *slog.Logger
	blobs    *blob.Store
	registry *registry.Registry
	index    *index.Index
	queue    queue.Queue
	pipeline *pipeline.Pipeline
	receiver *intake.Receiver
	events   *intake.Events
	searcher *search.Searcher
}

// oneMachine is the default deployment: every stage, in-process queue.
var oneMachine = cluster{Stages: allStages}

// openApp opens what the stages c names need.
func openApp(cfg config, c cluster) (*app, error) {
	a := &app{cfg: cfg, log: newLogger(cfg.LogLevel, cfg.LogJSON)}
	slog.SetDefault(a.log)
	if err := os.MkdirAll(cfg.Data, 0o750); err != nil {
		return nil, err
	}
	shared := cmp.Or(c.Shared, cfg.Data)
	var err error
	if a.blobs, err = blob.Open(filepath.Join(shared, "blobs")); err != nil {
		return nil, err
	}
	a.pipeline = &pipeline.Pipeline{
		// State-secret documents are not kept on a networked machine:
		// their originals go to the secret hold beside the archive.
		SecretHold:     filepath.Join(shared, "secret-hold"),
		SecretIsolated: cfg.SecretMode == "isolated",
		Blobs:          a.blobs,
		Rasteriser:     &ocr.Rasteriser{Config: rasterConfig(cfg), Blobs: a.blobs, Log: a.log},
		Signatures:     signature.New(cfg.Sigs),
		OCR:            cfg.OCR, Workers: cfg.Workers, Log: a.log, Attempts: 3,
		Stages: c.pipelineStages(),
	}
	ok := false
	defer func() {
		if !ok {
			a.Close()
		}
	}()
	if err := a.pipeline.Signatures.Ready(); err != nil {
		return nil, err
	}
	if c.has("intake") || c.has("index") || c.has("search") {
		if a.registry, err = registry.Open(filepath.Join(cfg.Data, "registry.db")); err != nil {
			if errors.Is(err, bolterrors.ErrTimeout) {
				return nil, fmt.Errorf("%s is in use by another vanthu process (a running server?): stop it, or send files to it with --server", cfg.Data)
			}
			return nil, err
		}
		a.pipeline.Registry = a.registry
	}
	if c.has("index") || c.has("search") {
		dir := filepath.Join(cfg.Data, "index")
		_, statErr := os.Stat(dir)
		open := index.Open
		if c.ForImport {
			open = index.OpenForImport
		}
		if a.index, err = open(dir); err != nil {
			return nil, err
		}
		a.pipeline.Index = a.index
		a.searcher = &search.Searcher{Index: a.index}
		a.pipeline.Metrics.Gauge("vanthu_index_documents", func() float64 {
			n, _ := a.index.Count()
			return float64(n)
		})
		// Many segments slow every search: vanthu compact merges them.
		a.pipeline.Metrics.Gauge("vanthu_index_segments", func() float64 { return float64(a.index.Segments()) })
		// Each search node reads the whole documents log into its own
		// index: its own consumer group, new with a new (empty) index.
		if a.pipeline.IndexGroup, err = indexGroup(cfg.Data, statErr != nil); err != nil {
			return nil, err
		}
	}
	if c.Brokers == "" {
		q := inproc.New(64)
		for _, s := range pipeline.AllStages {
			q.Subscribe(s.Topic(), a.pipeline.Group(s))
		}
		a.queue = q
	} else {
		if a.queue, err = openKafka(c, a.log); err != nil {
			return nil, err
		}
		if slices.ContainsFunc(a.pipeline.Stages, func(s pipeline.Stage) bool { return s != pipeline.StageIndex }) {
			// Stage state every worker sees: in the shared folder.
			if a.pipeline.Records, err = inflight.Open(filepath.Join(shared, "work")); err != nil {
				return nil, err
			}
		}
	}
	a.pipeline.Queue = a.queue
	if c.has("intake") {
		a.events = intake.NewEvents(500)
		a.receiver = &intake.Receiver{
			Blobs: a.blobs, Registry: a.registry, Limits: cfg.Limits,
			Quarantine: filepath.Join(cfg.Data, "quarantine"), Enqueue: a.pipeline.Enqueue,
			Check: probe(a.pipeline.Rasteriser),
		}
	}
	ok = true
	return a, nil
}

// indexGroup returns the index stage's consumer group of the node whose
// data folder is data, making a new one if fresh (its index is new).
func indexGroup(data string, fresh bool) (string, error) {
	path := filepath.Join(data, "index-group")
	if b, err := os.ReadFile(path); err == nil && !fresh {
		if g := strings.TrimSpace(string(b)); g != "" {
			return g, nil
		}
	}
	var r [6]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", err
	}
	g := "index-" + hex.EncodeToString(r[:])
	return g, os.WriteFile(path, []byte(g+"\n"), 0o640)
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
	if a.queue != nil {
		a.queue.Close()
	}
	if a.index != nil {
		a.index.Close()
	}
	if a.registry != nil {
		a.registry.Close()
	}
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
	if a.registry == nil {
		return true // a worker: what it holds, it finishes before it stops
	}
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

// rasterConfig is the rasteriser's configuration, an image inside a PDF
// held to intake's limit for an image file.
func rasterConfig(cfg config) ocr.RasterConfig {
	r := cfg.Raster
	r.MaxImagePixels = cfg.Limits.MaxPixels
	return r
}
