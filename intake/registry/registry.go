// Package registry keeps the record of every document Vanthu has received:
// its file name, archive ref, stage status, pages and metadata.
//
// Records live in one bbolt file. Every change is a transaction that is
// synced to disk before it returns, so a record that Register acknowledged
// survives a crash, and a restart finds each unfinished document at the last
// stage it completed.
package registry

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
)

var docsBucket = []byte("documents")

// Registry is the document register. It is safe for concurrent use.
type Registry struct {
	db  *bolt.DB
	now func() time.Time
}

// Open opens (creating if needed) the registry file at path.
func Open(path string) (*Registry, error) {
	db, err := bolt.Open(path, 0o640, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, vanthu.E("registry: open "+path, vanthu.Transient, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(docsBucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, vanthu.E("registry: open", vanthu.Transient, err)
	}
	return &Registry{db: db, now: time.Now}, nil
}

// Close closes the registry file.
func (r *Registry) Close() error { return r.db.Close() }

// Register records a newly received document. If a document with the same
// ID is already recorded, Register changes nothing and returns the existing
// record with created false.
func (r *Registry) Register(d vanthu.Document) (rec vanthu.Document, created bool, err error) {
	err = r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(docsBucket)
		if v := b.Get([]byte(d.ID)); v != nil {
			return json.Unmarshal(v, &rec)
		}
		now := r.now().UTC()
		if d.ReceivedAt.IsZero() {
			d.ReceivedAt = now
		}
		if d.Status == "" {
			d.Status = vanthu.Received
		}
		d.UpdatedAt = now
		rec, created = d, true
		return put(b, d)
	})
	if err != nil {
		return vanthu.Document{}, false, vanthu.E("registry: register "+d.ID.Short(), vanthu.Transient, err)
	}
	return rec, created, nil
}

// Get returns the record of id, or a NotExist error.
func (r *Registry) Get(id vanthu.Ref) (vanthu.Document, error) {
	var d vanthu.Document
	err := r.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(docsBucket).Get([]byte(id))
		if v == nil {
			return errNotExist
		}
		return json.Unmarshal(v, &d)
	})
	if errors.Is(err, errNotExist) {
		return d, vanthu.Errorf("registry: get", vanthu.NotExist, "no document %s", id.Short())
	}
	if err != nil {
		return d, vanthu.E("registry: get", vanthu.Transient, err)
	}
	return d, nil
}

var errNotExist = errors.New("not exist")

// Update applies fn to the record of id in one transaction. If fn returns an
// error, nothing changes and Update returns that error.
func (r *Registry) Update(id vanthu.Ref, fn func(*vanthu.Document) error) (vanthu.Document, error) {
	var d vanthu.Document
	err := r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(docsBucket)
		v := b.Get([]byte(id))
		if v == nil {
			return vanthu.Errorf("registry: update", vanthu.NotExist, "no document %s", id.Short())
		}
		if err := json.Unmarshal(v, &d); err != nil {
			return err
		}
		if err := fn(&d); err != nil {
			return err
		}
		d.UpdatedAt = r.now().UTC()
		return put(b, d)
	})
	if err != nil && vanthu.KindOf(err) == vanthu.Other {
		err = vanthu.E("registry: update "+id.Short(), vanthu.Transient, err)
	}
	return d, err
}

// Walk calls fn for every record, in ID order, until fn returns false.
// fn must not call back into the registry.
func (r *Registry) Walk(fn func(vanthu.Document) bool) error {
	return r.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(docsBucket).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var d vanthu.Document
			if err := json.Unmarshal(v, &d); err != nil {
				return fmt.Errorf("registry: record %s: %w", k, err)
			}
			if !fn(d) {
				return nil
			}
		}
		return nil
	})
}

// Unfinished returns the IDs of documents not yet indexed or failed: the
// work a restart must resume.
func (r *Registry) Unfinished() ([]vanthu.Ref, error) {
	var ids []vanthu.Ref
	err := r.Walk(func(d vanthu.Document) bool {
		if !d.Status.Done() {
			ids = append(ids, d.ID)
		}
		return true
	})
	return ids, err
}

// Count returns the number of records by status.
func (r *Registry) Count() (map[vanthu.Status]int, error) {
	n := make(map[vanthu.Status]int)
	err := r.Walk(func(d vanthu.Document) bool {
		n[d.Status]++
		return true
	})
	return n, err
}

func put(b *bolt.Bucket, d vanthu.Document) error {
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return b.Put([]byte(d.ID), v)
}
