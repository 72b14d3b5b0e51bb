package index

import (
	"log/slog"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"
)

// preloadStep is how much of a segment file one call maps in: a step
// between two looks at whether the index is closing.
const preloadStep = 64 << 20

// preloader maps the index's segment files into the process's memory.
type preloader struct {
	stop     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup

	mu      sync.Mutex
	done    map[string]int64 // live segment files mapped in: their sizes
	advised map[string]bool  // live segment files the kernel is told are read at random
	total   int64            // bytes of the live segments
}

// mappedSegment is a segment kept in a file mapped into memory (a zap
// segment on disk; segments still in memory are not).
type mappedSegment interface {
	Data() []byte
	Path() string
}

// Preload maps the index's segment files into the process's memory in
// the background, as Elasticsearch's index.store.preload does, and maps
// in the segments that merges make, looking every interval, until Close.
// A search reads a term's postings straight from the mapped file: the
// first search that reads a page of it stops for the kernel to map the
// page in, and at a million documents a query of common syllables met a
// thousand such stops, half its time on a virtual machine. Preloaded, it
// meets none. The pages are the kernel's file cache, counted in the
// process's resident set, and the kernel takes them back when memory
// runs short: nothing is locked. If the segments come to more than limit
// bytes (0: no limit), nothing is mapped in and log says why; with a
// negative limit, nothing is.
//
// Whatever the limit, Preload then tells the kernel that the files are
// read at random (MADV_RANDOM): a page that is not in memory is read
// alone, not with the pages around it. A search reads a few pages here
// and there: a posting list, a document's stored fields. Without the
// advice the kernel reads around each page as for a file read in order
// (8 MB on the machine of MEASUREMENTS.md, 128 kB on many), and when the
// index does not fit in memory those pages push out the ones searches
// need. With it, at a million documents in a memory cgroup of 2 GB,
// searches took from their second run within twice the time they take
// with the whole index in memory, and before three to seven times.
// Bleve's merges read their segments in order (zapx advises them so while
// it merges them: third_party/zapx/PATCH.md).
//
// Preload is called once; a second call does nothing.
func (ix *Index) Preload(limit int64, interval time.Duration, log *slog.Logger) {
	if ix.preload != nil {
		return
	}
	p := &preloader{stop: make(chan struct{}), done: map[string]int64{}, advised: map[string]bool{}}
	ix.preload = p
	p.wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		refused := false
		for {
			start := time.Now()
			n, total, err := ix.preloadOnce(limit)
			switch {
			case err != nil:
				log.Warn("index: preloading the segment files", "err", err)
			case limit > 0 && total > limit:
				if !refused {
					log.Info("index: not preloaded: its segment files are larger than the limit", "bytes", total, "limit", limit)
				}
				refused = true
			case n > 0:
				refused = false
				log.Info("index: segment files preloaded", "bytes", n, "of", total, "took", time.Since(start).Round(time.Millisecond))
			}
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	})
}

// Preloaded returns how many bytes of the index's live segment files
// Preload has mapped in, and their total size.
func (ix *Index) Preloaded() (mapped, total int64) {
	p := ix.preload
	if p == nil {
		return 0, 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, size := range p.done {
		mapped += size
	}
	return mapped, p.total
}

// preloadOnce maps in the live segments not mapped in yet, if they fit
// the limit, and advises those not advised yet, holding a reader so that
// none is closed meanwhile. It returns the bytes it mapped and the size
// of every live segment.
func (ix *Index) preloadOnce(limit int64) (n, total int64, err error) {
	p := ix.preload
	sc, ok := ix.scorch()
	if !ok {
		return 0, 0, nil
	}
	r, err := sc.Reader()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, 0, nil
	}
	live := map[string]bool{}
	var todo, unadvised []mappedSegment
	p.mu.Lock()
	for _, ss := range snap.Segments() {
		m, ok := ss.Segment().(mappedSegment)
		if !ok {
			continue
		}
		live[m.Path()] = true
		total += int64(len(m.Data()))
		if _, done := p.done[m.Path()]; !done {
			todo = append(todo, m)
		}
		if !p.advised[m.Path()] {
			unadvised = append(unadvised, m)
		}
	}
	for path := range p.advised {
		if !live[path] { // merged away
			delete(p.done, path)
			delete(p.advised, path)
		}
	}
	p.mu.Unlock()
	if limit == 0 || limit > 0 && total <= limit {
		// Mapped in before the advice, which would have the kernel read
		// them a page at a time.
		if n, err = ix.mapIn(r, todo); err != nil {
			return n, total, err
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range unadvised {
		if err := random(m.Data()); err != nil {
			return n, total, err
		}
		p.advised[m.Path()] = true
	}
	p.total = total // the look is done
	return n, total, nil
}

// mapIn maps the segments into the process, and warms the caches the
// first searches of them would fill. It returns the bytes it mapped, and
// stops short when the preloader stops.
func (ix *Index) mapIn(r bindex.IndexReader, segs []mappedSegment) (n int64, err error) {
	p := ix.preload
	if len(segs) == 0 {
		return 0, nil
	}
	for _, m := range segs {
		data := m.Data()
		for off := 0; off < len(data); off += preloadStep {
			select {
			case <-p.stop:
				return n, nil
			default:
			}
			if err := populate(data[off:min(off+preloadStep, len(data))]); err != nil {
				return n, err
			}
		}
		n += int64(len(data))
	}
	if s, ok := ix.Sets(r); ok {
		if err := s.warm(); err != nil {
			return n, err
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range segs {
		p.done[m.Path()] = int64(len(m.Data()))
	}
	return n, nil
}

// stopPreload stops Preload and waits for it.
func (ix *Index) stopPreload() {
	if p := ix.preload; p != nil {
		p.stopOnce.Do(func() { close(p.stop) })
		p.wg.Wait()
	}
}

// sink keeps touch's reads from being optimised away.
var sink byte

// touch reads one byte of each page of b.
func touch(b []byte) {
	var x byte
	for i := 0; i < len(b); i += 4096 {
		x += b[i]
	}
	sink = x
}
