// Package audit keeps Vanthu's audit log: who did what to which document,
// from where, with what outcome. The log cannot be rewritten unseen:
// entries are appended, each holds the SHA-256 of the one before it and an
// HMAC made with a key kept outside the log, and checkpoints (count and
// head hash) go to a file of their own, so that an edited, reordered,
// inserted or removed entry, or a log cut short, fails Verify.
package audit

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vanthu/vanthu"
)

// Entry is one action.
type Entry struct {
	Seq     uint64    `json:"seq"`
	Time    time.Time `json:"time"`
	User    string    `json:"user"`
	Action  string    `json:"action"`           // login, search, view, download, page_image, correct, assign, user_change, token, …
	Object  string    `json:"object,omitempty"` // a document id, a user name, a search's query
	Addr    string    `json:"addr,omitempty"`
	Via     string    `json:"via,omitempty"` // how the user came: session, or token:ID
	Outcome string    `json:"outcome"`       // ok, failed, throttled, or an HTTP status
	Prev    string    `json:"prev"`          // SHA-256 of the previous line, hex ("" for the first)
	// Head and Kept are set on an ActionExpired entry only: the first
	// entry of a log whose older entries passed their retention (see
	// Expire). Head is the hash of the last entry removed; Kept is "N
	// SHA256": the lines documents.log holds and the hash of that file.
	Head string `json:"head,omitempty"`
	Kept string `json:"kept,omitempty"`
	MAC  string `json:"mac,omitempty"` // HMAC-SHA256 of the entry without mac, with the log's key
}

// Files of a log in its folder.
const (
	logName        = "audit.log"
	keyName        = "audit.key"
	checkpointName = "audit.checkpoint"
	docsName       = "documents.log" // entries about documents, kept past the log's retention
)

// The files of a log: the log, and the documents' entries kept past its
// retention. Index spans name one of them.
const (
	inLog = iota
	inDocs
)

// CheckpointEvery is how many entries pass between checkpoints.
const CheckpointEvery = 100

// Log is an open audit log. It is safe for concurrent use.
type Log struct {
	mu    sync.Mutex
	f     *os.File
	cp    *os.File
	key   []byte
	seq   uint64
	head  string // hash of the last line
	dirty int    // entries since the last checkpoint
	// about indexes the lines (file, offset, length) by what they are
	// about (a document's id, its pages' too), so that a document's
	// history is read without reading the whole log; size is the log's
	// length.
	about map[string][][3]int64
	size  int64
	dir   string
}

// Open opens (creating) the audit log in dir, with its key (made on first
// use, mode 0600) and checkpoints. The log is verified first: a damaged
// log is not written to, except that a last entry a crash cut short is
// set aside (audit.log.torn-TIME) and the log goes on from the one before.
func Open(dir, keyDir string) (*Log, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	key, err := loadKey(filepath.Join(keyDir, keyName))
	if err != nil {
		return nil, err
	}
	logPath := filepath.Join(dir, logName)
	if err := finishExpiry(dir); err != nil {
		return nil, err
	}
	about := map[string][][3]int64{}
	seq, head, err := verify(dir, key, indexInto(about))
	var torn *tornError
	if errors.As(err, &torn) {
		// A crash cut the last entry short: keep its bytes beside the
		// log, and go on from the last whole entry.
		err = saveTorn(logPath, torn.at)
	}
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	cp, err := os.OpenFile(filepath.Join(dir, checkpointName), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		f.Close()
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		cp.Close()
		return nil, err
	}
	return &Log{f: f, cp: cp, key: key, seq: seq, head: head, about: about, size: st.Size(), dir: dir}, nil
}

// indexInto returns a function that indexes entries about documents.
func indexInto(about map[string][][3]int64) func(e Entry, file int, at, n int64) {
	return func(e Entry, file int, at, n int64) {
		if k := aboutKey(e.Object); k != "" {
			about[k] = append(about[k], [3]int64{int64(file), at, n})
		}
	}
}

// aboutKey is the document an entry is about, for the index: its id,
// without a page's "#n"; "" for any other object (a query, a user).
func aboutKey(object string) string {
	k, _, _ := strings.Cut(object, "#")
	if _, err := vanthu.ParseRef(k); err != nil {
		return ""
	}
	return k
}

func loadKey(path string) ([]byte, error) {
	key, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, key, 0o600); err != nil {
			return nil, err
		}
		return key, nil
	}
	if err == nil && len(key) < 16 {
		return nil, fmt.Errorf("audit: the key %s is too short", path)
	}
	return key, err
}

// Append writes one entry: its sequence number, time (now, if zero), the
// previous entry's hash and its HMAC are filled in.
func (l *Log) Append(e Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	e.Seq, e.Prev, e.MAC = l.seq, l.head, ""
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	e.MAC = mac(l.key, e)
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	if _, err := l.f.Write(line); err != nil {
		return err
	}
	if k := aboutKey(e.Object); k != "" {
		l.about[k] = append(l.about[k], [3]int64{inLog, l.size, int64(len(line))})
	}
	l.size += int64(len(line))
	l.head = hash(line)
	if l.dirty++; l.dirty >= CheckpointEvery {
		return l.checkpoint()
	}
	return nil
}

// checkpoint syncs the log and records its count and head; l.mu is held.
func (l *Log) checkpoint() error {
	if err := l.f.Sync(); err != nil {
		return err
	}
	l.dirty = 0
	b, _ := json.Marshal(map[string]any{"count": l.seq, "head": l.head, "time": time.Now().UTC()})
	if _, err := l.cp.Write(append(b, '\n')); err != nil {
		return err
	}
	return l.cp.Sync()
}

// Close writes a last checkpoint and closes the log.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var err error
	if l.dirty > 0 {
		err = l.checkpoint()
	}
	return errors.Join(err, l.f.Close(), l.cp.Close())
}

// Verify walks the audit log in dir with the key in keyDir and returns
// the number of entries, or an error naming the first bad one: an entry
// edited (its HMAC fails), reordered, inserted or removed (its sequence
// number or the previous hash does not follow), or a log shorter than a
// checkpoint says, or whose entry at a checkpoint has another hash.
func Verify(dir, keyDir string) (uint64, error) {
	key, err := os.ReadFile(filepath.Join(keyDir, keyName))
	if err != nil {
		return 0, fmt.Errorf("audit: the key: %w", err)
	}
	if err := finishExpiry(dir); err != nil {
		return 0, err
	}
	n, _, err := verify(dir, key, nil)
	return n, err
}

// verify walks the log in dir, calling each (if not nil) with every whole
// entry, the file it is in, its offset and its length. A log whose first
// entry is an ActionExpired one starts from the entry that entry replaces,
// and documents.log must be what it says.
func verify(dir string, key []byte, each func(e Entry, file int, at, n int64)) (uint64, string, error) {
	logPath, cpPath := filepath.Join(dir, logName), filepath.Join(dir, checkpointName)
	heads := map[uint64]string{} // hash after each entry, at checkpoints
	var last uint64
	if b, err := os.ReadFile(cpPath); err == nil {
		for i, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			if len(line) == 0 {
				continue
			}
			var c struct {
				Count uint64
				Head  string
			}
			if err := json.Unmarshal(line, &c); err != nil {
				return 0, "", fmt.Errorf("audit: checkpoint %d is damaged", i+1)
			}
			heads[c.Count], last = c.Head, max(last, c.Count)
		}
	}
	f, err := os.Open(logPath)
	if errors.Is(err, os.ErrNotExist) {
		if last > 0 {
			return 0, "", fmt.Errorf("audit: the log is missing, but a checkpoint counts %d entries", last)
		}
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var seq uint64
	var offset int64
	head := ""
	for {
		line, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			if len(line) > 0 {
				return seq, head, &tornError{seq + 1, offset}
			}
			break
		}
		offset += int64(len(line))
		if err != nil {
			return seq, head, err
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			return seq, head, fmt.Errorf("audit: entry %d (line %d) is not an entry: %v", seq+1, seq+1, err)
		}
		if offset == int64(len(line)) && e.Action == ActionExpired {
			// The older entries passed their retention: this one stands
			// for them, and names what documents.log must hold.
			if !hmac.Equal([]byte(e.MAC), []byte(mac(key, e))) || e.Seq == 0 || e.Head == "" {
				return 0, "", fmt.Errorf("audit: the first entry (for entries 1 to %d, expired) was changed (its HMAC fails)", e.Seq)
			}
			if err := verifyDocs(dir, key, e, each); err != nil {
				return 0, "", err
			}
			seq, head = e.Seq, e.Head
			if each != nil {
				each(e, inLog, 0, int64(len(line)))
			}
			continue
		}
		if seq == 0 {
			if _, err := os.Stat(filepath.Join(dir, docsName)); err == nil {
				return 0, "", fmt.Errorf("audit: %s is there, but the log does not start with the entry that accounts for it: entries removed from its start", docsName)
			}
		}
		switch {
		case e.Seq != seq+1:
			return seq, head, fmt.Errorf("audit: line %d holds entry %d where entry %d belongs: entries removed, inserted or reordered", seq+1, e.Seq, seq+1)
		case e.Prev != head:
			return seq, head, fmt.Errorf("audit: entry %d does not follow entry %d (the previous hash differs)", e.Seq, seq)
		case !hmac.Equal([]byte(e.MAC), []byte(mac(key, e))):
			return seq, head, fmt.Errorf("audit: entry %d was changed (its HMAC fails)", e.Seq)
		}
		if each != nil {
			each(e, inLog, offset-int64(len(line)), int64(len(line)))
		}
		seq, head = e.Seq, hash(line)
		if want, ok := heads[seq]; ok && want != head {
			return seq, head, fmt.Errorf("audit: entry %d differs from the checkpoint of it", seq)
		}
	}
	if seq < last {
		return seq, head, fmt.Errorf("audit: the log ends at entry %d, but a checkpoint counts %d: entries removed from its end", seq, last)
	}
	return seq, head, nil
}

// tornError is a log whose last entry was cut short (a crash while it was
// written), at byte at.
type tornError struct {
	seq uint64
	at  int64
}

func (e *tornError) Error() string { return fmt.Sprintf("audit: entry %d is cut short", e.seq) }

// saveTorn moves the log's bytes from at on to a file beside it
// (audit.log.torn-TIME) and cuts the log there.
func saveTorn(logPath string, at int64) error {
	b, err := os.ReadFile(logPath)
	if err != nil || int64(len(b)) < at {
		return fmt.Errorf("audit: cannot set the torn entry aside: %v", err)
	}
	side := fmt.Sprintf("%s.torn-%d", logPath, time.Now().UnixNano())
	if err := os.WriteFile(side, b[at:], 0o600); err != nil {
		return err
	}
	return os.Truncate(logPath, at)
}

// Read calls f for each entry of the log in dir, oldest first: the
// entries about documents kept past the log's retention, then the log.
func Read(dir string, f func(Entry) error) error {
	for _, name := range []string{docsName, logName} {
		if err := readFile(filepath.Join(dir, name), f); err != nil {
			return err
		}
	}
	return nil
}

func readFile(path string, f func(Entry) error) error {
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		if err := f(e); err != nil {
			return err
		}
	}
	return sc.Err()
}

// About returns the entries about object (a document's id: its pages'
// too), oldest first.
func (l *Log) About(object string) ([]Entry, error) {
	l.mu.Lock() // Expire may rewrite the files
	defer l.mu.Unlock()
	spans := l.about[aboutKey(object)]
	if len(spans) == 0 {
		return nil, nil
	}
	var files [2]*os.File
	for i, name := range []string{logName, docsName} {
		f, err := os.Open(filepath.Join(l.dir, name))
		if err == nil {
			defer f.Close()
			files[i] = f
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	out := make([]Entry, 0, len(spans))
	for _, sp := range spans {
		f := files[sp[0]]
		if f == nil {
			return out, fmt.Errorf("audit: %s is missing", docsName)
		}
		line := make([]byte, sp[2])
		if _, err := f.ReadAt(line, sp[1]); err != nil {
			return out, err
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

func mac(key []byte, e Entry) string {
	e.MAC = ""
	b, _ := json.Marshal(e)
	m := hmac.New(sha256.New, key)
	m.Write(b)
	return hex.EncodeToString(m.Sum(nil))
}

func hash(line []byte) string {
	sum := sha256.Sum256(line)
	return hex.EncodeToString(sum[:])
}
