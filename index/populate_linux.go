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
