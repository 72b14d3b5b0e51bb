package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/vanthu/vanthu/index"
)

// compactCmd is `vanthu compact`: the search index's segments merged into
// one, the server stopped (after a bulk import: see index.Compact).
func compactCmd(ctx context.Context, args []string) error {
	fs := newFlagSet("compact", "")
	data := fs.String("data", "./var", "data folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ix, err := index.Open(filepath.Join(*data, "index"))
	if err != nil {
		if errors.Is(err, index.ErrInUse) {
			return fmt.Errorf("%w: stop it first", index.ErrInUse)
		}
		return err
	}
	defer ix.Close()
	return compactIndex(ctx, ix)
}

// compactIndex merges ix's segments into one, saying so on standard error.
func compactIndex(ctx context.Context, ix *index.Index) error {
	ix.Settle(10 * time.Second) // a merge or a persist in flight changes the count
	n := ix.Segments()
	if n <= 1 {
		fmt.Fprintf(os.Stderr, "chỉ mục đã gọn: %d phân đoạn\n", n)
		return nil
	}
	fmt.Fprintf(os.Stderr, "gộp %d phân đoạn chỉ mục làm một…\n", n)
	start := time.Now()
	if err := ix.Compact(ctx); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "đã gộp %d phân đoạn làm một trong %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}
