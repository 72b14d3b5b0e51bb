package audit

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu/internal/durable"
)

// ActionExpired is the action of the entry that stands, at the start of a
// log, for the entries removed when their retention ended.
const ActionExpired = "expired"

// Files of an expiry in progress: the new log and documents.log, and the
// mark that both are whole and are to replace the old ones.
const (
	newSuffix  = ".new"
	commitName = "expire.commit"
)

// Expiry is what Expire removed.
type Expiry struct {
	Before  time.Time
	Removed int // entries removed from the log
	Kept    int // of them, entries about documents, moved to documents.log
}

// Expire applies the log's retention: the entries older than before, at
// the start of the log, leave it, never silently. Those about a document
// (a view, a download, a correction, an assignment) are its history and are
// moved, as they are, to documents.log, kept as long as the documents are;
// the others (logins, searches, user changes) are removed. In their place
// the log starts with one ActionExpired entry, HMAC-keyed like the others,
// holding the hash of the last entry removed, so the chain goes on, and the
// number of lines and hash of documents.log, so nothing there can be
// removed or changed unseen either. The new files are written whole before
// either replaces an old one; a crash between the two replacements is
// finished by the next Open or Verify.
func (l *Log) Expire(before time.Time) (Expiry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ex := Expiry{Before: before}
	if err := l.f.Sync(); err != nil {
		return ex, err
	}
	logPath, docsPath := filepath.Join(l.dir, logName), filepath.Join(l.dir, docsName)
	src, err := os.Open(logPath)
	if err != nil {
		return ex, err
	}
	defer src.Close()

	// Until the commit mark is written, the new files are scratch; after
	// it they are the log, and the next Open finishes what is left.
	committed := false
	scratch := func(f *os.File) {
		f.Close()
		if !committed {
			os.Remove(f.Name())
		}
	}

	// The documents' entries so far, then those leaving the log.
	docs, err := os.OpenFile(docsPath+newSuffix, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return ex, err
	}
	defer scratch(docs)
	sum := sha256.New()
	w := io.MultiWriter(docs, sum)
	lines := 0
	if old, err := os.ReadFile(docsPath); err == nil {
		if _, err := w.Write(old); err != nil {
			return ex, err
		}
		lines = bytes.Count(old, []byte("\n"))
	} else if !errors.Is(err, os.ErrNotExist) {
		return ex, err
	}
	r := bufio.NewReader(src)
	var prefix int64
	var lastSeq uint64
	var lastHead string
	for {
		line, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return ex, err
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			return ex, fmt.Errorf("audit: expire: %w", err)
		}
		if prefix == 0 && e.Action == ActionExpired { // an earlier expiry's entry: the new one replaces it
			prefix += int64(len(line))
			lastSeq, lastHead = e.Seq, e.Head
			continue
		}
		if !e.Time.Before(before) {
			break
		}
		prefix += int64(len(line))
		if aboutKey(e.Object) != "" {
			if _, err := w.Write(line); err != nil {
				return ex, err
			}
			lines++
			ex.Kept++
		}
		ex.Removed++
		lastSeq, lastHead = e.Seq, hash(line)
	}
	if ex.Removed == 0 {
		return ex, nil
	}
	if err := docs.Sync(); err != nil {
		return ex, err
	}

	mark := Entry{Seq: lastSeq, Time: time.Now().UTC(), User: "vanthu", Action: ActionExpired, Object: logName,
		Outcome: fmt.Sprintf("%d entries before %s removed (retention); %d of them, about documents, kept in %s",
			ex.Removed, before.UTC().Format(time.RFC3339), ex.Kept, docsName),
		Head: lastHead, Kept: fmt.Sprintf("%d %s", lines, hex.EncodeToString(sum.Sum(nil)))}
	mark.MAC = mac(l.key, mark)
	first, err := json.Marshal(mark)
	if err != nil {
		return ex, err
	}
	next, err := os.OpenFile(logPath+newSuffix, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return ex, err
	}
	defer scratch(next)
	if _, err := next.Write(append(first, '\n')); err != nil {
		return ex, err
	}
	if _, err := src.Seek(prefix, io.SeekStart); err != nil {
		return ex, err
	}
	if _, err := io.Copy(next, src); err != nil {
		return ex, err
	}
	if err := next.Sync(); err != nil {
		return ex, err
	}
	// Both whole: mark them, then put them in place.
	if err := os.WriteFile(filepath.Join(l.dir, commitName), nil, 0o600); err != nil {
		return ex, err
	}
	if err := durable.SyncDir(l.dir); err != nil {
		return ex, err
	}
	committed = true
	if err := finishExpiry(l.dir); err != nil {
		return ex, err
	}

	// Go on appending to the new log, its documents' entries indexed anew.
	f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return ex, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return ex, err
	}
	about := map[string][][3]int64{}
	if _, _, err := verify(l.dir, l.key, indexInto(about)); err != nil {
		f.Close()
		return ex, err
	}
	l.f.Close()
	l.f, l.size, l.about = f, st.Size(), about
	return ex, nil
}

// finishExpiry completes an expiry a crash interrupted: once its commit
// mark is written, the new files replace the old; without the mark,
// partial new files are removed.
func finishExpiry(dir string) error {
	logPath, docsPath := filepath.Join(dir, logName), filepath.Join(dir, docsName)
	if _, err := os.Stat(filepath.Join(dir, commitName)); errors.Is(err, os.ErrNotExist) {
		os.Remove(logPath + newSuffix)
		os.Remove(docsPath + newSuffix)
		return nil
	}
	for _, p := range []string{docsPath, logPath} {
		if err := os.Rename(p+newSuffix, p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := durable.SyncDir(dir); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, commitName)); err != nil {
		return err
	}
	return durable.SyncDir(dir)
}

// verifyDocs checks documents.log against the ActionExpired entry mark:
// its number of lines and hash, and each entry's HMAC and order.
func verifyDocs(dir string, key []byte, mark Entry, each func(e Entry, file int, at, n int64)) error {
	count, sum, ok := strings.Cut(mark.Kept, " ")
	want, err := strconv.Atoi(count)
	if !ok || err != nil {
		return fmt.Errorf("audit: the expired entry's count of %s is malformed", docsName)
	}
	b, err := os.ReadFile(filepath.Join(dir, docsName))
	if errors.Is(err, os.ErrNotExist) && want == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("audit: %s: %w", docsName, err)
	}
	got := sha256.Sum256(b)
	if n := bytes.Count(b, []byte("\n")); n != want || hex.EncodeToString(got[:]) != sum {
		return fmt.Errorf("audit: %s holds %d entries, or other bytes, than the log's first entry says (%d): entries of documents' histories removed or changed", docsName, n, want)
	}
	var prev uint64
	var at int64
	for i, line := range bytes.SplitAfter(b, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil || !hmac.Equal([]byte(e.MAC), []byte(mac(key, e))) || e.Seq <= prev || e.Seq > mark.Seq {
			return fmt.Errorf("audit: %s line %d (entry %d) was changed or moved", docsName, i+1, e.Seq)
		}
		if each != nil {
			each(e, inDocs, at, int64(len(line)))
		}
		prev = e.Seq
		at += int64(len(line))
	}
	return nil
}
