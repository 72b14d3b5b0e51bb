package index

import (
	"errors"

	"golang.org/x/sys/unix"
)

// populate maps the pages of b, a part of a file mapped into memory,
// into the process: MADV_POPULATE_READ (Linux 5.14), or, on an older
// kernel, a read of each page.
func populate(b []byte) error {
	err := unix.Madvise(b, unix.MADV_POPULATE_READ)
	if errors.Is(err, unix.EINVAL) {
		touch(b)
		return nil
	}
	return err
}

// random tells the kernel that b, a file mapped into memory, is read a
// few pages here and there: a read of one page brings in that page, not
// the pages around it.
func random(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	return unix.Madvise(b, unix.MADV_RANDOM)
}
