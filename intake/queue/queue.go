// Package queue is the transport contract between Vanthu's stages: publish
// a message to a topic; consume a topic as a member of a group, and
// acknowledge each message by returning from the handler.
//
// Two transports implement it: inproc (bounded channels in one process, the
// default) and kafka (consumer groups on a Kafka cluster). Only cmd/ and the
// pipeline wiring choose one; stage logic never imports a transport.
//
// Delivery is at least once: an acknowledged message is not delivered to
// its group again while the group's membership holds, but while members
// join or leave a transport may deliver a message twice. So every stage is
// idempotent: running twice on one message writes the same result.
//
// Messages carry references (sha256) into the blob store, never page
// images, so they stay small.
package queue

import (
	"context"
	"encoding/json"
	"time"
)

// Message is one message on a topic.
type Message struct {
	Topic string
	Key   string // messages with one key keep their order
	Value []byte
}

// Handler processes one message. Returning nil acknowledges it: the
// transport will not deliver it to this group again. Returning an error
// leaves it unacknowledged: the transport delivers it again, to this or
// another member of the group. A handler must respect ctx.
type Handler func(ctx context.Context, m Message) error

// Publisher publishes messages. Publish returns once the message is safely
// handed to the transport; it blocks while the transport is full
// (back-pressure) and gives up when ctx is done.
type Publisher interface {
	Publish(ctx context.Context, topic, key string, value []byte) error
}

// Consumer consumes a topic. Consume runs h on messages of topic, one at a
// time in the calling goroutine, until ctx is done; it then returns
// ctx.Err(). Run several Consume calls for concurrency. Each message is
// acknowledged only after h returns nil.
type Consumer interface {
	Consume(ctx context.Context, topic, group string, h Handler) error
}

// Queue is a transport.
type Queue interface {
	Publisher
	Consumer
	Close() error
}

// DeadLetter is the topic where a message goes, with the reason, once it
// has failed for good; nothing consumes it but people.
const DeadLetter = "vanthu.dead"

// Replayer is a transport that keeps a log: Replay runs h on every message
// of topic from the oldest kept to the newest at the time of the call.
type Replayer interface {
	Replay(ctx context.Context, topic string, h Handler) error
}

// Dead is a message of the dead-letter topic: the message that failed, and
// why.
type Dead struct {
	Topic  string    `json:"topic"`
	Key    string    `json:"key"`
	Value  []byte    `json:"value"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// DeadMessage is the dead-letter topic's message for m.
func DeadMessage(m Message, reason error) []byte {
	v, _ := json.Marshal(Dead{Topic: m.Topic, Key: m.Key, Value: m.Value, Reason: reason.Error(), At: time.Now().UTC()})
	return v
}
