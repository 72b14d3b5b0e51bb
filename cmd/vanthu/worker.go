package main

import (
	"cmp"
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/vanthu/vanthu/search/web"
)

// worker runs pipeline stages (raster, ocr, extract) as members of Kafka
// consumer groups: start as many as the load needs, on as many machines,
// all sharing the --shared folder.
func worker(ctx context.Context, args []string) error {
	fs := newFlagSet("worker", "")
	var cfg config
	cfg.flags(fs)
	var cl cluster
	stages := cl.flags(fs, workerStages, strings.Join(workerStages, ","))
	addr := fs.String("addr", "", "serve /metrics and /healthz at this address (e.g. 127.0.0.1:9101); empty: none")
	metricsToken := fs.String("metrics-token", os.Getenv("VANTHU_METRICS_TOKEN"), "bearer token a scraper sends for /metrics (default $VANTHU_METRICS_TOKEN; empty: /metrics refused)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cl.Brokers == "" {
		return errors.New("worker: --brokers is required (on one machine, serve runs every stage itself)")
	}
	if err := cl.parseStages(*stages, workerStages); err != nil {
		return err
	}
	a, err := openApp(cfg, cl)
	if err != nil {
		return err
	}
	defer a.Close()
	if *addr != "" {
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		a.log.Info("listening", "addr", ln.Addr().String())
		// No documents and no users here: /healthz, and /metrics for a
		// scraper with the token.
		srv := &http.Server{Handler: web.NodeHandler(&a.pipeline.Metrics, *metricsToken), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
	}
	a.log.Info("worker started", "stages", strings.Join(cl.Stages, ","), "brokers", cl.Brokers, "shared", cmp.Or(cl.Shared, cfg.Data))
	err = a.pipeline.Run(ctx)
	if errors.Is(err, context.Canceled) {
		a.log.Info("stopped")
		return nil
	}
	return err
}
