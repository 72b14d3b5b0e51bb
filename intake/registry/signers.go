package registry

import (
	"bytes"
	"encoding/json"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// signerCount is what the register knows of one signer of an issuer,
// under the issuer's key, a 0 byte and the signer's key (dict.FoldKey): the
// name and role as the latest-dated record gives them, and how many do.
// First and Last span the issue dates of the records that named them; a
// record that stops naming them does not narrow the span.
type signerCount struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	N     int    `json:"n"`
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
}

// signerMark is the signer a record names without doubt: a signer and an
// issuer, neither of them under review; its key in the signers bucket is
// nil when the record names none, or is of a secret document (a name a
// clerk is offered must not come from a paper they may not see).
type signerMark struct {
	key               []byte
	name, title, date string // date: the issue date, when it is whole
}

func markOf(d *vanthu.Document) signerMark {
	md := d.Metadata
	if md.Signer == "" || md.Issuer == "" || slices.Contains(d.Review, "signer") || slices.Contains(d.Review, "issuer") ||
		md.Confidentiality != "" || d.Access.Secret {
		return signerMark{}
	}
	var date string
	if len(md.IssuedDate) == len("2006-01-02") {
		date = md.IssuedDate
	}
	return signerMark{append(append([]byte(dict.FoldKey(md.Issuer)), 0), dict.FoldKey(md.Signer)...), md.Signer, md.SignerTitle, date}
}

// countSigners moves the count of signers from the record as it was to
// the record as it is.
func countSigners(tx *bolt.Tx, was, is signerMark) error {
	if bytes.Equal(was.key, is.key) && was.name == is.name && was.title == is.title && was.date == is.date {
		return nil
	}
	b := tx.Bucket(signersBucket)
	if was.key != nil {
		var c signerCount
		if v := b.Get(was.key); v != nil {
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
		}
		if c.N--; c.N <= 0 {
			if err := b.Delete(was.key); err != nil {
				return err
			}
		} else if err := putJSON(b, was.key, c); err != nil {
			return err
		}
	}
	if is.key == nil {
		return nil
	}
	var c signerCount
	if v := b.Get(is.key); v != nil {
		if err := json.Unmarshal(v, &c); err != nil {
			return err
		}
	}
	c.N++
	if is.date == "" || is.date >= c.Last {
		c.Name, c.Title = is.name, is.title // as the latest paper names them
	}
	if is.date != "" {
		if c.First == "" || is.date < c.First {
			c.First = is.date
		}
		c.Last = max(c.Last, is.date)
	}
	return putJSON(b, is.key, c)
}

func putJSON(b *bolt.Bucket, k []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(k, data)
}

// indexSigners fills the signers bucket from the records, for a registry
// written before it had one.
func indexSigners(tx *bolt.Tx) error {
	if _, err := tx.CreateBucket(signersBucket); err != nil {
		return err
	}
	return tx.Bucket(docsBucket).ForEach(func(_, v []byte) error {
		var d vanthu.Document
		if err := json.Unmarshal(v, &d); err != nil {
			return err
		}
		return countSigners(tx, signerMark{}, markOf(&d))
	})
}

// Signers returns who signs for issuer (compared without marks, case or
// spacing), as the records name them without doubt, those named by the
// most records first.
func (r *Registry) Signers(issuer string) ([]vanthu.Signer, error) {
	var out []vanthu.Signer
	prefix := append([]byte(dict.FoldKey(issuer)), 0)
	err := r.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(signersBucket).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var sc signerCount
			if err := json.Unmarshal(v, &sc); err != nil {
				return err
			}
			out = append(out, vanthu.Signer{Name: sc.Name, Title: sc.Title, Documents: sc.N, First: sc.First, Last: sc.Last})
		}
		return nil
	})
	if err != nil {
		return nil, vanthu.E("registry: signers", vanthu.Transient, err)
	}
	slices.SortStableFunc(out, func(a, b vanthu.Signer) int { return b.Documents - a.Documents })
	return out, nil
}
