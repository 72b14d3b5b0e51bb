package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanthu/vanthu/intake/importer"
)

// importCmd is `vanthu import FILE.jsonl|-`: records of the agency's
// earlier system, one JSON object a line, registered and indexed without
// OCR. Here (the server stopped), or with --server through a running one,
// so that intake goes on meanwhile.
func importCmd(ctx context.Context, args []string) error {
	fs := newFlagSet("import", "FILE.jsonl|-")
	var cfg config
	cfg.flags(fs)
	server := fs.String("server", "", "import through a running vanthu server at this URL (intake goes on meanwhile); its --import-root holds the records' files")
	token := fs.String("token", os.Getenv("VANTHU_TOKEN"), "with --server: a clerk's or archivist's API token (default $VANTHU_TOKEN)")
	compact := fs.Bool("compact", false, "then merge the search index's segments into one (vanthu compact): for a bulk import, searches answer sooner")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *compact && *server != "" {
		return errors.New("--compact works on the data folder here, not with --server")
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("one file of records, or - for standard input")
	}
	name := fs.Arg(0)
	in, total, err := openRecords(name)
	if err != nil {
		return err
	}
	defer in.Close()

	bar := newProgress(os.Stderr, "nhập", total)
	start := time.Now()
	var sum importer.Summary
	var refused []string
	report := func(res importer.Result) {
		sum.Lines++
		switch res.Outcome {
		case importer.Imported:
			sum.Imported++
		case importer.Unchanged:
			sum.Unchanged++
		default:
			sum.Refused++
			refused = append(refused, fmt.Sprintf("dòng %d%s: %s", res.Line, idNote(res.ID), res.Error))
		}
		if sum.Lines%500 == 0 || sum.Lines == total {
			bar.Set(sum.Lines, fmt.Sprintf("%.0f văn bản/giây", float64(sum.Lines)/time.Since(start).Seconds()))
		}
	}
	if *server != "" {
		if *token == "" {
			return errors.New("--server needs an API token: --token or $VANTHU_TOKEN")
		}
		err = importRemote(ctx, *server, *token, in, report)
	} else {
		if cfg.LogLevel == "info" {
			cfg.LogLevel = "warn"
		}
		err = importHere(ctx, cfg, name, in, report, *compact)
	}
	if sum.Lines != total { // standard input, or stopped short
		bar.Set(sum.Lines, fmt.Sprintf("%.0f văn bản/giây", float64(sum.Lines)/time.Since(start).Seconds()))
	}
	bar.Done()
	for _, l := range refused {
		fmt.Fprintln(os.Stderr, l)
	}
	fmt.Fprintf(os.Stderr, "%d dòng: %d văn bản mới, %d đã nhập trước đó, %d dòng lỗi; %s\n",
		sum.Lines, sum.Imported, sum.Unchanged, sum.Refused, time.Since(start).Round(time.Millisecond))
	if err != nil {
		return err
	}
	if sum.Refused > 0 {
		return fmt.Errorf("%d lines not imported (the others were)", sum.Refused)
	}
	return nil
}

func idNote(id string) string {
	if id == "" {
		return ""
	}
	return " (id " + id + ")"
}

// openRecords opens the records, counting the lines of a file for the
// progress bar (standard input: not counted).
func openRecords(name string) (io.ReadCloser, int, error) {
	if name == "-" {
		return io.NopCloser(os.Stdin), 0, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	n := 0
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 && (err == nil || err == io.EOF) {
			n++
		}
		if err == io.EOF {
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			f.Close()
			return nil, 0, err
		}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, n, nil
}

// importHere imports into the data folder, the server stopped. A record's
// file is read relative to the records file's folder.
func importHere(ctx context.Context, cfg config, name string, in io.Reader, report func(importer.Result), compact bool) error {
	c := oneMachine
	c.ForImport = true
	a, err := openApp(cfg, c)
	if err != nil {
		return err
	}
	defer a.Close()
	base := "."
	if name != "-" {
		base = filepath.Dir(name)
	}
	im := &importer.Importer{Registry: a.registry, Index: a.index, Receiver: a.receiver, Files: importer.Near(base), Parallel: 2,
		SecretIsolated: a.pipeline.SecretIsolated}
	if _, err = im.Run(ctx, in, report); err != nil || !compact {
		return err
	}
	return compactIndex(ctx, a.index)
}

// importRemote streams the records to a server's POST /api/v1/import and
// reads its results as they come.
func importRemote(ctx context.Context, server, token string, in io.Reader, report func(importer.Result)) error {
	req, err := http.NewRequestWithContext(ctx, "POST", strings.TrimRight(server, "/")+"/api/v1/import", in)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("import: %s: %s", resp.Status, bytes.TrimSpace(b))
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var line struct {
			importer.Result
			Fatal string `json:"fatal"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return fmt.Errorf("import: the server's answer: %v", err)
		}
		if line.Fatal != "" {
			return fmt.Errorf("import stopped on the server: %s", line.Fatal)
		}
		if line.Outcome != "" { // not the summary
			report(line.Result)
		}
	}
	return sc.Err()
}
