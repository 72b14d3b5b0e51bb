// Command vanthu is the one binary of Vanthu, the records-office system for
// scanned Vietnamese administrative documents.
//
//	vanthu serve    run the service: drop folder, HTTP API, pipeline
//	vanthu worker   run pipeline stages for a Kafka deployment
//	vanthu reindex  rebuild the search index (from the documents log with --brokers)
//	vanthu ingest   receive files or folders and process them (progress bar)
//	vanthu process  rasterise, OCR and extract files; print JSON, keep nothing
//	vanthu search   search the index from the command line
//	vanthu import   take records of an earlier system without OCR
//	vanthu compact  merge the search index's segments into one
//	vanthu user     add, list, disable users (server stopped)
//	vanthu token    create an API token (server stopped)
//	vanthu audit    verify the audit log
//	vanthu version  print the version
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/vanthu/vanthu/ocr"
)

var version = "dev"

func main() {
	// The rasteriser runs as a child process of this same binary.
	ocr.MaybeRasterChild()
	// OpenMP reads OMP_THREAD_LIMIT once, at load: re-exec if it is missing.
	if err := ocr.EnsureSingleThreadOMP(); err != nil {
		fmt.Fprintln(os.Stderr, "vanthu:", err)
		os.Exit(1)
	}
	if len(os.Args) < 2 {
		usage(os.Stderr)
		os.Exit(2)
	}
	cmds := map[string]func(context.Context, []string) error{
		"serve": serve, "worker": worker, "reindex": reindex, "ingest": ingest, "process": process, "search": searchCmd, "version": versionCmd,
		"user": userCmd, "token": tokenCmd, "audit": auditCmd, "import": importCmd, "compact": compactCmd,
	}
	cmd, ok := cmds[os.Args[1]]
	if !ok {
		if h := os.Args[1]; h == "-h" || h == "--help" || h == "help" {
			usage(os.Stdout)
			return
		}
		fmt.Fprintf(os.Stderr, "vanthu: unknown command %q\n\n", os.Args[1])
		usage(os.Stderr)
		os.Exit(2)
	}
	ctx, stop := signalContext()
	defer stop()
	if err := cmd(ctx, os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "vanthu:", err)
		os.Exit(1)
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage: vanthu COMMAND [flags]

Commands:
  serve     run the service: drop folder, HTTP API and pipeline
  worker    run pipeline stages (raster, ocr, extract) for a Kafka deployment
  reindex   rebuild the search index: from the documents log with --brokers,
            else from the registry
  ingest    receive files or folders and process them, with a progress bar
  import    take records of an earlier system (JSON lines) without OCR
  compact   merge the search index's segments into one (server stopped)
  process   rasterise, OCR and extract files; print JSON; keep nothing
  search    search the index from the command line
  user      add, list, disable or enable users (while the server is stopped)
  token     create an API token for a user (while the server is stopped)
  audit     verify the audit log: every entry in place and unchanged
  version   print the version

Run 'vanthu COMMAND -h' for a command's flags.
`)
}

// signalContext is cancelled by the first SIGINT or SIGTERM; a second one
// exits at once.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-ch
		slog.Info("shutting down; send the signal again to exit at once")
		cancel()
		<-ch
		os.Exit(130)
	}()
	return ctx, func() { signal.Stop(ch); cancel() }
}

func versionCmd(ctx context.Context, args []string) error {
	fmt.Printf("vanthu %s\nOMP_THREAD_LIMIT=%s\n", version, os.Getenv("OMP_THREAD_LIMIT"))
	return nil
}

// newLogger returns a slog logger at the named level.
func newLogger(level string, json bool) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: l}
	if json {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

func newFlagSet(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: vanthu %s [flags] %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

func trimErr(err error) string { return strings.TrimPrefix(err.Error(), "vanthu: ") }
