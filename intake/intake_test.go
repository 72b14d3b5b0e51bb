package intake

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/intake/registry"
)

func newReceiver(t *testing.T) (*Receiver, []vanthu.Document) {
	t.Helper()
	dir := t.TempDir()
	bs, err := blob.Open(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registry.Open(filepath.Join(dir, "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	r := &Receiver{Blobs: bs, Registry: reg, Limits: DefaultLimits(), Quarantine: filepath.Join(dir, "quarantine")}
	return r, nil
}

func scan(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../testdata/scans", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReceiveAcceptsOnceAndKeepsBytes(t *testing.T) {
	r, _ := newReceiver(t)
	var queued []vanthu.Ref
	r.Enqueue = func(_ context.Context, d vanthu.Document) error { queued = append(queued, d.ID); return nil }
	pdf := scan(t, "congvan-2p.pdf")
	rc, err := r.Receive(context.Background(), "../../etc/Công văn 45.pdf", "", bytes.NewReader(pdf))
	if err != nil || rc.Duplicate {
		t.Fatalf("Receive = %+v, %v", rc, err)
	}
	d := rc.Document
	if d.ID != vanthu.RefOf(pdf) || d.Format != vanthu.PDF || d.Status != vanthu.Received || d.FileName != "Công văn 45.pdf" || d.SentName != "../../etc/Công văn 45.pdf" {
		t.Errorf("record = %+v", d)
	}
	stored, err := r.Blobs.ReadAll(d.ID)
	if err != nil || !bytes.Equal(stored, pdf) {
		t.Fatalf("archive copy differs from what was sent (%v)", err)
	}
	// The same bytes again, under another name: one record, a duplicate.
	rc2, err := r.Receive(context.Background(), "rescan.pdf", "", bytes.NewReader(pdf))
	if err != nil || !rc2.Duplicate || rc2.Document.FileName != "Công văn 45.pdf" {
		t.Fatalf("second Receive = %+v, %v; want the first record marked duplicate", rc2, err)
	}
	if len(queued) != 1 {
		t.Errorf("enqueued %d times, want once", len(queued))
	}
}

// pngHeader is a PNG whose header claims w×h pixels: a decompression bomb
// that must be refused before any decoding.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := append([]byte(typ), data...)
		b.Write(c)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

func TestReceiveRefusesWithReason(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		code string
		say  string
	}{
		{"empty.pdf", nil, CodeEmpty, "empty"},
		{"letter.pdf", []byte("PK\x03\x04 a docx in disguise"), CodeUnsupported, "ZIP archive"},
		{"notes.jpg", []byte("Kính gửi: Sở Nội vụ"), CodeUnsupported, "text"},
		{"bomb.png", pngHeader(30000, 30000), CodeTooManyPix, "30000×30000"},
		{"cut.tif", scan(t, "congvan-2p.tif")[:20], CodeCorrupt, "corrupt"},
	}
	for _, tt := range tests {
		r, _ := newReceiver(t)
		_, err := r.Receive(context.Background(), tt.name, "", bytes.NewReader(tt.data))
		ref, ok := AsRefusal(err)
		if !ok || vanthu.KindOf(err) != vanthu.Invalid {
			t.Errorf("%s: err = %v, want a refusal", tt.name, err)
			continue
		}
		if ref.Code != tt.code || !strings.Contains(ref.Message, tt.say) || ref.MessageVI == "" {
			t.Errorf("%s: refusal %+v; want code %s saying %q, in Vietnamese too", tt.name, ref, tt.code, tt.say)
		}
		// Kept in quarantine with a sidecar; not registered.
		sides, _ := filepath.Glob(filepath.Join(r.Quarantine, "*", "reason.json"))
		if len(sides) != 1 {
			t.Errorf("%s: %d quarantine sidecars, want 1", tt.name, len(sides))
			continue
		}
		var side map[string]any
		b, _ := os.ReadFile(sides[0])
		json.Unmarshal(b, &side)
		if side["code"] != tt.code || side["message_vi"] == "" {
			t.Errorf("%s: sidecar %s", tt.name, b)
		}
		kept, _ := os.ReadFile(filepath.Join(filepath.Dir(sides[0]), tt.name))
		if !bytes.Equal(kept, tt.data) {
			t.Errorf("%s: quarantined copy differs from the file", tt.name)
		}
		if n, _ := r.Registry.Count(); len(n) != 0 {
			t.Errorf("%s: a refused file was registered: %v", tt.name, n)
		}
	}
}

func TestReceiveRefusesOversize(t *testing.T) {
	r, _ := newReceiver(t)
	r.Limits.MaxFileSize = 1000
	_, err := r.Receive(context.Background(), "big.pdf", "", bytes.NewReader(scan(t, "congvan-2p.pdf")))
	if ref, ok := AsRefusal(err); !ok || ref.Code != CodeTooLarge {
		t.Fatalf("err = %v, want %s", err, CodeTooLarge)
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"../../etc/passwd", "passwd"},
		{`C:\scans\QĐ 45.pdf`, "QĐ 45.pdf"},
		{norm.NFD.String("Quyết định.pdf"), "Quyết định.pdf"},
		{"bad\x00name\r\n.pdf", "badname.pdf"},
		{"..", "unnamed"}, {"", "unnamed"},
		{"<script>alert(1)</script>.pdf", "script>.pdf"},
	}
	for _, tt := range tests {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := SafeFileName("..."); got != "unnamed" {
		t.Errorf("SafeFileName(...) = %q", got)
	}
}

func TestDropFolderTakesOnlyCompleteFiles(t *testing.T) {
	r, _ := newReceiver(t)
	inbox := t.TempDir()
	df := &DropFolder{Dir: inbox, Receiver: r, Events: NewEvents(10), Settle: time.Second}
	ctx := context.Background()
	pdf := scan(t, "congvan-2p.pdf")
	os.MkdirAll(filepath.Join(inbox, "batch 1"), 0o755)
	done := filepath.Join(inbox, "batch 1", "công văn.pdf")
	os.WriteFile(done, pdf, 0o644)
	writing := filepath.Join(inbox, "incoming.pdf.part")
	os.WriteFile(writing, pdf[:1000], 0o644)

	t0 := time.Now().Add(5 * time.Second)
	df.Scan(ctx, t0) // first sight: not yet
	if _, err := os.Stat(done); err != nil {
		t.Fatal("a file was taken on first sight, before it was seen to be stable")
	}
	df.Scan(ctx, t0.Add(2*time.Second))
	if _, err := os.Stat(done); err == nil {
		t.Fatal("a stable, complete file in a sub-folder was not taken")
	}
	if _, err := os.Stat(writing); err != nil {
		t.Fatal("a .part file was taken")
	}
	if _, err := r.Registry.Get(vanthu.RefOf(pdf)); err != nil {
		t.Fatalf("taken file not registered: %v", err)
	}
	// The same bytes dropped again: one record, reported as a duplicate.
	os.WriteFile(filepath.Join(inbox, "again.pdf"), pdf, 0o644)
	df.Scan(ctx, t0.Add(3*time.Second))
	df.Scan(ctx, t0.Add(5*time.Second))
	ev := df.Events.Recent()
	if len(ev) != 2 || ev[0].Outcome != "duplicate" || ev[1].Outcome != "accepted" {
		t.Fatalf("events = %+v; want accepted, then duplicate", ev)
	}
}

// A scanner batch of many files at once, in sub-folders, is taken whole,
// each once, with bounded memory: files stream through, one at a time.
func TestDropFolderBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("many files")
	}
	r, _ := newReceiver(t)
	inbox := t.TempDir()
	const n = 400
	for i := range n {
		dir := filepath.Join(inbox, fmt.Sprintf("batch-%d", i%7))
		os.MkdirAll(dir, 0o755)
		g := image.NewGray(image.Rect(0, 0, 64, 64))
		g.Pix[i%len(g.Pix)] = uint8(1 + i%250) // each file its own bytes
		var b bytes.Buffer
		png.Encode(&b, g)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("trang-%03d.png", i)), b.Bytes(), 0o644)
	}
	df := &DropFolder{Dir: inbox, Receiver: r, Events: NewEvents(n), Settle: time.Second}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now().Add(5 * time.Second)
	df.Scan(context.Background(), t0)
	df.Scan(context.Background(), t0.Add(2*time.Second))
	runtime.GC()
	runtime.ReadMemStats(&after)
	counts, _ := r.Registry.Count()
	if counts[vanthu.Received] != n {
		t.Errorf("%d of %d files registered", counts[vanthu.Received], n)
	}
	left := 0
	filepath.WalkDir(inbox, func(_ string, e fs.DirEntry, _ error) error {
		if e != nil && !e.IsDir() {
			left++
		}
		return nil
	})
	if left != 0 {
		t.Errorf("%d files left in the inbox", left)
	}
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 32<<20 {
		t.Errorf("heap grew by %d MB taking %d files", grew>>20, n)
	}
}
