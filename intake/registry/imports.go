package registry

import (
	"encoding/json"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
)

// Import records documents imported from an agency's earlier system, in
// one transaction: each with its earlier id (d.Imported.LegacyID), which
// makes importing again change nothing. It reports, for each, whether it
// was new. A record whose earlier id is known already is left as it is; a
// document Vanthu holds already (the same file received before) is kept,
// the earlier id pointing at it. Imported records go in the register of
// the year they are dated (issued, else imported), without a số đến.
func (r *Registry) Import(docs []vanthu.Document) ([]bool, error) {
	fresh := make([]bool, len(docs))
	err := r.db.Update(func(tx *bolt.Tx) error {
		b, imports, imported := tx.Bucket(docsBucket), tx.Bucket(importsBucket), tx.Bucket(importedBucket)
		for i, d := range docs {
			if d.Imported == nil || d.Imported.LegacyID == "" {
				return vanthu.Errorf("registry: import", vanthu.Invalid, "a record without its earlier id")
			}
			legacy := []byte(d.Imported.LegacyID)
			if imports.Get(legacy) != nil {
				continue
			}
			if err := imports.Put(legacy, []byte(d.ID)); err != nil {
				return err
			}
			if b.Get([]byte(d.ID)) != nil {
				continue
			}
			year := d.Imported.At.In(vanthu.VietnamTime).Year()
			if md := d.Metadata.IssuedDate; len(md) >= 4 {
				if y, err := strconv.Atoi(md[:4]); err == nil {
					year = y
				}
			}
			yb, err := imported.CreateBucketIfNotExists([]byte(fmt.Sprintf("%04d", year)))
			if err != nil {
				return err
			}
			if err := yb.Put(legacy, []byte(d.ID)); err != nil {
				return err
			}
			d.UpdatedAt = r.now().UTC()
			v, err := json.Marshal(d)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(d.ID), v); err != nil {
				return err
			}
			fresh[i] = true
		}
		return nil
	})
	if err != nil {
		return nil, vanthu.E("registry: import", vanthu.Transient, err)
	}
	return fresh, nil
}

// ImportedAs returns the id of the document imported under an earlier id.
func (r *Registry) ImportedAs(legacyID string) (vanthu.Ref, bool) {
	var id vanthu.Ref
	r.db.View(func(tx *bolt.Tx) error {
		id = vanthu.Ref(tx.Bucket(importsBucket).Get([]byte(legacyID)))
		return nil
	})
	return id, id != ""
}
