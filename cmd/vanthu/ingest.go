package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake"
)

// ingest receives files and folders. Locally it runs the pipeline until
// every accepted file is indexed or failed; with --server it uploads them
// to a running server.
func ingest(ctx context.Context, args []string) error {
	fs := newFlagSet("ingest", "FILE|DIR...")
	var cfg config
	cfg.flags(fs)
	server := fs.String("server", "", "upload to a running vanthu server at this URL (e.g. http://127.0.0.1:8080) instead of processing here")
	token := fs.String("token", os.Getenv("VANTHU_TOKEN"), "with --server: a clerk's API token (vanthu token create; default $VANTHU_TOKEN)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return errors.New("no files")
	}
	if *server != "" {
		if *token == "" {
			return errors.New("--server needs a clerk's API token: --token or $VANTHU_TOKEN (vanthu token create NAME)")
		}
		return upload(ctx, *server, *token, files)
	}
	if cfg.LogLevel == "info" {
		cfg.LogLevel = "warn" // the progress bar tells the story
	}
	a, err := openApp(cfg, oneMachine)
	if err != nil {
		return err
	}
	defer a.Close()
	pctx, pcancel := context.WithCancel(ctx)
	pdone, err := a.runPipeline(pctx)
	if err != nil {
		pcancel()
		return err
	}
	defer func() { pcancel(); <-pdone }()

	bar := newProgress(os.Stderr, "tiếp nhận", len(files))
	var accepted []vanthu.Ref
	var lines []string
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		rc, err := receiveFile(ctx, a.receiver, f)
		ev := a.events.Record("cli", f, rc, err)
		switch ev.Outcome {
		case "accepted":
			accepted = append(accepted, rc.Document.ID)
		case "duplicate":
			lines = append(lines, fmt.Sprintf("trùng   %s: %s", f, ev.MessageVI))
			if !rc.Document.Status.Done() {
				accepted = append(accepted, rc.Document.ID)
			}
		default:
			lines = append(lines, fmt.Sprintf("từ chối %s: %s (%s)", f, ev.MessageVI, ev.Message))
		}
		bar.Set(len(accepted)+len(lines), "")
	}
	bar.Done()

	bar = newProgress(os.Stderr, "xử lý", len(accepted))
	var failed []string
	for ctx.Err() == nil {
		done, pages := 0, 0
		failed = failed[:0]
		for _, id := range accepted {
			d, err := a.registry.Get(id)
			if err != nil {
				continue
			}
			for _, p := range d.Pages {
				if p.Done {
					pages++
				}
			}
			if d.Status.Done() {
				done++
			}
			if d.Status == vanthu.Failed {
				failed = append(failed, fmt.Sprintf("lỗi    %s: %s", d.FileName, d.Error))
			}
		}
		bar.Set(done, fmt.Sprintf("%d trang", pages))
		if done == len(accepted) {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(250 * time.Millisecond):
		}
	}
	bar.Done()
	for _, l := range append(lines, failed...) {
		fmt.Fprintln(os.Stderr, l)
	}
	fmt.Fprintf(os.Stderr, "%d tệp: %d đã lập chỉ mục, %d lỗi, %d trùng hoặc bị từ chối\n",
		len(files), len(accepted)-len(failed), len(failed), len(lines))
	if ctx.Err() != nil {
		return errors.New("interrupted: unfinished documents resume at the next start")
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d documents failed", len(failed))
	}
	return nil
}

func receiveFile(ctx context.Context, r *intake.Receiver, path string) (intake.Receipt, error) {
	f, err := os.Open(path)
	if err != nil {
		return intake.Receipt{}, vanthu.E("open", vanthu.Invalid, err)
	}
	defer f.Close()
	return r.Receive(ctx, filepath.Base(path), "", f)
}

// expand lists the files named, walking folders.
func expand(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// upload sends files to a running server.
func upload(ctx context.Context, server, token string, files []string) error {
	bar := newProgress(os.Stderr, "tải lên", len(files))
	var problems []string
	for i, f := range files {
		resp, err := postFile(ctx, strings.TrimRight(server, "/")+"/api/v1/documents", token, f)
		if err != nil {
			return err
		}
		if resp.status == http.StatusUnauthorized || resp.status == http.StatusForbidden {
			return fmt.Errorf("the server refused the token: %s", resp.message)
		}
		if resp.status != http.StatusAccepted {
			problems = append(problems, fmt.Sprintf("%s: %s", f, resp.message))
		} else if resp.duplicate {
			problems = append(problems, fmt.Sprintf("%s: trùng với văn bản đã có %s", f, resp.id))
		}
		bar.Set(i+1, "")
	}
	bar.Done()
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, p)
	}
	return nil
}

type uploadResp struct {
	status    int
	id        string
	duplicate bool
	message   string
}

func postFile(ctx context.Context, url, token, path string) (uploadResp, error) {
	f, err := os.Open(path)
	if err != nil {
		return uploadResp{}, err
	}
	defer f.Close()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", filepath.Base(path))
		if err == nil {
			_, err = io.Copy(part, f)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, pr)
	if err != nil {
		return uploadResp{}, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return uploadResp{}, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var v struct {
		ID        string `json:"id"`
		Duplicate bool   `json:"duplicate"`
		Error     struct {
			Message   string `json:"message"`
			MessageVI string `json:"message_vi"`
		} `json:"error"`
	}
	json.NewDecoder(bytes.NewReader(body)).Decode(&v)
	msg := v.Error.MessageVI
	if v.Error.Message != "" {
		msg += " (" + v.Error.Message + ")"
	}
	return uploadResp{resp.StatusCode, v.ID, v.Duplicate, msg}, nil
}
