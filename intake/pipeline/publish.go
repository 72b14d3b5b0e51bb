package pipeline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/intake/registry"
)

// The documents log: publish a record, index it, rebuild the index and
// the register from the log.

// docMessage is a message of the documents topic: the record itself is in
// the blob store, as JSON, so that the message stays small whatever the
// number of pages.
type docMessage struct {
	ID     vanthu.Ref `json:"id"`
	Record vanthu.Ref `json:"record"`
}

// Publish puts a document's record on the documents topic, the log every
// search node's index and register are built from. Corrections go through
// here too, so that an index rebuilt from the log keeps them.
func (p *Pipeline) Publish(ctx context.Context, d vanthu.Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	ref, err := p.Blobs.PutBytes(ctx, b)
	if err != nil {
		return err
	}
	v, _ := json.Marshal(docMessage{ID: d.ID, Record: ref})
	return p.Queue.Publish(ctx, TopicDocuments, string(d.ID), v)
}

// index takes a record from the documents topic into this node's register
// and search index.
func (p *Pipeline) index(ctx context.Context, m queue.Message) error {
	var dm docMessage
	if err := json.Unmarshal(m.Value, &dm); err != nil || dm.ID == "" {
		return p.dead(ctx, m, fmt.Errorf("not a document message: %v", err))
	}
	return p.attempt(ctx, m, dm.ID, "index", func() error {
		b, err := p.Blobs.ReadAll(dm.Record)
		if err != nil {
			return err
		}
		var d vanthu.Document
		if err := json.Unmarshal(b, &d); err != nil {
			return vanthu.E("index: record "+dm.Record.Short(), vanthu.Invalid, err)
		}
		return p.Materialise(d)
	})
}

// Rebuild takes every record of the documents log into this node's
// register and index, calling progress after each.
func (p *Pipeline) Rebuild(ctx context.Context, log queue.Replayer, progress func()) error {
	return log.Replay(ctx, TopicDocuments, func(ctx context.Context, m queue.Message) error {
		if err := p.index(ctx, m); err != nil {
			return err
		}
		progress()
		return nil
	})
}

// Materialise makes d, a record from the documents log, this node's: the
// index takes it (unless it failed), then the register, so that a record
// the register shows indexed is found by search. The local số đến stays; a
// record with fewer revisions than the local one is older than it (a
// correction made here is on its way through the log) and is skipped.
func (p *Pipeline) Materialise(d vanthu.Document) error {
	before, err := p.Registry.Get(d.ID)
	var local *vanthu.Document
	switch {
	case err == nil:
		local = &before
	case vanthu.KindOf(err) != vanthu.NotExist:
		return err
	}
	d, fresh := registry.Merge(local, d)
	if !fresh {
		return nil
	}
	if d.Status == vanthu.Failed || d.Status == vanthu.Held {
		if err := p.Index.Delete(d.ID); err != nil {
			return err
		}
		_, err := p.Registry.Materialise(d)
		return err
	}
	dups, err := p.Index.Duplicates(d.Metadata, d.ID)
	if err != nil {
		return err
	}
	d.DuplicateOf, d.Status = dups, vanthu.Indexed
	if err := p.Index.Put(d); err != nil {
		return err
	}
	if _, err := p.Registry.Materialise(d); err != nil {
		return err
	}
	if before.Status != vanthu.Indexed {
		p.metrics().DocsIndexed.Add(1)
		p.log().Info("indexed", "id", d.ID.Short(), "file", d.FileName, "pages", d.PageCount, "number", d.Metadata.Number)
	}
	return nil
}
