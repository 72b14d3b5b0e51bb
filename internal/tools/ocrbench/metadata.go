package main

import (
	"fmt"
	"path/filepath"

	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/internal/eval"
)

func metadataReport(truths []eval.Truth, results map[string]pipeline.Result, corpus string, verbose bool) {
	fmt.Println("Metadata exact-match accuracy (case, tone placement, a leading V/v or Về việc ignored)")
	correct := map[string]int{}
	var misses []string
	for _, t := range truths {
		r := results[filepath.Join(corpus, t.File)]
		for _, f := range eval.Fields {
			got := eval.Value(r.Metadata, f[1])
			if eval.Match(f[1], t.Metadata[f[0]], got) {
				correct[f[1]]++
			} else {
				misses = append(misses, fmt.Sprintf("  %s %-16s want %q\n  %s %-16s got  %q", t.ID, f[1], eval.Show(t.Metadata[f[0]]), t.ID, "", eval.Show(got)))
			}
		}
	}
	total := 0
	for _, f := range eval.Fields {
		fmt.Printf("  %-16s %3d/%d  %5.1f%%\n", f[1], correct[f[1]], len(truths), 100*float64(correct[f[1]])/float64(len(truths)))
		total += correct[f[1]]
	}
	fmt.Printf("  %-16s %3d/%d  %5.1f%%\n", "all fields", total, len(truths)*len(eval.Fields), 100*float64(total)/float64(len(truths)*len(eval.Fields)))
	if verbose {
		fmt.Println()
		for _, m := range misses {
			fmt.Println(m)
		}
	}
}
