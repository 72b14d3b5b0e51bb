// Package registry keeps the record of every document Vanthu has received:
// its file name, archive ref, stage status, pages and metadata.
//
// Records live in one bbolt file. Every change is a transaction that is
// synced to disk before it returns, so a record that Register acknowledged
// survives a crash, and a restart finds each unfinished document at the last
// stage it completed.
package registry

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
)

var (
	docsBucket     = []byte("documents")
	registerBucket = []byte("register") // year → (số đến → id)
	filesBucket    = []byte("files")    // mã hồ sơ → case file
	importsBucket  = []byte("imports")  // an imported record's id in the earlier system → id
	importedBucket = []byte("imported") // year → (earlier id → id): imported records in the register
	filedBucket    = []byte("filed")    // id → mã hồ sơ of the case file it is filed in
	doneBucket     = []byte("done")     // one-time tasks finished (see Done)
	signersBucket  = []byte("signers")  // issuer → signer → what the register knows of them (signers.go)
)

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
		if _, err := tx.CreateBucketIfNotExists(docsBucket); err != nil {
			return err
		}
		for _, b := range [][]byte{filesBucket, importsBucket, importedBucket, doneBucket} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if tx.Bucket(filedBucket) == nil {
			if err := indexFiled(tx); err != nil {
				return err
			}
		}
		if tx.Bucket(signersBucket) == nil {
			if err := indexSigners(tx); err != nil {
				return err
			}
		}
		_, err := tx.CreateBucketIfNotExists(registerBucket)
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

// Register records a newly received document and enters it in the incoming
// register: its số đến is the next of the year of its arrival (Vietnam
// time), assigned in the same transaction, so numbers are consecutive, never
// reused or skipped, whatever runs at once and across restarts. If a
// document with the same ID is already recorded, Register changes nothing
// and returns the existing record with created false.
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
		local := d.ReceivedAt.In(vanthu.VietnamTime)
		year, err := tx.Bucket(registerBucket).CreateBucketIfNotExists([]byte(local.Format("2006")))
		if err != nil {
			return err
		}
		seq, err := year.NextSequence()
		if err != nil {
			return err
		}
		d.ArrivalNumber, d.ArrivalDate = int(seq), local.Format("2006-01-02")
		if err := year.Put(seqKey(seq), []byte(d.ID)); err != nil {
			return err
		}
		rec, created = d, true
		return put(tx, signerMark{}, d)
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
		before := markOf(&d)
		if err := fn(&d); err != nil {
			return err
		}
		d.UpdatedAt = r.now().UTC()
		return put(tx, before, d)
	})
	if err != nil && vanthu.KindOf(err) == vanthu.Other {
		err = vanthu.E("registry: update "+id.Short(), vanthu.Transient, err)
	}
	return d, err
}

// Ensure records d as it is unless a record of d.ID exists already. It
// does not number d: that is Register's job.
func (r *Registry) Ensure(d vanthu.Document) error {
	err := r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(docsBucket)
		if b.Get([]byte(d.ID)) != nil {
			return nil
		}
		return put(tx, signerMark{}, d)
	})
	if err != nil {
		return vanthu.E("registry: ensure "+d.ID.Short(), vanthu.Transient, err)
	}
	return nil
}

// Merge returns what d, a record as the pipeline's log has it, becomes
// against the local record (nil if there is none): the arrival (số đến,
// date) is the one given at intake, so a record without one keeps the
// local one, and so is a later change of access. It reports false when d has fewer revisions than the local
// record: d is older (a correction made here is on its way through the
// log), and the local record stands.
func Merge(local *vanthu.Document, d vanthu.Document) (vanthu.Document, bool) {
	if local == nil {
		return d, true
	}
	if len(d.History) < len(local.History) {
		return *local, false
	}
	if d.ArrivalNumber == 0 {
		d.ArrivalNumber, d.ArrivalDate = local.ArrivalNumber, local.ArrivalDate
	}
	// Access is set by people, never by the pipeline: an assignment made
	// here while the document was being read stands.
	if len(d.AccessHistory) < len(local.AccessHistory) {
		d.Access, d.AccessHistory = local.Access, local.AccessHistory
	}
	d.Access.Secret = d.Access.Secret || local.Access.Secret // secrecy is never undone by the log
	return d, true
}

// Materialise stores d, a record from the pipeline's log, in place of the
// local one as Merge decides, and returns the record kept. A record new to
// this registry with a số đến is entered in the incoming register under
// it, so that a node rebuilt from the log lists the same register.
func (r *Registry) Materialise(d vanthu.Document) (vanthu.Document, error) {
	err := r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(docsBucket)
		var before signerMark
		if v := b.Get([]byte(d.ID)); v != nil {
			var old vanthu.Document
			if err := json.Unmarshal(v, &old); err != nil {
				return err
			}
			var fresh bool
			if d, fresh = Merge(&old, d); !fresh {
				return nil
			}
			before = markOf(&old)
		} else if d.ArrivalNumber > 0 && len(d.ArrivalDate) >= 4 {
			year, err := tx.Bucket(registerBucket).CreateBucketIfNotExists([]byte(d.ArrivalDate[:4]))
			if err != nil {
				return err
			}
			n := uint64(d.ArrivalNumber)
			if year.Sequence() < n {
				if err := year.SetSequence(n); err != nil {
					return err
				}
			}
			if err := year.Put(seqKey(n), []byte(d.ID)); err != nil {
				return err
			}
		}
		d.UpdatedAt = r.now().UTC()
		return put(tx, before, d)
	})
	if err != nil {
		return d, vanthu.E("registry: materialise "+d.ID.Short(), vanthu.Transient, err)
	}
	return d, nil
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

// RegisterOf returns the documents of a year's register in order of số
// đến, then the records imported from the earlier system dated that year.
func (r *Registry) RegisterOf(year int) ([]vanthu.Document, error) {
	var out []vanthu.Document
	err := r.db.View(func(tx *bolt.Tx) error {
		docs := tx.Bucket(docsBucket)
		each := func(_, id []byte) error {
			var d vanthu.Document
			if v := docs.Get(id); v != nil {
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				out = append(out, d)
			}
			return nil
		}
		key := []byte(fmt.Sprintf("%04d", year))
		if yb := tx.Bucket(registerBucket).Bucket(key); yb != nil {
			if err := yb.ForEach(each); err != nil {
				return err
			}
		}
		if yb := tx.Bucket(importedBucket).Bucket(key); yb != nil {
			return yb.ForEach(each)
		}
		return nil
	})
	if err != nil {
		return nil, vanthu.E("registry: register", vanthu.Transient, err)
	}
	return out, nil
}

// Recent returns the last n documents entered in the incoming register,
// newest first, reading only those.
func (r *Registry) Recent(n int) ([]vanthu.Document, error) {
	var out []vanthu.Document
	err := r.db.View(func(tx *bolt.Tx) error {
		docs := tx.Bucket(docsBucket)
		years := tx.Bucket(registerBucket).Cursor()
		for yk, _ := years.Last(); yk != nil && len(out) < n; yk, _ = years.Prev() {
			yb := tx.Bucket(registerBucket).Bucket(yk)
			if yb == nil {
				continue
			}
			c := yb.Cursor()
			for _, id := c.Last(); id != nil && len(out) < n; _, id = c.Prev() {
				v := docs.Get(id)
				if v == nil {
					continue
				}
				var d vanthu.Document
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				out = append(out, d)
			}
		}
		return nil
	})
	if err != nil {
		return nil, vanthu.E("registry: recent", vanthu.Transient, err)
	}
	return out, nil
}

func seqKey(n uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, n)
	return k
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

// put stores d, which named the signer before (none if it is new), and
// what the registry keeps by it.
func put(tx *bolt.Tx, before signerMark, d vanthu.Document) error {
	v, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if err := countSigners(tx, before, markOf(&d)); err != nil {
		return err
	}
	return tx.Bucket(docsBucket).Put([]byte(d.ID), v)
}

// Done reports whether the one-time task named is finished.
func (r *Registry) Done(task string) bool {
	var done bool
	r.db.View(func(tx *bolt.Tx) error {
		done = tx.Bucket(doneBucket).Get([]byte(task)) != nil
		return nil
	})
	return done
}

// SetDone records that the one-time task named is finished.
func (r *Registry) SetDone(task string) error {
	return r.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(doneBucket).Put([]byte(task), []byte(time.Now().UTC().Format(time.RFC3339)))
	})
}

func putFile(b *bolt.Bucket, cf vanthu.CaseFile) error {
	v, err := json.Marshal(cf)
	if err != nil {
		return err
	}
	return b.Put([]byte(cf.Code), v)
}
