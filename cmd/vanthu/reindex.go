package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/registry"
)

// reindex rebuilds a node's search index: from the documents log with
// --brokers, else from the registry. The new index is built beside the old
// one, which stays in place until the new one is complete.
func reindex(ctx context.Context, args []string) error {
	fs := newFlagSet("reindex", "")
	var cfg config
	cfg.flags(fs)
	var cl cluster
	cl.flags(fs, []string{"index"}, "index")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger(cfg.LogLevel, cfg.LogJSON)
	blobs, err := blob.Open(filepath.Join(cmp.Or(cl.Shared, cfg.Data), "blobs"))
	if err != nil {
		return err
	}
	reg, err := registry.Open(filepath.Join(cfg.Data, "registry.db"))
	if err != nil {
		return fmt.Errorf("open the registry (is a server running on %s? stop it first): %w", cfg.Data, err)
	}
	defer reg.Close()
	dir := filepath.Join(cfg.Data, "index")
	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	ix, err := index.Open(tmp)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			ix.Close()
		}
	}()
	p := &pipeline.Pipeline{Blobs: blobs, Registry: reg, Index: ix, Log: log, Attempts: 3}

	if cl.Brokers != "" {
		q, err := openKafka(cl, log)
		if err != nil {
			return err
		}
		defer q.Close()
		p.Queue = q
		n := 0
		bar := newProgress(os.Stderr, "đọc nhật ký", 0)
		err = p.Rebuild(ctx, q, func() { n++; bar.Set(n, "") })
		bar.Done()
		if err != nil {
			return err
		}
	} else {
		// Streamed in batches: the registry may not fit in memory.
		bar := newProgress(os.Stderr, "lập chỉ mục", 0)
		var batch []vanthu.Document
		n := 0
		flush := func() error {
			err := ix.PutBatch(batch)
			n += len(batch)
			batch = batch[:0]
			bar.Set(n, "")
			return err
		}
		var putErr error
		err := reg.Walk(func(d vanthu.Document) bool {
			if d.Status == vanthu.Indexed {
				if batch = append(batch, d); len(batch) == 200 {
					putErr = flush()
				}
			}
			return putErr == nil && ctx.Err() == nil
		})
		if err == nil && putErr == nil {
			putErr = flush()
		}
		if err = cmp.Or(err, putErr, ctx.Err()); err != nil {
			return err
		}
		bar.Done()
	}
	n, err := ix.Count()
	if err != nil {
		return err
	}
	closed = true
	if err := ix.Close(); err != nil {
		return err
	}
	old := dir + ".old"
	os.RemoveAll(old)
	if err := os.Rename(dir, old); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	os.RemoveAll(old)
	fmt.Fprintf(os.Stderr, "chỉ mục mới: %d văn bản (new index: %d documents)\n", n, n)
	return nil
}
