package memo_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/vanthu/vanthu/internal/memo"
)

// TestConcurrent looks keys up in one memo from several goroutines, past
// its bound, while it grows and is published again: each gets f's
// result. (go test -race checks that no published map is written.)
func TestConcurrent(t *testing.T) {
	m := memo.New(1<<12, strings.ToUpper)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 1<<13 + 1000 {
				key := fmt.Sprintf("t%d", (i*(g+1))%(1<<13+500))
				got, want := m.Get([]byte(key)), strings.ToUpper(key)
				if i%2 == 1 {
					got = m.GetString(key)
				}
				if got != want {
					t.Errorf("memo of %q: %q, want %q", key, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestBound: a memo asked more keys than its bound holds no more than
// that, and still answers, the keys it dropped too.
func TestBound(t *testing.T) {
	calls := 0
	m := memo.New(100, func(s string) int { calls++; return len(s) })
	for i := range 1000 {
		if got := m.GetString(strings.Repeat("x", i)); got != i {
			t.Fatalf("memo of %d x: %d", i, got)
		}
		if m.Len() > 100 {
			t.Fatalf("%d keys held, bound 100", m.Len())
		}
	}
	if m.GetString("xx") != 2 || m.GetString("xx") != 2 {
		t.Fatal("a dropped key is not answered again")
	}
	before := calls
	m.GetString("xx")
	if calls != before {
		t.Fatalf("a key asked again calls f again (%d calls, %d before)", calls, before)
	}
}

// BenchmarkGet reads a memo of a page's worth of keys from every core.
func BenchmarkGet(b *testing.B) {
	keys := [][]byte{}
	for i := range 500 {
		keys = append(keys, fmt.Appendf(nil, "âm tiết %d", i%300))
	}
	m := memo.New(1<<17, strings.ToUpper)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, k := range keys {
				m.Get(k)
			}
		}
	})
}
