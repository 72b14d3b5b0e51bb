package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
