// Package auth keeps Vanthu's users, their passwords (argon2id), their API
// tokens and the server's sessions, in one bbolt file (DATA/auth.db). The
// file is locked by one process at a time: the command line manages users
// while the server is stopped; while it runs, its admin pages and API do.
package auth

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/access"
	"github.com/vanthu/vanthu/dict"
)

// User is an account.
type User struct {
	Name     string      `json:"name"`
	Role     access.Role `json:"role"`
	Unit     string      `json:"unit,omitempty"` // phòng/ban
	Disabled bool        `json:"disabled,omitempty"`
	Created  time.Time   `json:"created"`
	Hash     string      `json:"password_hash,omitempty"` // argon2id, PHC string; never sent
}

// Token is an API token's record; the token itself is shown once and kept
// only as its SHA-256.
type Token struct {
	ID      string    `json:"id"` // the first 8 hex digits of the hash, to name it
	User    string    `json:"user"`
	Created time.Time `json:"created"`
	Revoked bool      `json:"revoked,omitempty"`
}

var (
	bucketUsers    = []byte("users")
	bucketTokens   = []byte("tokens")
	bucketSessions = []byte("sessions")
)

// Errors a caller tells apart.
var (
	ErrLocked      = errors.New("auth: the user database is in use by another process (is `vanthu serve` running? manage users in its admin pages or API)")
	ErrBadLogin    = errors.New("auth: wrong user name or password")
	ErrNoUser      = errors.New("auth: no such user")
	ErrUserExists  = errors.New("auth: the user exists")
	ErrBadToken    = errors.New("auth: unknown or revoked token")
	ErrWeakPasswd  = errors.New("auth: a password needs at least 10 characters")
	ErrBadUserName = errors.New("auth: a user name is 2–64 letters, digits, dots, hyphens or underscores")
)

// Store is the user database.
type Store struct {
	db *bbolt.DB
}

// Open opens (creating) the user database at path, waiting at most wait
// for another process to release it (ErrLocked).
func Open(path string, wait time.Duration) (*Store, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: wait})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, vanthu.E("auth: open", vanthu.Invalid, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketUsers, bucketTokens, bucketSessions} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	go dummyHash() // made before the first login of an unknown user
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

var userName = regexp.MustCompile(`^[\pL\pN._-]{2,64}$`)

// Add creates a user with a password.
func (s *Store) Add(name string, role access.Role, unit, password string) (User, error) {
	if !userName.MatchString(name) {
		return User{}, ErrBadUserName
	}
	if !slices.Contains(access.Roles, role) {
		return User{}, fmt.Errorf("auth: no role %q", role)
	}
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, err
	}
	u := User{Name: name, Role: role, Unit: UnitName(unit), Created: time.Now().UTC(), Hash: hash}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if b.Get([]byte(name)) != nil {
			return ErrUserExists
		}
		return putJSON(b, name, u)
	})
	u.Hash = ""
	return u, err
}

// Get returns a user, without the password hash.
func (s *Store) Get(name string) (User, error) {
	var u User
	err := s.db.View(func(tx *bbolt.Tx) error { return getJSON(tx.Bucket(bucketUsers), name, &u) })
	u.Hash = ""
	return u, err
}

// List returns the users by name, without their password hashes.
func (s *Store) List() ([]User, error) {
	var out []User
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketUsers).ForEach(func(_, v []byte) error {
			var u User
			if err := json.Unmarshal(v, &u); err != nil {
				return err
			}
			u.Hash = ""
			out = append(out, u)
			return nil
		})
	})
	return out, err
}

// Count is the number of users.
func (s *Store) Count() (int, error) {
	n := 0
	err := s.db.View(func(tx *bbolt.Tx) error { n = tx.Bucket(bucketUsers).Stats().KeyN; return nil })
	return n, err
}

// Update changes a user with f (its role, unit, disabled flag); the name
// and password stay.
func (s *Store) Update(name string, f func(*User) error) (User, error) {
	var u User
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if err := getJSON(b, name, &u); err != nil {
			return err
		}
		hash, created := u.Hash, u.Created
		if err := f(&u); err != nil {
			return err
		}
		if !slices.Contains(access.Roles, u.Role) {
			return fmt.Errorf("auth: no role %q", u.Role)
		}
		u.Name, u.Hash, u.Created, u.Unit = name, hash, created, UnitName(u.Unit)
		return putJSON(b, name, u)
	})
	u.Hash = ""
	return u, err
}

// SetPassword changes a user's password.
func (s *Store) SetPassword(name, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		var u User
		if err := getJSON(b, name, &u); err != nil {
			return err
		}
		u.Hash = hash
		return putJSON(b, name, u)
	})
}

// Authenticate checks a user's password. A disabled user, an unknown one
// and a wrong password are the same ErrBadLogin, after the same work.
func (s *Store) Authenticate(name, password string) (User, error) {
	var u User
	err := s.db.View(func(tx *bbolt.Tx) error { return getJSON(tx.Bucket(bucketUsers), name, &u) })
	if err != nil {
		VerifyPassword(dummyHash(), password) // as slow as a real check
		return User{}, ErrBadLogin
	}
	ok := VerifyPassword(u.Hash, password)
	if !ok || u.Disabled {
		return User{}, ErrBadLogin
	}
	u.Hash = ""
	return u, nil
}

// CreateToken makes an API token for a user and returns it (shown once)
// with its record.
func (s *Store) CreateToken(name string) (string, Token, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", Token{}, err
	}
	tok := "vt_" + base64.RawURLEncoding.EncodeToString(raw[:])
	sum := sha256.Sum256([]byte(tok))
	t := Token{ID: hex.EncodeToString(sum[:4]), User: name, Created: time.Now().UTC()}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var u User
		if err := getJSON(tx.Bucket(bucketUsers), name, &u); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketTokens), hex.EncodeToString(sum[:]), t)
	})
	if err != nil {
		return "", Token{}, err
	}
	return tok, t, nil
}

// TokenUser returns the user a token belongs to: ErrBadToken for a token
// unknown or revoked, or whose user is disabled.
func (s *Store) TokenUser(tok string) (User, Token, error) {
	sum := sha256.Sum256([]byte(tok))
	var t Token
	var u User
	err := s.db.View(func(tx *bbolt.Tx) error {
		if err := getJSON(tx.Bucket(bucketTokens), hex.EncodeToString(sum[:]), &t); err != nil {
			return ErrBadToken
		}
		if err := getJSON(tx.Bucket(bucketUsers), t.User, &u); err != nil {
			return ErrBadToken
		}
		return nil
	})
	if err != nil || t.Revoked || u.Disabled {
		return User{}, Token{}, ErrBadToken
	}
	u.Hash = ""
	return u, t, nil
}

// Tokens lists a user's tokens ("" for every user's).
func (s *Store) Tokens(user string) ([]Token, error) {
	var out []Token
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketTokens).ForEach(func(_, v []byte) error {
			var t Token
			if err := json.Unmarshal(v, &t); err != nil {
				return err
			}
			if user == "" || t.User == user {
				out = append(out, t)
			}
			return nil
		})
	})
	return out, err
}

// RevokeToken revokes the token with the given ID; owner, if not empty,
// must be its user.
func (s *Store) RevokeToken(id, owner string) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTokens)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var t Token
			if err := json.Unmarshal(v, &t); err != nil {
				return err
			}
			if t.ID != id || owner != "" && t.User != owner {
				continue
			}
			t.Revoked = true
			return putJSON(b, string(k), t)
		}
		return vanthu.Errorf("auth: revoke", vanthu.NotExist, "no token %s", id)
	})
}

// EnsureAdmin creates the user "admin" with a random password when there
// are no users at all, and returns that password ("" when users exist).
func (s *Store) EnsureAdmin() (string, error) {
	n, err := s.Count()
	if err != nil || n > 0 {
		return "", err
	}
	var raw [15]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", err
	}
	password := base64.RawURLEncoding.EncodeToString(raw[:])
	if _, err := s.Add("admin", access.Admin, "", password); err != nil {
		return "", err
	}
	return password, nil
}

// UnitName is a unit's name as kept: NFC, single spaces, so that a
// document assigned to "Phòng  Tài chính" reaches the users of "Phòng Tài
// chính".
func UnitName(s string) string { return dict.NFC(strings.Join(strings.Fields(s), " ")) }

func putJSON(b *bbolt.Bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), data)
}

func getJSON(b *bbolt.Bucket, key string, v any) error {
	data := b.Get([]byte(key))
	if data == nil {
		return ErrNoUser
	}
	return json.Unmarshal(data, v)
}

// Argon2id at the parameters OWASP recommends (m = 19 MiB, t = 2, p = 1).
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword hashes a password with argon2id and a random salt, as a
// PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash).
func HashPassword(password string) (string, error) {
	if len([]rune(password)) < 10 {
		return "", ErrWeakPasswd
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// VerifyPassword checks password against a PHC string made by HashPassword
// (with whatever parameters it states), in constant time.
func VerifyPassword(phc, password string) bool {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || m > 1<<20 || t == 0 || t > 10 || p == 0 {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 || len(key) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// dummyHash is checked against when a user does not exist, so that the
// answer takes as long as for one who does. It is made when a user
// database is opened, not when the program starts: hashing costs a fifth
// of a second and 19 MiB, which every start of the binary (each
// rasterising child among them) would otherwise pay.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("no user has this password")
	return h
})

// SessionStore keeps the server's sessions (alexedwards/scs) in the user
// database, so that a restart does not log everyone out.
type SessionStore struct{ S *Store }

// Find returns a session's data, if it exists and has not expired.
func (ss SessionStore) Find(token string) ([]byte, bool, error) {
	var data []byte
	err := ss.S.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketSessions).Get([]byte(token))
		if len(v) < 8 {
			return nil
		}
		exp := time.Unix(int64(binary.BigEndian.Uint64(v)), 0)
		if time.Now().Before(exp) {
			data = bytes.Clone(v[8:])
		}
		return nil
	})
	return data, data != nil, err
}

// Commit saves a session's data until expiry, and drops expired ones.
func (ss SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.S.db.Update(func(tx *bbolt.Tx) error {
		bk := tx.Bucket(bucketSessions)
		now := time.Now()
		c := bk.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(v) < 8 || time.Unix(int64(binary.BigEndian.Uint64(v)), 0).Before(now) {
				if err := c.Delete(); err != nil {
					return err
				}
			}
		}
		v := make([]byte, 8, 8+len(b))
		binary.BigEndian.PutUint64(v, uint64(expiry.Unix()))
		return bk.Put([]byte(token), append(v, b...))
	})
}

// Delete removes a session.
func (ss SessionStore) Delete(token string) error {
	return ss.S.db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketSessions).Delete([]byte(token)) })
}
