// Package inproc is the in-process transport: one bounded channel per topic
// and group, in memory. It is the default for a single machine.
//
// It keeps nothing across restarts: the registry is the durable record, and
// the pipeline re-publishes unfinished work when it starts.
package inproc

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/vanthu/vanthu/intake/queue"
)

// Queue is an in-process transport. Each topic has a channel per consumer
// group; a message published to a topic goes to every group that has
// subscribed so far (groups are declared with Subscribe or on first
// Consume). A rejected message is delivered again after a short pause.
type Queue struct {
	capacity int

	mu     sync.Mutex
	topics map[string]map[string]chan queue.Message // topic → group → channel
	closed bool
}

var _ queue.Queue = (*Queue)(nil)

// ErrClosed is returned after Close.
var ErrClosed = errors.New("inproc: queue closed")

// New returns a queue whose channels hold capacity messages each.
func New(capacity int) *Queue {
	return &Queue{capacity: capacity, topics: make(map[string]map[string]chan queue.Message)}
}

// Subscribe declares group on topic, so that messages published from now on
// are kept for it even before it consumes.
func (q *Queue) Subscribe(topic, group string) {
	q.group(topic, group)
}

func (q *Queue) group(topic, group string) chan queue.Message {
	q.mu.Lock()
	defer q.mu.Unlock()
	gs := q.topics[topic]
	if gs == nil {
		gs = make(map[string]chan queue.Message)
		q.topics[topic] = gs
	}
	ch := gs[group]
	if ch == nil {
		ch = make(chan queue.Message, q.capacity)
		gs[group] = ch
	}
	return ch
}

// Publish hands the message to every group of the topic, blocking while a
// group's channel is full.
func (q *Queue) Publish(ctx context.Context, topic, key string, value []byte) error {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return ErrClosed
	}
	var chans []chan queue.Message
	for _, ch := range q.topics[topic] {
		chans = append(chans, ch)
	}
	q.mu.Unlock()
	m := queue.Message{Topic: topic, Key: key, Value: value}
	for _, ch := range chans {
		select {
		case ch <- m:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Consume runs h on the group's messages until ctx is done. A message h
// rejects is put back at the end of the channel after a pause.
func (q *Queue) Consume(ctx context.Context, topic, group string, h queue.Handler) error {
	ch := q.group(topic, group)
	for {
		if ctx.Err() != nil { // a done context takes nothing more
			return ctx.Err()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-ch:
			if err := h(ctx, m); err != nil {
				// Not acknowledged: deliver again, later.
				go func() {
					t := time.NewTimer(redeliverAfter)
					defer t.Stop()
					select {
					case <-t.C:
						select {
						case ch <- m:
						case <-ctx.Done():
						}
					case <-ctx.Done():
					}
				}()
			}
		}
	}
}

// redeliverAfter is the pause before a rejected message comes back.
var redeliverAfter = 100 * time.Millisecond

// Close stops publishing.
func (q *Queue) Close() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	return nil
}
