// Package kafkatest starts a real Kafka-protocol broker (franz-go's kfake)
// on loopback for tests.
package kafkatest

import (
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Start starts a one-broker cluster on 127.0.0.1 for the test's lifetime
// and returns its address. Group members may be presumed dead after one
// second of silence, so tests of a killed member run fast.
func Start(t testing.TB) []string {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.GroupMinSessionTimeout(time.Second))
	if err != nil {
		t.Fatalf("start kfake broker: %v", err)
	}
	t.Cleanup(c.Close)
	return c.ListenAddrs()
}
