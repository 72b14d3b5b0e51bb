package intake

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
)

// DropFolder watches a folder (and its sub-folders) for scans.
//
// A file is taken only once it is complete: either its size and
// modification time have not changed for Settle, or it was written under a
// temporary name (ending in .part, .tmp, .crdownload, or starting with a
// dot) and renamed when complete — files with such names are never taken.
// A taken file leaves the inbox only after its archive copy and record are
// synced (accepted or duplicate), or after a copy of it is in quarantine
// (refused). A file that could not be decided (a transient error) stays and
// is tried again.
type DropFolder struct {
	Dir      string
	Receiver *Receiver
	Events   *Events
	Log      *slog.Logger
	Interval time.Duration // between scans
	Settle   time.Duration // how long a file must be unchanged

	seen map[string]fileState
}

type fileState struct {
	size    int64
	modTime time.Time
	since   time.Time // when this state was first seen
}

// Run scans the folder every Interval until ctx is done.
func (d *DropFolder) Run(ctx context.Context) error {
	if err := os.MkdirAll(d.Dir, 0o750); err != nil {
		return vanthu.E("intake: drop folder", vanthu.Transient, err)
	}
	if d.seen == nil {
		d.seen = make(map[string]fileState)
	}
	t := time.NewTicker(d.Interval)
	defer t.Stop()
	for {
		d.Scan(ctx, time.Now())
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Scan takes every complete file once.
func (d *DropFolder) Scan(ctx context.Context, now time.Time) {
	if d.seen == nil {
		d.seen = make(map[string]fileState)
	}
	present := make(map[string]bool)
	filepath.WalkDir(d.Dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || ctx.Err() != nil {
			return nil
		}
		if e.IsDir() {
			if path != d.Dir && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() || temporaryName(e.Name()) {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return nil
		}
		present[path] = true
		st, ok := d.seen[path]
		if !ok || st.size != info.Size() || !st.modTime.Equal(info.ModTime()) {
			d.seen[path] = fileState{info.Size(), info.ModTime(), now}
			return nil
		}
		if now.Sub(st.since) < d.Settle || now.Sub(info.ModTime()) < d.Settle {
			return nil
		}
		d.take(ctx, path)
		return nil
	})
	for p := range d.seen {
		if !present[p] {
			delete(d.seen, p)
		}
	}
}

func (d *DropFolder) take(ctx context.Context, path string) {
	rel, _ := filepath.Rel(d.Dir, path)
	f, err := os.Open(path)
	if err != nil {
		return
	}
	rc, err := d.Receiver.Receive(ctx, filepath.Base(path), "", f)
	f.Close()
	ev := d.Events.Record("folder", filepath.Base(path), rc, err)
	if err != nil && vanthu.KindOf(err) != vanthu.Invalid {
		d.log().Warn("drop folder: will retry", "file", rel, "err", err)
		return
	}
	// Accepted (synced) or refused (copied to quarantine): leave the inbox.
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		d.log().Error("drop folder: cannot remove taken file", "file", rel, "err", err)
	}
	delete(d.seen, path)
	d.log().Info("drop folder", "file", rel, "outcome", ev.Outcome, "id", ev.ID.Short(), "reason", ev.Message)
}

func (d *DropFolder) log() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.Default()
}

// temporaryName reports whether a file name marks a file still being written.
func temporaryName(name string) bool {
	l := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~") ||
		strings.HasSuffix(l, ".part") || strings.HasSuffix(l, ".tmp") ||
		strings.HasSuffix(l, ".crdownload") || strings.HasSuffix(l, ".partial")
}
