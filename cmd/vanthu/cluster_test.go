package main

import (
	"testing"

	"github.com/vanthu/vanthu/intake/pipeline"
)

func TestStagesFlag(t *testing.T) {
	for _, c := range []struct {
		brokers, stages string
		allowed         []string
		want            []pipeline.Stage
		bad             bool
	}{
		{"", "intake,raster,ocr,extract,index,search", allStages, pipeline.AllStages, false},
		{"", "intake,index,search", allStages, nil, true}, // a subset needs Kafka
		{"k:9092", "intake,index,search", allStages, []pipeline.Stage{pipeline.StageIndex}, false},
		{"k:9092", "intake", allStages, []pipeline.Stage{}, false}, // intake only: no pipeline stage, not all of them
		{"k:9092", "search", allStages, nil, true},                 // search reads the node's own index
		{"k:9092", "ocr, ocr", workerStages, []pipeline.Stage{pipeline.StageOCR}, false},
		{"k:9092", "index", workerStages, nil, true},
		{"k:9092", "", workerStages, nil, true},
	} {
		cl := cluster{Brokers: c.brokers}
		err := cl.parseStages(c.stages, c.allowed)
		if (err != nil) != c.bad {
			t.Errorf("--brokers %q --stages %q: error %v", c.brokers, c.stages, err)
			continue
		}
		if err != nil {
			continue
		}
		got := cl.pipelineStages()
		if got == nil || len(got) != len(c.want) {
			t.Errorf("--stages %q: pipeline stages %#v, want %v", c.stages, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("--stages %q: pipeline stages %v, want %v", c.stages, got, c.want)
			}
		}
	}
}
