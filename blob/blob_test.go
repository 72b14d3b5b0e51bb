package blob

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestPutIsContentAddressed(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	data := []byte("Cộng hòa xã hội chủ nghĩa Việt Nam")
	ref, n, err := s.Put(ctx, bytes.NewReader(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	if ref != vanthu.RefOf(data) || n != int64(len(data)) {
		t.Fatalf("Put = %s, %d; want %s, %d", ref, n, vanthu.RefOf(data), len(data))
	}
	again, _, err := s.Put(ctx, bytes.NewReader(data), 0)
	if err != nil || again != ref {
		t.Fatalf("second Put = %s, %v; want %s", again, err, ref)
	}
	got, err := s.ReadAll(ref)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("ReadAll = %q, %v", got, err)
	}
	if err := s.Verify(ref); err != nil {
		t.Fatal(err)
	}
	// Nothing is left behind in the temporary folder.
	left, _ := os.ReadDir(s.dir + "/tmp")
	if len(left) != 0 {
		t.Errorf("tmp holds %d files after Put", len(left))
	}
}

func TestPutRefusesOversize(t *testing.T) {
	s, _ := Open(t.TempDir())
	_, _, err := s.Put(context.Background(), strings.NewReader(strings.Repeat("x", 101)), 100)
	if vanthu.KindOf(err) != vanthu.Invalid {
		t.Fatalf("Put of 101 bytes with max 100: err = %v, want Invalid", err)
	}
	if ref, _, err := s.Put(context.Background(), strings.NewReader(strings.Repeat("x", 100)), 100); err != nil || ref == "" {
		t.Fatalf("Put of exactly max bytes: %v", err)
	}
}

func TestOpenMissing(t *testing.T) {
	s, _ := Open(t.TempDir())
	_, err := s.Open(vanthu.RefOf([]byte("absent")))
	if vanthu.KindOf(err) != vanthu.NotExist {
		t.Fatalf("Open(missing) err = %v, want NotExist", err)
	}
	if _, err := s.Open("../../etc/passwd"); vanthu.KindOf(err) != vanthu.Invalid {
		t.Fatalf("Open(path) err = %v, want Invalid", err)
	}
}

func TestVerifyDetectsCorruption(t *testing.T) {
	s, _ := Open(t.TempDir())
	ref, _ := s.PutBytes(context.Background(), []byte("original"))
	p := s.Path(ref)
	os.Chmod(p, 0o640)
	if err := os.WriteFile(p, []byte("tampered"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ref); vanthu.KindOf(err) != vanthu.Invalid {
		t.Fatalf("Verify of tampered blob: %v", err)
	}
}

func TestConcurrentPutsOfSameBytes(t *testing.T) {
	s, _ := Open(t.TempDir())
	data := bytes.Repeat([]byte("trang "), 10000)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := s.Put(context.Background(), bytes.NewReader(data), 0)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Verify(vanthu.RefOf(data)); err != nil {
		t.Fatal(err)
	}
}
