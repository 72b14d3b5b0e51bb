// Package durable holds what makes a change to files survive a crash.
package durable

import (
	"fmt"
	"os"
)

// SyncDir makes a folder's entries durable: a file created or renamed in
// it is there after a crash once SyncDir returns.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
