package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeLog(t *testing.T, n int) (dir, keys string) {
	t.Helper()
	dir, keys = t.TempDir(), t.TempDir()
	l, err := Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := l.Append(Entry{User: "lan", Action: "view", Object: strings.Repeat("a", i%5+1), Addr: "10.0.0.1", Outcome: "ok"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, keys
}

func lines(t *testing.T, dir string) [][]byte {
	b, err := os.ReadFile(filepath.Join(dir, logName))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(b, []byte("\n"))
}

func rewrite(t *testing.T, dir string, ls [][]byte) {
	if err := os.WriteFile(filepath.Join(dir, logName), bytes.Join(ls, nil), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyAndReopen(t *testing.T) {
	dir, keys := writeLog(t, 250)
	if n, err := Verify(dir, keys); err != nil || n != 250 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	// Reopened, the chain goes on.
	l, err := Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	l.Append(Entry{User: "minh", Action: "search", Object: "cai cach", Outcome: "ok"})
	l.Close()
	if n, err := Verify(dir, keys); err != nil || n != 251 {
		t.Errorf("after reopening: %d, %v", n, err)
	}
	fi, _ := os.Stat(filepath.Join(keys, keyName))
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v", fi.Mode().Perm())
	}
}

// Each way of rewriting the log is caught, and the report names the entry.
func TestVerifyCatchesTampering(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func([][]byte) [][]byte
		want string
	}{
		{"one byte edited", func(ls [][]byte) [][]byte {
			ls[41] = bytes.Replace(ls[41], []byte(`"user":"lan"`), []byte(`"user":"lam"`), 1)
			return ls
		}, "entry 42 was changed"},
		{"an entry deleted", func(ls [][]byte) [][]byte { return append(ls[:9], ls[10:]...) }, "entry 11 where entry 10 belongs"},
		{"two entries swapped", func(ls [][]byte) [][]byte { ls[3], ls[4] = ls[4], ls[3]; return ls }, "entry 5 where entry 4 belongs"},
		{"the end cut off", func(ls [][]byte) [][]byte { return ls[:120] }, "checkpoint counts"},
		{"the last line cut short", func(ls [][]byte) [][]byte {
			last := len(ls) - 2
			ls[last] = ls[last][:len(ls[last])/2]
			return ls[:last+1]
		}, "cut short"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, keys := writeLog(t, 150)
			rewrite(t, dir, c.edit(lines(t, dir)))
			_, err := Verify(dir, keys)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Verify = %v, want an error with %q", err, c.want)
			}
			if _, err := Open(dir, keys); err == nil && c.name != "the last line cut short" {
				t.Error("a damaged log opens for writing")
			}
		})
	}
}

// An entry re-made by someone without the key fails its HMAC, even with
// the chain recomputed.
func TestForgeryWithoutKey(t *testing.T) {
	dir, keys := writeLog(t, 3)
	forged, _ := writeLog(t, 3) // the same entries under another key
	os.Remove(filepath.Join(dir, checkpointName))
	rewrite(t, dir, lines(t, forged))
	if _, err := Verify(dir, keys); err == nil || !strings.Contains(err.Error(), "HMAC") {
		t.Errorf("a log made with another key: %v", err)
	}
}

// After a crash in the middle of writing an entry, the log opens: the torn
// bytes are set aside and the chain goes on, whole.
func TestCrashMidEntry(t *testing.T) {
	dir, keys := writeLog(t, 30)
	f, _ := os.OpenFile(filepath.Join(dir, logName), os.O_APPEND|os.O_WRONLY, 0o600)
	f.WriteString(`{"seq":31,"time":"2026-`)
	f.Close()
	l, err := Open(dir, keys)
	if err != nil {
		t.Fatalf("Open after a torn entry: %v", err)
	}
	l.Append(Entry{User: "lan", Action: "view", Outcome: "200"})
	l.Close()
	if n, err := Verify(dir, keys); err != nil || n != 31 {
		t.Errorf("Verify = %d, %v", n, err)
	}
	if torn, _ := filepath.Glob(filepath.Join(dir, logName+".torn-*")); len(torn) != 1 {
		t.Errorf("the torn bytes are not kept: %v", torn)
	}
}

// A document's entries are found without the rest, across reopening.
func TestAbout(t *testing.T) {
	dir, keys := t.TempDir(), t.TempDir()
	doc := strings.Repeat("ab", 32)
	l, err := Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	l.Append(Entry{User: "lan", Action: "view", Object: doc, Outcome: "200"})
	l.Append(Entry{User: "lan", Action: "search", Object: "q=cai+cach", Outcome: "200"})
	l.Close()
	l, err = Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.Append(Entry{User: "minh", Action: "page_image", Object: doc + "#2", Outcome: "200"})
	got, err := l.About(doc)
	if err != nil || len(got) != 2 || got[0].User != "lan" || got[1].Object != doc+"#2" {
		t.Errorf("About = %+v, %v", got, err)
	}
	if got, _ := l.About(strings.Repeat("cd", 32)); len(got) != 0 {
		t.Errorf("About another document = %+v", got)
	}
}

// retentionLog writes a log with entries of three ages: two years old,
// six months old and new; a is the document they are about.
func retentionLog(t *testing.T) (dir, keys string, l *Log, a string) {
	t.Helper()
	dir, keys = t.TempDir(), t.TempDir()
	l, err := Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	a = strings.Repeat("ab", 32)
	now := time.Now().UTC()
	for _, e := range []Entry{
		{Time: now.AddDate(-2, 0, 0), User: "lan", Action: "login", Outcome: "ok"},
		{Time: now.AddDate(-2, 0, 0), User: "lan", Action: "view", Object: a, Outcome: "200"},
		{Time: now.AddDate(-2, 0, 0), User: "lan", Action: "page_image", Object: a + "#1", Outcome: "200"},
		{Time: now.AddDate(-2, 0, 0), User: "lan", Action: "search", Object: "q=cai+cach", Outcome: "200"},
		{Time: now.AddDate(0, -6, 0), User: "minh", Action: "download", Object: a, Outcome: "200"},
		{Time: now.AddDate(0, -6, 0), User: "minh", Action: "login", Outcome: "ok"},
		{User: "minh", Action: "view", Object: a, Outcome: "200"},
		{User: "minh", Action: "search", Object: "q=khuyen+nong", Outcome: "200"},
	} {
		if err := l.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	return dir, keys, l, a
}

// Retention: entries older than the period leave the log, those about a
// document stay as its history, the chain still verifies and says what
// left; a second expiry goes on from the first.
func TestExpire(t *testing.T) {
	dir, keys, l, a := retentionLog(t)
	ex, err := l.Expire(time.Now().AddDate(-1, 0, 0))
	if err != nil || ex.Removed != 4 || ex.Kept != 2 {
		t.Fatalf("Expire = %+v, %v; want 4 removed, 2 kept", ex, err)
	}
	if n, err := Verify(dir, keys); err != nil || n != 8 {
		t.Fatalf("Verify after expiry = %d, %v", n, err)
	}
	history := func(want ...string) {
		t.Helper()
		es, err := l.About(a)
		var got []string
		for _, e := range es {
			got = append(got, e.Action)
		}
		if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("history of the document: %v (%v), want %v", got, err, want)
		}
	}
	history("view", "page_image", "download", "view")
	var actions []string
	Read(dir, func(e Entry) error { actions = append(actions, e.Action); return nil })
	if strings.Join(actions, " ") != "view page_image expired download login view search" {
		t.Errorf("entries read: %v", actions)
	}
	if err := l.Append(Entry{User: "lan", Action: "view", Object: a, Outcome: "200"}); err != nil {
		t.Fatal(err)
	}
	history("view", "page_image", "download", "view", "view")

	ex, err = l.Expire(time.Now().AddDate(0, -3, 0))
	if err != nil || ex.Removed != 2 || ex.Kept != 1 {
		t.Fatalf("second Expire = %+v, %v; want 2 removed, 1 kept", ex, err)
	}
	history("view", "page_image", "download", "view", "view")
	if ex, err := l.Expire(time.Now().AddDate(0, -3, 0)); err != nil || ex.Removed != 0 {
		t.Errorf("nothing more to expire: %+v, %v", ex, err)
	}
	l.Close()
	if n, err := Verify(dir, keys); err != nil || n != 9 {
		t.Fatalf("Verify after two expiries = %d, %v", n, err)
	}
	l, err = Open(dir, keys)
	if err != nil {
		t.Fatal(err)
	}
	history("view", "page_image", "download", "view", "view")
	l.Close()
}

// What retention leaves cannot be cut or changed unseen either.
func TestExpireTampering(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(dir string)
		want string
	}{
		{"a document's entry removed", func(dir string) {
			p := filepath.Join(dir, docsName)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.SplitAfter(b, []byte("\n"))[1], 0o600)
		}, "documents.log holds 1 entries"},
		{"the expired entry edited", func(dir string) {
			ls := lines(t, dir)
			ls[0] = bytes.Replace(ls[0], []byte("4 entries"), []byte("1 entries"), 1)
			rewrite(t, dir, ls)
		}, "first entry"},
		{"the expired entry removed", func(dir string) { rewrite(t, dir, lines(t, dir)[1:]) }, "does not start with the entry"},
		{"the entry after it removed", func(dir string) {
			ls := lines(t, dir)
			rewrite(t, dir, append(ls[:1], ls[2:]...))
		}, "where entry 5 belongs"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, keys, l, _ := retentionLog(t)
			if _, err := l.Expire(time.Now().AddDate(-1, 0, 0)); err != nil {
				t.Fatal(err)
			}
			l.Close()
			c.edit(dir)
			if _, err := Verify(dir, keys); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Verify = %v, want an error with %q", err, c.want)
			}
		})
	}
}

// A crash after an expiry's new files are whole and marked, before both
// replaced the old, is finished on the next Open; without the mark the
// partial files are dropped and the old log stands.
func TestExpireCrash(t *testing.T) {
	dir, keys, l, a := retentionLog(t)
	l.Close()
	before := t.TempDir()
	copyDir(t, dir, before)
	l, _ = Open(dir, keys)
	if _, err := l.Expire(time.Now().AddDate(-1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	// The state of the crash: old files, the new ones beside them, marked.
	crashed := t.TempDir()
	copyDir(t, before, crashed)
	for _, name := range []string{logName, docsName} {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		os.WriteFile(filepath.Join(crashed, name+newSuffix), b, 0o600)
	}
	os.WriteFile(filepath.Join(crashed, commitName), nil, 0o600)
	l, err := Open(crashed, keys)
	if err != nil {
		t.Fatalf("Open after the crash: %v", err)
	}
	if es, _ := l.About(a); len(es) != 4 {
		t.Errorf("history after the crash: %d entries, want 4", len(es))
	}
	l.Close()
	if got, _ := os.ReadFile(filepath.Join(crashed, logName)); !bytes.Equal(got, mustRead(t, filepath.Join(dir, logName))) {
		t.Error("the expiry was not finished")
	}

	// Unmarked: the old log stands.
	unmarked := t.TempDir()
	copyDir(t, before, unmarked)
	os.WriteFile(filepath.Join(unmarked, logName+newSuffix), []byte("half"), 0o600)
	if n, err := Verify(unmarked, keys); err != nil || n != 8 {
		t.Errorf("Verify of an unmarked expiry = %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(unmarked, logName+newSuffix)); err == nil {
		t.Error("a partial new log was left")
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	ents, _ := os.ReadDir(from)
	for _, e := range ents {
		os.WriteFile(filepath.Join(to, e.Name()), mustRead(t, filepath.Join(from, e.Name())), 0o600)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
