// Package kafka is the Kafka transport: each topic is a Kafka topic, each
// group a Kafka consumer group (github.com/segmentio/kafka-go). It is the
// transport for offices whose pipeline spans several machines.
//
// Consumers fetch with FetchMessage and commit with CommitMessages only
// after the handler has returned nil, so a message is acknowledged after its
// output is safely produced, in order per partition. Each Consume call is one
// group member that handles one message at a time, with at most
// Config.Prefetch more fetched ahead: that bounds the messages in flight. A
// message the handler keeps rejecting goes, after Config.MaxDeliveries
// tries, to the dead-letter topic with the reason, and the partition moves
// on.
//
// This is the only package that imports kafka-go.
package kafka

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vanthu/vanthu/intake/queue"
)

// Config configures the transport.
type Config struct {
	Brokers []string
	// Prefetch is how many messages each consumer fetches ahead of the one
	// in hand.
	Prefetch int
	// MaxDeliveries is how often a message is handed to a handler that
	// rejects it before it goes to the dead-letter topic.
	MaxDeliveries int
	// DeadLetter is the dead-letter topic; empty means queue.DeadLetter.
	DeadLetter string
	// Group membership: a member silent for SessionTimeout is presumed dead
	// and its partitions go to the others.
	SessionTimeout    time.Duration
	HeartbeatInterval time.Duration
	RebalanceTimeout  time.Duration
	Log               *slog.Logger
}

// DefaultConfig returns the settings for brokers.
func DefaultConfig(brokers ...string) Config {
	return Config{
		Brokers:           brokers,
		Prefetch:          4,
		MaxDeliveries:     10,
		SessionTimeout:    10 * time.Second,
		HeartbeatInterval: time.Second,
		RebalanceTimeout:  10 * time.Second,
	}
}

// Topic is a topic to create.
type Topic struct {
	Name       string
	Partitions int
	// Replicas is the replication factor; 0 means 1.
	Replicas int
	// Configs are topic settings, such as cleanup.policy=compact.
	Configs map[string]string
}

// Queue is a Kafka transport. It is safe for concurrent use.
type Queue struct {
	cfg Config
	w   *kafka.Writer

	mu     sync.Mutex
	closed bool
}

var _ queue.Queue = (*Queue)(nil)

// ErrClosed is returned after Close.
var ErrClosed = errors.New("kafka: queue closed")

// Open connects to the cluster: it fails if no broker answers.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	if len(cfg.Brokers) == 0 {
		return nil, errors.New("kafka: no brokers")
	}
	if cfg.DeadLetter == "" {
		cfg.DeadLetter = queue.DeadLetter
	}
	if cfg.MaxDeliveries <= 0 {
		cfg.MaxDeliveries = 1
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	c, err := dial(ctx, cfg.Brokers)
	if err != nil {
		return nil, err
	}
	c.Close()
	return &Queue{cfg: cfg, w: &kafka.Writer{
		Addr:         kafka.TCP(cfg.Brokers...),
		Balancer:     &kafka.Hash{}, // one key, one partition: its order is kept
		RequiredAcks: kafka.RequireAll,
		BatchTimeout: 5 * time.Millisecond,
		MaxAttempts:  5,
		// A transport of its own: the shared default caches topic
		// metadata across queues, and would not see topics created since.
		Transport: &kafka.Transport{MetadataTTL: 5 * time.Second},
	}}, nil
}

func dial(ctx context.Context, brokers []string) (*kafka.Conn, error) {
	var errs []error
	for _, b := range brokers {
		c, err := (&kafka.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", b)
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("kafka: no broker answers: %w", errors.Join(errs...))
}

// CreateTopics creates the topics that do not exist yet. Existing topics
// are left as they are.
func (q *Queue) CreateTopics(ctx context.Context, topics ...Topic) error {
	c, err := dial(ctx, q.cfg.Brokers)
	if err != nil {
		return err
	}
	defer c.Close()
	ctl, err := c.Controller()
	if err != nil {
		return fmt.Errorf("kafka: find controller: %w", err)
	}
	cc, err := (&kafka.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", net.JoinHostPort(ctl.Host, strconv.Itoa(ctl.Port)))
	if err != nil {
		return fmt.Errorf("kafka: dial controller: %w", err)
	}
	defer cc.Close()
	for _, t := range topics {
		tc := kafka.TopicConfig{Topic: t.Name, NumPartitions: max(t.Partitions, 1), ReplicationFactor: max(t.Replicas, 1)}
		for k, v := range t.Configs {
			tc.ConfigEntries = append(tc.ConfigEntries, kafka.ConfigEntry{ConfigName: k, ConfigValue: v})
		}
		if err := cc.CreateTopics(tc); err != nil && !errors.Is(err, kafka.TopicAlreadyExists) {
			return fmt.Errorf("kafka: create topic %s: %w", t.Name, err)
		}
	}
	return nil
}

// Publish writes the message and returns once every in-sync replica has it.
func (q *Queue) Publish(ctx context.Context, topic, key string, value []byte) error {
	q.mu.Lock()
	closed := q.closed
	q.mu.Unlock()
	if closed {
		return ErrClosed
	}
	return q.publish(ctx, kafka.Message{Topic: topic, Key: []byte(key), Value: value})
}

func (q *Queue) publish(ctx context.Context, m kafka.Message) error {
	if err := q.w.WriteMessages(ctx, m); err != nil {
		return fmt.Errorf("kafka: publish to %s: %w", m.Topic, err)
	}
	return nil
}

// Consume joins group on topic and runs h on each message fetched, one at a
// time, committing each after h returns nil. It returns ctx.Err() when ctx
// is done, having left the group.
func (q *Queue) Consume(ctx context.Context, topic, group string, h queue.Handler) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:           q.cfg.Brokers,
		GroupID:           group,
		Topic:             topic,
		QueueCapacity:     max(q.cfg.Prefetch, 1),
		MinBytes:          1,
		MaxBytes:          16 << 20,
		MaxWait:           250 * time.Millisecond,
		ReadBackoffMin:    50 * time.Millisecond,
		ReadBackoffMax:    500 * time.Millisecond,
		StartOffset:       kafka.FirstOffset,
		CommitInterval:    0, // commit synchronously, message by message
		SessionTimeout:    q.cfg.SessionTimeout,
		HeartbeatInterval: q.cfg.HeartbeatInterval,
		RebalanceTimeout:  q.cfg.RebalanceTimeout,
		JoinGroupBackoff:  500 * time.Millisecond,
		ErrorLogger: kafka.LoggerFunc(func(f string, a ...any) {
			q.cfg.Log.Debug("kafka reader", "topic", topic, "group", group, "msg", fmt.Sprintf(f, a...))
		}),
	})
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("kafka: fetch %s: %w", topic, err)
		}
		// FetchMessage may hand out a message it had fetched ahead even
		// when ctx has ended (it picks among ready cases at random): a
		// member that is leaving leaves it, uncommitted, to the next.
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := q.deliver(ctx, group, m, h); err != nil {
			return err // ctx done: the message stays uncommitted
		}
		// The handler is done: commit even if ctx ends now, or the message
		// would be handled again by the next member.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		err = r.CommitMessages(cctx, m)
		cancel()
		if err != nil {
			q.cfg.Log.Warn("kafka: commit failed; the message may be delivered again", "topic", topic, "partition", m.Partition, "offset", m.Offset, "err", err)
		}
	}
}

// deliver hands m to h until h accepts it or MaxDeliveries is reached, when
// it goes to the dead-letter topic. It returns an error only when ctx is
// done.
func (q *Queue) deliver(ctx context.Context, group string, m kafka.Message, h queue.Handler) error {
	msg := queue.Message{Topic: m.Topic, Key: string(m.Key), Value: m.Value}
	var err error
	for i := range q.cfg.MaxDeliveries {
		if err = h(ctx, msg); err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		q.cfg.Log.Warn("message rejected", "topic", m.Topic, "partition", m.Partition, "offset", m.Offset, "attempt", i+1, "err", err)
		if i < q.cfg.MaxDeliveries-1 {
			select {
			case <-time.After(min(time.Duration(100<<i)*time.Millisecond, 5*time.Second)):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	dead := kafka.Message{Topic: q.cfg.DeadLetter, Key: m.Key, Value: queue.DeadMessage(msg, fmt.Errorf("group %s, partition %d, offset %d: %w", group, m.Partition, m.Offset, err))}
	q.cfg.Log.Error("message dead-lettered", "topic", m.Topic, "partition", m.Partition, "offset", m.Offset, "reason", err)
	for {
		perr := q.publish(ctx, dead)
		if perr == nil {
			return nil
		}
		q.cfg.Log.Error("dead-letter publish failed; retrying", "err", perr)
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Replay runs h on every message of topic, partition by partition from the
// oldest, up to the end each partition had when Replay started; it does not
// join a group or commit. It is how an index is rebuilt from the log.
func (q *Queue) Replay(ctx context.Context, topic string, h queue.Handler) error {
	c, err := dial(ctx, q.cfg.Brokers)
	if err != nil {
		return err
	}
	parts, err := c.ReadPartitions(topic)
	c.Close()
	if err != nil {
		return fmt.Errorf("kafka: partitions of %s: %w", topic, err)
	}
	for _, p := range parts {
		if err := q.replayPartition(ctx, topic, p.ID, h); err != nil {
			return err
		}
	}
	return nil
}

func (q *Queue) replayPartition(ctx context.Context, topic string, partition int, h queue.Handler) error {
	lc, err := kafka.DialLeader(ctx, "tcp", q.cfg.Brokers[0], topic, partition)
	if err != nil {
		return fmt.Errorf("kafka: dial leader of %s/%d: %w", topic, partition, err)
	}
	first, last, err := lc.ReadOffsets()
	lc.Close()
	if err != nil {
		return fmt.Errorf("kafka: offsets of %s/%d: %w", topic, partition, err)
	}
	if last <= first {
		return nil
	}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: q.cfg.Brokers, Topic: topic, Partition: partition, MinBytes: 1, MaxBytes: 16 << 20, MaxWait: 250 * time.Millisecond})
	defer r.Close()
	if err := r.SetOffset(first); err != nil {
		return err
	}
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return fmt.Errorf("kafka: replay %s/%d: %w", topic, partition, err)
		}
		if err := h(ctx, queue.Message{Topic: m.Topic, Key: string(m.Key), Value: m.Value}); err != nil {
			return err
		}
		if m.Offset >= last-1 {
			return nil
		}
	}
}

// Close flushes and closes the writer.
func (q *Queue) Close() error {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return nil
	}
	q.closed = true
	q.mu.Unlock()
	return q.w.Close()
}
