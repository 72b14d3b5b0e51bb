package registry

import (
	"encoding/json"

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
		b, filed := tx.Bucket(filesBucket), tx.Bucket(filedBucket)
		v := b.Get([]byte(code))
		if v == nil {
			return vanthu.Errorf("registry: case file", vanthu.NotExist, "no case file %s", code)
		}
		if err := json.Unmarshal(v, &cf); err != nil {
			return err
		}
		switch in := string(filed.Get([]byte(id))); in {
		case "":
		case code:
			return nil
		default:
			return vanthu.Errorf("registry: case file", vanthu.Exist, "the document is filed in case file %s already", in)
		}
		if err := filed.Put([]byte(id), []byte(code)); err != nil {
			return err
		}
		cf.Documents = append(cf.Documents, id)
		return putFile(b, cf)
	})
	return cf, err
}

// indexFiled makes the index of the case file each document is filed in
// (filedBucket) from the case files: on a new register, or one made
// before the index, whose documents are filed already.
func indexFiled(tx *bolt.Tx) error {
	filed, err := tx.CreateBucket(filedBucket)
	if err != nil {
		return err
	}
	return tx.Bucket(filesBucket).ForEach(func(_, v []byte) error {
		var cf vanthu.CaseFile
		if err := json.Unmarshal(v, &cf); err != nil {
			return err
		}
		for _, id := range cf.Documents {
			if err := filed.Put([]byte(id), []byte(cf.Code)); err != nil {
				return err
			}
		}
		return nil
	})
}

// FiledIn returns the code of the case file document id is filed in, or "".
func (r *Registry) FiledIn(id vanthu.Ref) string {
	var code string
	r.db.View(func(tx *bolt.Tx) error {
		code = string(tx.Bucket(filedBucket).Get([]byte(id)))
		return nil
	})
	return code
}
