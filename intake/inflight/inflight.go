// Package inflight keeps the records of documents in flight between the
// pipeline's stages as files in a folder every node shares, so that stage
// workers on several machines see one state for each document: which pages
// are rendered and read, and whether it has been extracted.
//
// It is the stage state of the Kafka mode; on one machine the registry
// plays this part. Each record is a JSON file replaced atomically (written,
// synced, renamed); changes to one record are serialised by an exclusive
// flock(2) on its lock file, which local file systems and NFSv4 honour.
package inflight

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/vanthu/vanthu"
)

// Store is a folder of in-flight records. It is safe for concurrent use by
// goroutines and processes.
type Store struct {
	dir string
}

// Open opens (creating if needed) the store in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, vanthu.E("inflight: open", vanthu.Transient, err)
	}
	return &Store{dir: dir}, nil
}

func (s *Store) path(id vanthu.Ref) (string, error) {
	if _, err := vanthu.ParseRef(string(id)); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, string(id[:2]), string(id)+".json"), nil
}

// Get returns the record of id, or a NotExist error.
func (s *Store) Get(id vanthu.Ref) (vanthu.Document, error) {
	p, err := s.path(id)
	if err != nil {
		return vanthu.Document{}, err
	}
	return read(p, id)
}

func read(p string, id vanthu.Ref) (vanthu.Document, error) {
	var d vanthu.Document
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return d, vanthu.Errorf("inflight: get", vanthu.NotExist, "no document %s in flight", id.Short())
	}
	if err != nil {
		return d, vanthu.E("inflight: get", vanthu.Transient, err)
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return d, vanthu.E("inflight: get "+id.Short(), vanthu.Invalid, err)
	}
	return d, nil
}

// Update applies fn to the record of id while holding its lock. If fn
// returns an error, nothing changes and Update returns that error.
func (s *Store) Update(id vanthu.Ref, fn func(*vanthu.Document) error) (vanthu.Document, error) {
	var d vanthu.Document
	err := s.locked(id, func(p string) error {
		var err error
		if d, err = read(p, id); err != nil {
			return err
		}
		if err := fn(&d); err != nil {
			return err
		}
		d.UpdatedAt = time.Now().UTC()
		return write(p, d)
	})
	return d, err
}

// Ensure records d unless a record of d.ID exists already.
func (s *Store) Ensure(d vanthu.Document) error {
	return s.locked(d.ID, func(p string) error {
		if _, err := os.Stat(p); err == nil {
			return nil
		}
		return write(p, d)
	})
}

func (s *Store) locked(id vanthu.Ref, fn func(path string) error) error {
	p, err := s.path(id)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return vanthu.E("inflight", vanthu.Transient, err)
	}
	f, err := os.OpenFile(p+".lock", os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return vanthu.E("inflight: lock", vanthu.Transient, err)
	}
	defer f.Close() // closing releases the lock
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return vanthu.E("inflight: lock", vanthu.Transient, err)
	}
	return fn(p)
}

// write replaces the file at p with d, atomically and durably.
func write(p string, d vanthu.Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return vanthu.E("inflight: write", vanthu.Invalid, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return vanthu.E("inflight: write", vanthu.Transient, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		return vanthu.E("inflight: write", vanthu.Transient, fmt.Errorf("%s: %w", filepath.Base(p), err))
	}
	return nil
}
