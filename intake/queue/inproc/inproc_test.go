package inproc

import (
	"testing"

	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/queue/queuetest"
)

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(t *testing.T, topic, group string) queue.Queue {
		q := New(64)
		q.Subscribe(topic, group)
		t.Cleanup(func() { q.Close() })
		return q
	})
}
