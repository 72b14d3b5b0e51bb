//go:build !linux

package index

// populate maps the pages of b, a part of a file mapped into memory,
// into the process by reading each.
func populate(b []byte) error {
	touch(b)
	return nil
}

// random does nothing: the kernel reads as it will.
func random([]byte) error { return nil }
