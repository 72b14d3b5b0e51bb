package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/search"
)

// crashRounds is how many times the test kills the server; make soak sets
// VANTHU_CRASH_ROUNDS higher.
func crashRounds() int {
	if n, err := strconv.Atoi(os.Getenv("VANTHU_CRASH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 3
}

// variants makes n different scans of one page: the same text, one pixel
// changed, so each has its own sha256.
func variants(t *testing.T, n int) [][]byte {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(scanFile(t, "congvan.png")))
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	for y := 0; y < g.Bounds().Dy(); y++ {
		for x := 0; x < g.Bounds().Dx(); x++ {
			g.Set(x, y, img.At(x, y))
		}
	}
	out := make([][]byte, n)
	for i := range out {
		g.SetGray(i%g.Bounds().Dx(), 0, color.Gray{uint8(i % 200)})
		var b bytes.Buffer
		if err := png.Encode(&b, g); err != nil {
			t.Fatal(err)
		}
		out[i] = b.Bytes()
	}
	return out
}

// post uploads one file with a bounded wait; ok means acknowledged (202).
func post(base string, name string, data []byte) bool {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	part, _ := mw.CreateFormFile("file", name)
	part.Write(data)
	mw.Close()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Post(base+"/api/v1/documents", mw.FormDataContentType(), &body)
	if err != nil {
		return false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == http.StatusAccepted
}

// The server is killed (SIGKILL) at random points while documents flow and
// restarted; in the end every acknowledged document is indexed exactly once
// and its archive copy is byte-identical to what was sent.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	rounds := crashRounds()
	docs := variants(t, 6*rounds)
	rng := rand.New(rand.NewPCG(uint64(rounds), 7))
	data := t.TempDir()
	acked := map[vanthu.Ref][]byte{}
	next := 0
	for round := range rounds {
		s := startServer(t, data)
		var mu sync.Mutex
		done := make(chan struct{})
		pause := rand.New(rand.NewPCG(uint64(round), 11))
		go func() { // uploads flow until the kill; one cut short is sent again
			defer close(done)
			for ; next < len(docs); next++ {
				time.Sleep(time.Duration(50+pause.IntN(250)) * time.Millisecond)
				if !post(s.base, fmt.Sprintf("round%d-%d.png", round, next), docs[next]) {
					return
				}
				mu.Lock()
				acked[vanthu.RefOf(docs[next])] = docs[next]
				mu.Unlock()
			}
		}()
		time.Sleep(time.Duration(200+rng.IntN(1500)) * time.Millisecond)
		s.kill()
		<-done
		t.Logf("round %d: killed with %d documents acknowledged", round+1, len(acked))
	}
	// A last start with no kill: everything acknowledged gets indexed.
	s := startServer(t, data)
	for ; next < len(docs); next++ {
		if post(s.base, fmt.Sprintf("final-%d.png", next), docs[next]) {
			acked[vanthu.RefOf(docs[next])] = docs[next]
		}
	}
	for id, sent := range acked {
		d := s.waitIndexed(t, id)
		if d.Status != vanthu.Indexed {
			t.Errorf("%s: status %s", id.Short(), d.Status)
		}
		resp, err := http.Get(s.base + "/api/v1/documents/" + string(id) + "/original")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Equal(got, sent) {
			t.Errorf("%s: archive copy differs from what was sent", id.Short())
		}
	}
	// Exactly once: the index holds each document once, and nothing the
	// server did not acknowledge beyond what it registered.
	var all search.Result
	s.getJSON(t, "/api/v1/search?size=100", &all)
	seen := map[vanthu.Ref]int{}
	for _, h := range all.Hits {
		seen[h.ID]++
	}
	for id := range acked {
		if seen[id] != 1 {
			t.Errorf("%s indexed %d times, want once", id.Short(), seen[id])
		}
	}
	if int(all.Total) < len(acked) || int(all.Total) > len(docs) {
		t.Errorf("index holds %d documents; %d acknowledged of %d sent", all.Total, len(acked), len(docs))
	}
	t.Logf("%d rounds, %d documents acknowledged, %d indexed, none lost or duplicated", rounds, len(acked), all.Total)
}
