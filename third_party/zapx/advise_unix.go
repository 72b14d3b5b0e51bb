//go:build unix

package zap

import "golang.org/x/sys/unix"

// readInOrder tells the kernel that a merge reads the files of segs in
// order, so that it reads ahead of the merge, and returns the func that
// tells it they are read at random again, as Vanthu's searches read them
// (Vanthu's index advises every segment file so).
func readInOrder(segs []*Segment) (again func()) {
	for _, s := range segs {
		if len(s.mm) > 0 {
			_ = unix.Madvise(s.mm, unix.MADV_SEQUENTIAL)
		}
	}
	return func() {
		for _, s := range segs {
			if len(s.mm) > 0 {
				_ = unix.Madvise(s.mm, unix.MADV_RANDOM)
			}
		}
	}
}

var pageSize = unix.Getpagesize()

// willNeed tells the kernel that b, pages of a file mapped into memory,
// will be read soon: it starts reading those not in memory, and returns.
func willNeed(b []byte) {
	if len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_WILLNEED)
	}
}
