package registry

import (
	"encoding/json"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/vanthu/vanthu"
)

// CreateCaseFile records a new case file. A code in use already is an
// Invalid error (vanthu.Exist).
func (r *Registry) CreateCaseFile(cf vanthu.CaseFile) error {
	return r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(filesBucket)
		if b.Get([]byte(cf.Code)) != nil {
			return vanthu.Errorf("registry: case file", vanthu.Exist, "a case file %s exists already", cf.Code)
		}
		return putFile(b, cf)
	})
}

// CaseFile returns the case file with code, or a NotExist error.
func (r *Registry) CaseFile(code string) (vanthu.CaseFile, error) {
	var cf vanthu.CaseFile
	err := r.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(filesBucket).Get([]byte(code))
		if v == nil {
			return vanthu.Errorf("registry: case file", vanthu.NotExist, "no case file %s", code)
		}
		return json.Unmarshal(v, &cf)
	})
	return cf, err
}

// CaseFiles returns every case file, by code.
func (r *Registry) CaseFiles() ([]vanthu.CaseFile, error) {
	var out []vanthu.CaseFile
	err := r.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(filesBucket).ForEach(func(_, v []byte) error {
			var cf vanthu.CaseFile
			if err := json.Unmarshal(v, &cf); err != nil {
				return err
			}
			out = append(out, cf)
			return nil
		})
	})
	return out, err
}

// FileDocument adds document id at the end of case file code. A document
// is filed in one case file: in another already, it is an Exist error
// naming it; in this one already, nothing changes.
func (r *Registry) FileDocument(code string, id vanthu.Ref) (vanthu.CaseFile, error) {
	var cf vanthu.CaseFile
	err := r.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(filesBucket)
		v := b.Get([]byte(code))
		if v == nil {
			return vanthu.Errorf("registry: case file", vanthu.NotExist, "no case file %s", code)
		}
		if err := json.Unmarshal(v, &cf); err != nil {
			return err
		}
		if slices.Contains(cf.Documents, id) {
			return nil
		}
		err := b.ForEach(func(k, v []byte) error {
			var other vanthu.CaseFile
			if err := json.Unmarshal(v, &other); err != nil {
				return err
			}
			if slices.Contains(other.Documents, id) {
				return vanthu.Errorf("registry: case file", vanthu.Exist, "the document is filed in case file %s already", other.Code)
			}
			return nil
		})
		if err != nil {
			return err
		}
		cf.Documents = append(cf.Documents, id)
		return putFile(b, cf)
	})
	return cf, err
}

func putFile(b *bolt.Bucket, cf vanthu.CaseFile) error {
	v, err := json.Marshal(cf)
	if err != nil {
		return err
	}
	return b.Put([]byte(cf.Code), v)
}
