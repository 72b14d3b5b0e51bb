package index

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/vanthu/vanthu"
)

// Segments returns how many segments the index's current snapshot has
// (0 for an index that is not scorch's).
func (ix *Index) Segments() int {
	sc, ok := ix.scorch()
	if !ok {
		return 0
	}
	m := sc.StatsMap()
	n, _ := m["num_root_filesegments"].(uint64)
	mem, _ := m["num_root_memorysegments"].(uint64)
	return int(n + mem)
}

// Compact merges the index's segments into one. Bleve's own merging
// leaves a large index in many segments of a few hundred megabytes to a
// few gigabytes (17 at a million documents), and a search looks up each
// of its terms in every one: after a bulk import, one segment answers
// sooner. It writes the whole index once more beside the old segments,
// which are removed when it is done, so it refuses to start without that
// much free space. Searches go on meanwhile; it returns when the merged
// segment is in place.
func (ix *Index) Compact(ctx context.Context) error {
	sc, ok := ix.scorch()
	if !ok {
		return nil
	}
	ix.Settle(settleMax)
	if ix.Segments() <= 1 {
		return nil
	}
	if err := ix.roomToCompact(); err != nil {
		return err
	}
	opts := mergeplan.SingleSegmentMergePlanOptions
	// Bleve merges at most SegmentsPerMergeTask segments into one at a
	// time (10 by default), and a merge in steps writes most of the index
	// twice: all of them at once write it once (18 segments of 200,000
	// documents in 32.5 s against 60). A step asks again until one is
	// left, and Bleve's own merging and persisting have caught up with it.
	for ix.Segments() > 1 || ix.Settle(settleMax) && ix.Segments() > 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
		before := ix.Segments()
		opts.SegmentsPerMergeTask = max(before, 2)
		if err := sc.ForceMerge(ctx, &opts); err != nil {
			return vanthu.E("index: compact", vanthu.Transient, err)
		}
		if ix.Segments() >= before {
			// The persister has not yet swapped the merged segment in.
			time.Sleep(100 * time.Millisecond)
		}
	}
	// Bleve removes the merged segments' files once the new snapshot is
	// kept and no reader holds the old: wait a while for that, so that
	// the disk is free when Compact returns (else a later snapshot
	// removes them).
	for range 300 {
		if zaps, _ := filepath.Glob(filepath.Join(ix.dir, "store", "*.zap")); len(zaps) <= 1 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}

// settleMax is how long Compact waits for Bleve's background merging and
// persisting to catch up before it counts the segments.
const settleMax = 10 * time.Second

// Settle waits, at most max, until Bleve's background merging and
// persisting have caught up with the index in memory, and reports whether
// they have. A count of segments taken meanwhile may be one that a merge
// or a persist in flight is about to change, and Bleve's Close does not
// wait for them. (`vanthu compact` once found two segments right after
// `vanthu import --compact` had left one, in CI, not reproduced since.)
func (ix *Index) Settle(max time.Duration) bool {
	sc, ok := ix.scorch()
	if !ok {
		return true
	}
	for deadline := time.Now().Add(max); ; time.Sleep(20 * time.Millisecond) {
		if settled(sc.StatsMap()) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// settled reads Bleve's statistics: whether its merger and persister have
// caught up with the index's root. Bleve's own index_bgthreads_active
// compares them with the root's epoch, which an index opened from disk
// reports as 0 until it next changes, while the merger and persister
// report the epoch they loaded: it stays active, and Settle waited out
// its limit on every index just opened.
func settled(stats map[string]any) bool {
	root, _ := stats["CurRootEpoch"].(uint64)
	merged, _ := stats["LastMergedEpoch"].(uint64)
	persisted, _ := stats["LastPersistedEpoch"].(uint64)
	return merged == persisted && (root == merged || root == 0)
}

// roomToCompact checks that the index's file system has as much free
// space as the index takes.
func (ix *Index) roomToCompact() error {
	dir := ix.dir
	var size int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return vanthu.E("index: compact", vanthu.Transient, err)
	}
	if free := int64(st.Bavail) * int64(st.Bsize); free < size {
		return vanthu.E("index: compact", vanthu.Other,
			fmt.Errorf("%s free on the disk of %s, and merging writes the index again: it needs %s", gigabytes(free), dir, gigabytes(size)))
	}
	return nil
}

func gigabytes(n int64) string { return fmt.Sprintf("%.1f GB", float64(n)/(1<<30)) }

func (ix *Index) scorch() (*scorch.Scorch, bool) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, false
	}
	sc, ok := adv.(*scorch.Scorch)
	return sc, ok
}
