// Package blob is Vanthu's content-addressed store: archive copies of
// received files and rasterised page images, each stored once under the
// sha256 of its bytes and never changed.
//
// A blob is written to a temporary file, synced, renamed into place and its
// directory synced, so that once Put returns the blob survives a crash.
// Several processes may share one store: they only ever create complete
// files by rename.
package blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/durable"
)

// Store is a blob store on a local (or shared) file system.
type Store struct {
	dir string
	// Scratch stores skip syncing: for work that keeps nothing (vanthu
	// process), where durability buys nothing and costs a disk flush a
	// page. Never set it on the archive.
	Scratch bool
}

// Open opens the store rooted at dir, creating it if needed.
func Open(dir string) (*Store, error) {
	for _, d := range []string{dir, filepath.Join(dir, "tmp")} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			return nil, vanthu.E("blob: open", vanthu.Transient, err)
		}
	}
	return &Store{dir: dir}, nil
}

// Path is where the blob ref lives (whether or not it exists). Callers may
// read the file but never write it.
func (s *Store) Path(ref vanthu.Ref) string {
	return filepath.Join(s.dir, string(ref[:2]), string(ref[2:4]), string(ref))
}

// Put stores what r yields and returns its ref and size. If max > 0 and r
// yields more than max bytes, Put fails with an Invalid error and stores
// nothing.
func (s *Store) Put(ctx context.Context, r io.Reader, max int64) (vanthu.Ref, int64, error) {
	st, err := s.Stage(ctx, r, max)
	if err != nil {
		return "", 0, err
	}
	defer st.Discard()
	if err := st.Commit(); err != nil {
		return "", 0, err
	}
	return st.Ref, st.Size, nil
}

// Staged is a file written and synced to the store's temporary folder, its
// ref known, not yet in the store: the caller inspects it, then commits it
// or moves it elsewhere. Discard removes whatever is left.
type Staged struct {
	Ref  vanthu.Ref
	Size int64
	path string
	s    *Store
}

// Stage writes what r yields to a synced temporary file. If max > 0 and r
// yields more than max bytes, Stage fails with an Invalid error.
func (s *Store) Stage(ctx context.Context, r io.Reader, max int64) (*Staged, error) {
	tmp, err := os.CreateTemp(filepath.Join(s.dir, "tmp"), "put-*")
	if err != nil {
		return nil, vanthu.E("blob: stage", vanthu.Transient, err)
	}
	ok := false
	defer func() {
		tmp.Close()
		if !ok {
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	src := r
	if max > 0 {
		src = io.LimitReader(r, max+1)
	}
	n, err := io.Copy(io.MultiWriter(tmp, h), ctxReader{ctx, src})
	if err != nil {
		return nil, vanthu.E("blob: stage", vanthu.Transient, err)
	}
	if max > 0 && n > max {
		return nil, vanthu.Errorf("blob: stage", vanthu.Invalid, "larger than %d bytes", max)
	}
	if !s.Scratch {
		if err := tmp.Sync(); err != nil {
			return nil, vanthu.E("blob: stage", vanthu.Transient, err)
		}
	}
	ok = true
	return &Staged{Ref: vanthu.Ref(hex.EncodeToString(h.Sum(nil))), Size: n, path: tmp.Name(), s: s}, nil
}

// Path is where the staged bytes are until they are committed or moved.
func (st *Staged) Path() string { return st.path }

// Open opens the staged bytes for reading.
func (st *Staged) Open() (*os.File, error) { return os.Open(st.path) }

// Commit moves the staged file into the store.
func (st *Staged) Commit() error {
	if err := st.s.place(st.path, st.Ref); err != nil {
		return err
	}
	st.path = ""
	return nil
}

// MoveTo moves the staged file to path (outside the store), synced.
func (st *Staged) MoveTo(path string) error {
	if err := os.Rename(st.path, path); err != nil {
		return vanthu.E("blob: move", vanthu.Transient, err)
	}
	st.path = ""
	return durable.SyncDir(filepath.Dir(path))
}

// Discard removes the staged file if it was neither committed nor moved.
func (st *Staged) Discard() {
	if st.path != "" {
		os.Remove(st.path)
		st.path = ""
	}
}

// PutBytes stores b.
func (s *Store) PutBytes(ctx context.Context, b []byte) (vanthu.Ref, error) {
	ref := vanthu.RefOf(b)
	if ok, _ := s.Has(ref); ok {
		return ref, nil
	}
	got, _, err := s.Put(ctx, bytes.NewReader(b), 0)
	return got, err
}

// place renames the synced temporary file into the blob's path and syncs the
// directories it touched. An existing blob is left as it is: it holds the
// same bytes.
func (s *Store) place(tmp string, ref vanthu.Ref) error {
	dst := s.Path(ref)
	if _, err := os.Stat(dst); err == nil {
		os.Remove(tmp) // the same bytes are there already
		return nil
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return vanthu.E("blob: put", vanthu.Transient, err)
	}
	if err := os.Chmod(tmp, 0o440); err != nil {
		return vanthu.E("blob: put", vanthu.Transient, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return vanthu.E("blob: put", vanthu.Transient, err)
	}
	if s.Scratch {
		return nil
	}
	for _, d := range []string{dir, filepath.Dir(dir), s.dir} {
		if err := durable.SyncDir(d); err != nil {
			return vanthu.E("blob: put", vanthu.Transient, err)
		}
	}
	return nil
}

// Open opens the blob for reading. A missing blob is a NotExist error.
func (s *Store) Open(ref vanthu.Ref) (*os.File, error) {
	if _, err := vanthu.ParseRef(string(ref)); err != nil {
		return nil, err
	}
	f, err := os.Open(s.Path(ref))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, vanthu.Errorf("blob: open", vanthu.NotExist, "no blob %s", ref.Short())
	}
	if err != nil {
		return nil, vanthu.E("blob: open", vanthu.Transient, err)
	}
	return f, nil
}

// Remove deletes a blob (a page image or a record a state-secret
// document must not leave behind). A blob that is not there is no error.
func (s *Store) Remove(ref vanthu.Ref) error {
	if _, err := vanthu.ParseRef(string(ref)); err != nil {
		return err
	}
	if err := os.Remove(s.Path(ref)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return vanthu.E("blob: remove", vanthu.Transient, err)
	}
	return nil
}

// MoveOut moves a blob to path, out of the store (a state-secret original
// to the secret hold), synced there before it leaves the store.
func (s *Store) MoveOut(ref vanthu.Ref, path string) error {
	if _, err := vanthu.ParseRef(string(ref)); err != nil {
		return err
	}
	if err := os.Rename(s.Path(ref), path); err != nil {
		return vanthu.E("blob: move out", vanthu.Transient, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// ReadAll returns the bytes of a blob.
func (s *Store) ReadAll(ref vanthu.Ref) ([]byte, error) {
	f, err := s.Open(ref)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, vanthu.E("blob: read", vanthu.Transient, err)
	}
	return b, nil
}

// Has reports whether the blob is stored.
func (s *Store) Has(ref vanthu.Ref) (bool, error) {
	_, err := os.Stat(s.Path(ref))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, vanthu.E("blob: stat", vanthu.Transient, err)
	}
	return true, nil
}

// Verify re-reads a blob and checks that its bytes still hash to its ref.
func (s *Store) Verify(ref vanthu.Ref) error {
	f, err := s.Open(ref)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return vanthu.E("blob: verify", vanthu.Transient, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != string(ref) {
		return vanthu.Errorf("blob: verify", vanthu.Invalid, "blob %s hashes to %s", ref.Short(), got[:12])
	}
	return nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Dir is the folder the store lives in.
func (s *Store) Dir() string { return s.dir }
