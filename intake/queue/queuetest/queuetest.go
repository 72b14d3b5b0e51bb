// Package queuetest is the conformance suite every transport runs.
package queuetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/vanthu/vanthu/intake/queue"
)

// Factory returns a fresh queue on which topic exists with group subscribed,
// and a cleanup.
type Factory func(t *testing.T, topic, group string) queue.Queue

// Run runs the suite.
func Run(t *testing.T, newQueue Factory) {
	t.Run("DeliversEveryMessage", func(t *testing.T) { deliversAll(t, newQueue) })
	t.Run("AcknowledgedAreNotDeliveredAgain", func(t *testing.T) { acknowledged(t, newQueue) })
	t.Run("RedeliversUnacknowledged", func(t *testing.T) { redelivers(t, newQueue) })
	t.Run("ConsumeStopsWithContext", func(t *testing.T) { stops(t, newQueue) })
}

const wait = 30 * time.Second

// deliversAll: three members join at once and share 200 messages; each is
// delivered. While members join, a transport may deliver a message twice
// (at least once); the count is logged.
func deliversAll(t *testing.T, newQueue Factory) {
	q := newQueue(t, "t-once", "g")
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	const n = 200
	var (
		mu   sync.Mutex
		seen = map[string]int{}
		done = make(chan struct{})
	)
	h := func(_ context.Context, m queue.Message) error {
		mu.Lock()
		defer mu.Unlock()
		seen[string(m.Value)]++
		if len(seen) == n {
			select {
			case <-done:
			default:
				close(done)
			}
		}
		return nil
	}
	cctx, ccancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 3 { // three members of one group
		wg.Add(1)
		go func() { defer wg.Done(); q.Consume(cctx, "t-once", "g", h) }()
	}
	go func() {
		for i := range n {
			if err := q.Publish(ctx, "t-once", fmt.Sprint(i%7), []byte(fmt.Sprint(i))); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("only %d of %d messages delivered", len(seen), n)
	}
	time.Sleep(200 * time.Millisecond) // room for a duplicate to show
	ccancel()
	wg.Wait()
	dups := 0
	for _, c := range seen {
		dups += c - 1
	}
	t.Logf("%d of %d messages delivered twice while the group formed", dups, n)
}

// acknowledged: with steady membership, a member that leaves after
// acknowledging some messages hands on exactly the rest.
func acknowledged(t *testing.T, newQueue Factory) {
	q := newQueue(t, "t-ack", "g")
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	const n = 20
	for i := range n {
		if err := q.Publish(ctx, "t-ack", fmt.Sprint(i), []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]int{}
	first, stop := context.WithCancel(ctx)
	handled := 0
	q.Consume(first, "t-ack", "g", func(_ context.Context, m queue.Message) error {
		seen[string(m.Value)]++
		if handled++; handled == n/2 {
			stop()
		}
		return nil
	})
	second, stop2 := context.WithCancel(ctx)
	defer stop2()
	if len(seen) == n {
		t.Fatalf("a member whose context was cancelled after %d messages went on to handle all %d", n/2, n)
	}
	q.Consume(second, "t-ack", "g", func(_ context.Context, m queue.Message) error {
		seen[string(m.Value)]++
		if len(seen) == n {
			time.AfterFunc(300*time.Millisecond, stop2) // room for a duplicate to show
		}
		return nil
	})
	if len(seen) != n {
		t.Fatalf("%d of %d messages delivered", len(seen), n)
	}
	for v, c := range seen {
		if c != 1 {
			t.Errorf("message %s delivered %d times", v, c)
		}
	}
}

func redelivers(t *testing.T, newQueue Factory) {
	q := newQueue(t, "t-redeliver", "g")
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := q.Publish(ctx, "t-redeliver", "k", []byte("poison-once")); err != nil {
		t.Fatal(err)
	}
	attempts := 0
	got := make(chan struct{})
	cctx, ccancel := context.WithCancel(ctx)
	defer ccancel()
	go q.Consume(cctx, "t-redeliver", "g", func(_ context.Context, m queue.Message) error {
		attempts++
		if attempts < 3 {
			return errors.New("not yet")
		}
		close(got)
		return nil
	})
	select {
	case <-got:
	case <-ctx.Done():
		t.Fatalf("a rejected message was not delivered again (%d attempts)", attempts)
	}
}

func stops(t *testing.T, newQueue Factory) {
	q := newQueue(t, "t-stop", "g")
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		errc <- q.Consume(ctx, "t-stop", "g", func(context.Context, queue.Message) error { return nil })
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Consume returned %v, want context.Canceled", err)
		}
	case <-time.After(wait):
		t.Fatal("Consume did not return after its context was cancelled")
	}
}
