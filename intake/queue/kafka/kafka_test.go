package kafka_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/queue/kafka"
	"github.com/vanthu/vanthu/intake/queue/kafka/kafkatest"
	"github.com/vanthu/vanthu/intake/queue/queuetest"
)

func open(t *testing.T, brokers []string, topics ...kafka.Topic) *kafka.Queue {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg := kafka.DefaultConfig(brokers...)
	cfg.MaxDeliveries = 4
	q, err := kafka.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	if err := q.CreateTopics(ctx, topics...); err != nil {
		t.Fatal(err)
	}
	return q
}

func TestConformance(t *testing.T) {
	brokers := kafkatest.Start(t)
	queuetest.Run(t, func(t *testing.T, topic, group string) queue.Queue {
		return open(t, brokers, kafka.Topic{Name: topic, Partitions: 3})
	})
}

func TestPoisonMessageGoesToDeadLetter(t *testing.T) {
	brokers := kafkatest.Start(t)
	q := open(t, brokers, kafka.Topic{Name: "work", Partitions: 1}, kafka.Topic{Name: queue.DeadLetter, Partitions: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, v := range []string{"good-1", "poison", "good-2"} {
		if err := q.Publish(ctx, "work", "k", []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	got := make(chan string, 10)
	cctx, ccancel := context.WithCancel(ctx)
	defer ccancel()
	go q.Consume(cctx, "work", "g", func(_ context.Context, m queue.Message) error {
		if string(m.Value) == "poison" {
			return errors.New("cannot parse this")
		}
		got <- string(m.Value)
		return nil
	})
	for _, want := range []string{"good-1", "good-2"} {
		select {
		case v := <-got:
			if v != want {
				t.Fatalf("got %q, want %q: the partition did not move on in order", v, want)
			}
		case <-ctx.Done():
			t.Fatalf("%s never arrived: a poison message stopped the partition", want)
		}
	}
	dead := make(chan queue.Dead, 1)
	go q.Consume(cctx, queue.DeadLetter, "inspect", func(_ context.Context, m queue.Message) error {
		var d queue.Dead
		if err := json.Unmarshal(m.Value, &d); err != nil {
			t.Error(err)
		}
		dead <- d
		return nil
	})
	select {
	case d := <-dead:
		if string(d.Value) != "poison" || d.Topic != "work" || !strings.Contains(d.Reason, "cannot parse this") {
			t.Fatalf("dead letter holds %+v", d)
		}
	case <-ctx.Done():
		t.Fatal("the poison message never reached the dead-letter topic")
	}
}

func TestReplayReadsTheWholeLog(t *testing.T) {
	brokers := kafkatest.Start(t)
	q := open(t, brokers, kafka.Topic{Name: "log", Partitions: 3})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for i := range 30 {
		if err := q.Publish(ctx, "log", fmt.Sprint(i), []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	for round := range 2 { // replay twice: it neither consumes nor commits
		seen := map[string]bool{}
		err := q.Replay(ctx, "log", func(_ context.Context, m queue.Message) error {
			seen[string(m.Value)] = true
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != 30 {
			t.Fatalf("replay %d saw %d of 30 messages", round+1, len(seen))
		}
	}
}
