package auth

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu/access"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "auth.db")
	s, err := Open(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestUsersAndPasswords(t *testing.T) {
	s, _ := open(t)
	if _, err := s.Add("lan.nt", access.Clerk, "Văn phòng", "mật khẩu dài đủ"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("lan.nt", access.Staff, "", "another password"); !errors.Is(err, ErrUserExists) {
		t.Errorf("second lan.nt: %v", err)
	}
	if _, err := s.Add("x", access.Staff, "", "long enough password"); !errors.Is(err, ErrBadUserName) {
		t.Errorf("one-letter name: %v", err)
	}
	if _, err := s.Add("minh", access.Staff, "", "short"); !errors.Is(err, ErrWeakPasswd) {
		t.Errorf("short password: %v", err)
	}
	u, err := s.Authenticate("lan.nt", "mật khẩu dài đủ")
	if err != nil || u.Role != access.Clerk || u.Unit != "Văn phòng" || u.Hash != "" {
		t.Errorf("Authenticate = %+v, %v", u, err)
	}
	for _, c := range [][2]string{{"lan.nt", "mật khẩu dài sai"}, {"nobody", "mật khẩu dài đủ"}} {
		if _, err := s.Authenticate(c[0], c[1]); !errors.Is(err, ErrBadLogin) {
			t.Errorf("Authenticate(%q, %q) = %v, want ErrBadLogin", c[0], c[1], err)
		}
	}
	if _, err := s.Update("lan.nt", func(u *User) error { u.Disabled = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("lan.nt", "mật khẩu dài đủ"); !errors.Is(err, ErrBadLogin) {
		t.Errorf("a disabled user logs in: %v", err)
	}
	users, _ := s.List()
	if len(users) != 1 || users[0].Hash != "" || !users[0].Disabled {
		t.Errorf("List = %+v", users)
	}
}

func TestPasswordHashIsArgon2idAtOWASPParameters(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %s", h)
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	if !VerifyPassword(h, "correct horse battery") || VerifyPassword(h, "correct horse batterY") {
		t.Error("VerifyPassword is wrong")
	}
}

func TestTokens(t *testing.T) {
	s, _ := open(t)
	s.Add("script", access.Archivist, "", "a long password here")
	tok, rec, err := s.CreateToken("script")
	if err != nil || !strings.HasPrefix(tok, "vt_") {
		t.Fatalf("CreateToken = %q, %v", tok, err)
	}
	if u, _, err := s.TokenUser(tok); err != nil || u.Name != "script" {
		t.Errorf("TokenUser = %+v, %v", u, err)
	}
	if _, _, err := s.TokenUser(tok + "x"); !errors.Is(err, ErrBadToken) {
		t.Errorf("a wrong token: %v", err)
	}
	if _, _, err := s.CreateToken("nobody"); err == nil {
		t.Error("a token for nobody")
	}
	if err := s.RevokeToken(rec.ID, "someone-else"); err == nil {
		t.Error("someone else revoked the token")
	}
	if err := s.RevokeToken(rec.ID, "script"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.TokenUser(tok); !errors.Is(err, ErrBadToken) {
		t.Errorf("a revoked token still works: %v", err)
	}
}

func TestEnsureAdminOnlyOnFirstRun(t *testing.T) {
	s, _ := open(t)
	pw, err := s.EnsureAdmin()
	if err != nil || len(pw) < 16 {
		t.Fatalf("EnsureAdmin = %q, %v", pw, err)
	}
	if u, err := s.Authenticate("admin", pw); err != nil || u.Role != access.Admin {
		t.Errorf("admin login: %+v, %v", u, err)
	}
	if again, err := s.EnsureAdmin(); err != nil || again != "" {
		t.Errorf("second EnsureAdmin = %q, %v", again, err)
	}
}

func TestOneProcessAtATime(t *testing.T) {
	_, path := open(t)
	if _, err := Open(path, 50*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open = %v, want ErrLocked", err)
	}
}

func TestSessionStore(t *testing.T) {
	s, _ := open(t)
	ss := SessionStore{s}
	if err := ss.Commit("a", []byte("data"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ss.Commit("old", []byte("stale"), time.Now().Add(-time.Second))
	if b, ok, err := ss.Find("a"); !ok || err != nil || string(b) != "data" {
		t.Errorf("Find(a) = %q, %v, %v", b, ok, err)
	}
	if _, ok, _ := ss.Find("old"); ok {
		t.Error("an expired session is found")
	}
	ss.Delete("a")
	if _, ok, _ := ss.Find("a"); ok {
		t.Error("a deleted session is found")
	}
}

func TestLimiter(t *testing.T) {
	l := NewLimiter(3, time.Hour)
	for i := 0; i < 3; i++ {
		if ok, _ := l.Allow("lan", "10.0.0.1"); !ok {
			t.Fatalf("try %d refused", i+1)
		}
		l.Fail("lan", "10.0.0.1")
	}
	if ok, wait := l.Allow("lan", "10.0.0.2"); ok || wait <= 0 {
		t.Error("the account is not held after three failures")
	}
	if ok, _ := l.Allow("minh", "10.0.0.1"); ok {
		t.Error("the address is not held after three failures")
	}
	if ok, _ := l.Allow("minh", "10.0.0.3"); !ok {
		t.Error("another account from another address is held")
	}
}

// FuzzVerifyPassword: a stored hash of any shape is an answer, never a
// panic or a huge allocation.
func FuzzVerifyPassword(f *testing.F) {
	f.Add("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5", "pw")
	f.Add("$argon2id$v=19$m=4294967295,t=1,p=1$$", "")
	f.Fuzz(func(t *testing.T, phc, pw string) {
		VerifyPassword(phc, pw)
	})
}

// FuzzTokenUser: any bearer string is refused unless it is a token.
func FuzzTokenUser(f *testing.F) {
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, "auth.db"), time.Second)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	s.Add("script", access.Staff, "", "a long password here")
	tok, _, _ := s.CreateToken("script")
	f.Add("vt_AAAA")
	f.Add(tok[:len(tok)-1])
	f.Fuzz(func(t *testing.T, bearer string) {
		if u, _, err := s.TokenUser(bearer); err == nil && bearer != tok {
			t.Fatalf("%q accepted as %s", bearer, u.Name)
		}
	})
}
