package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/queue/kafka"
)

// Node stages: the pipeline's, plus intake (drop folder and upload) and
// search (the HTTP API).
var (
	allStages    = []string{"intake", "raster", "ocr", "extract", "index", "search"}
	workerStages = []string{"raster", "ocr", "extract"}
)

// cluster is how a node takes part in a Kafka deployment.
type cluster struct {
	Brokers    string
	Stages     []string
	Shared     string
	Partitions int
	Replicas   int
	// SessionTimeout is how long a silent group member keeps its
	// partitions: the pause before a dead worker's work moves on.
	SessionTimeout time.Duration
	// ForImport opens the index for a bulk import, the server stopped
	// (index.OpenForImport).
	ForImport bool
}

func (c *cluster) flags(fs *flag.FlagSet, stages []string, stagesDefault string) *string {
	fs.StringVar(&c.Brokers, "brokers", "", "Kafka brokers HOST:PORT[,...]; empty: one process, in-process queue")
	fs.StringVar(&c.Shared, "shared", "", "folder every node shares: archive copies and documents in flight (default: --data)")
	fs.IntVar(&c.Partitions, "partitions", 12, "partitions of the topics created at start (the most consumers a stage can use)")
	fs.IntVar(&c.Replicas, "replicas", 1, "replication factor of the topics created at start")
	fs.DurationVar(&c.SessionTimeout, "session-timeout", 10*time.Second, "how long a silent consumer keeps its partitions before others take them over")
	return fs.String("stages", stagesDefault, "stages this node runs, of "+strings.Join(stages, ","))
}

// parseStages checks the --stages list against the stages a command may run.
func (c *cluster) parseStages(list string, allowed []string) error {
	c.Stages = nil
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !slices.Contains(allowed, s) {
			return fmt.Errorf("--stages: unknown stage %q (this command runs %s)", s, strings.Join(allowed, ","))
		}
		if !slices.Contains(c.Stages, s) {
			c.Stages = append(c.Stages, s)
		}
	}
	if len(c.Stages) == 0 {
		return fmt.Errorf("--stages: none given (this command runs %s)", strings.Join(allowed, ","))
	}
	if c.Brokers == "" && len(c.Stages) != len(allowed) {
		return fmt.Errorf("--stages %s needs --brokers: without Kafka every stage runs in this process", list)
	}
	if c.has("search") && !c.has("index") {
		return fmt.Errorf("--stages: search needs index on the same node (it reads the node's own index)")
	}
	return nil
}

func (c cluster) has(s string) bool { return slices.Contains(c.Stages, s) }

// pipelineStages are the node's pipeline stages: never nil, which the
// pipeline would take for all.
func (c cluster) pipelineStages() []pipeline.Stage {
	out := []pipeline.Stage{}
	for _, s := range pipeline.AllStages {
		if c.has(string(s)) {
			out = append(out, s)
		}
	}
	return out
}

// openKafka connects to the brokers and creates the topics that are
// missing: the documents topic compacted and kept forever, since every
// search index is rebuilt from it.
func openKafka(c cluster, log *slog.Logger) (*kafka.Queue, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg := kafka.DefaultConfig(strings.Split(c.Brokers, ",")...)
	cfg.Log = log
	if c.SessionTimeout > 0 {
		cfg.SessionTimeout, cfg.RebalanceTimeout = c.SessionTimeout, c.SessionTimeout
		cfg.HeartbeatInterval = min(cfg.HeartbeatInterval, c.SessionTimeout/3)
	}
	q, err := kafka.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := q.CreateTopics(ctx, topics(c.Partitions, c.Replicas)...); err != nil {
		q.Close()
		return nil, err
	}
	return q, nil
}

// topics are the topics of a Kafka deployment with their settings.
func topics(partitions, replicas int) []kafka.Topic {
	var ts []kafka.Topic
	for _, s := range pipeline.AllStages {
		t := kafka.Topic{Name: s.Topic(), Partitions: partitions, Replicas: replicas}
		if s == pipeline.StageIndex {
			t.Configs = map[string]string{"cleanup.policy": "compact", "retention.ms": "-1"}
		}
		ts = append(ts, t)
	}
	return append(ts, kafka.Topic{Name: queue.DeadLetter, Partitions: 1, Replicas: replicas, Configs: map[string]string{"retention.ms": "-1"}})
}
