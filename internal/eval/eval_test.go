package eval

import (
	"context"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/signature"
	"github.com/vanthu/vanthu/ocr"
	"github.com/vanthu/vanthu/search"
)

func TestMain(m *testing.M) {
	ocr.MaybeRasterChild()
	if err := ocr.EnsureSingleThreadOMP(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if blobDir != "" {
		os.RemoveAll(blobDir)
	}
	os.Exit(code)
}

// blobDir is the store the evaluated files' page images are kept in, for
// the tests' life (the archive copies are made from them).
var (
	blobDir   string
	blobStore *blob.Store
)

// processed is the corpus run through the pipeline once per test binary.
var (
	once      sync.Once
	corpus    []Truth
	results   map[string]pipeline.Result // by truth ID
	corpusErr error
)

func processCorpus(t *testing.T) ([]Truth, map[string]pipeline.Result) {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus evaluation runs OCR on every page")
	}
	dir := CorpusDir("../..")
	if _, err := os.Stat(filepath.Join(dir, "truth")); err != nil {
		t.Skipf("no evaluation corpus at %s (set VANTHU_CORPUS): %v", dir, err)
	}
	once.Do(func() {
		corpus, corpusErr = LoadCorpus(dir)
		if corpusErr != nil {
			return
		}
		files := map[string]string{}
		for _, tr := range corpus {
			files[filepath.Join(dir, tr.File)] = tr.ID
		}
		results, corpusErr = processFiles(files)
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpus, results
}

// processFiles runs files (path → truth ID) through `vanthu process`'s
// code, signatures checked, and returns the results by truth ID.
func processFiles(files map[string]string) (map[string]pipeline.Result, error) {
	if blobStore == nil {
		tmp, err := os.MkdirTemp("", "vanthu-eval-")
		if err != nil {
			return nil, err
		}
		blobDir = tmp
		if blobStore, err = blob.Open(tmp); err != nil {
			return nil, err
		}
	}
	bs := blobStore
	sigs := signature.New(signature.Config{})
	p := &pipeline.Processor{Rasteriser: &ocr.Rasteriser{Config: ocr.DefaultRasterConfig(), Blobs: bs}, Signatures: sigs, OCR: ocr.DefaultConfig()}
	paths := slices.Sorted(maps.Keys(files))
	out := map[string]pipeline.Result{}
	err := p.Process(context.Background(), paths, func(r pipeline.Result) { out[files[r.File]] = r })
	return out, err
}

// searcherOf indexes the documents read, each as its ID, in a Bleve index
// on disk as the service does, and searches it; the index is closed when
// the test ends.
func searcherOf(t *testing.T, docs map[string]pipeline.Result) *search.Searcher {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		r := docs[id]
		d := vanthu.Document{ID: vanthu.Ref(id), FileName: filepath.Base(r.File), PageCount: len(r.Pages), Metadata: r.Metadata, ReceivedAt: time.Now()}
		for _, p := range r.Pages {
			d.Pages = append(d.Pages, vanthu.Page{Number: p.Number, Text: p.Text, Done: true})
		}
		if err := ix.Put(d); err != nil {
			t.Fatal(err)
		}
	}
	return &search.Searcher{Index: ix}
}

// query is one evaluation query with the documents relevant to it.
type query struct {
	kind     string // subject, phrase, number
	q        string
	twin     string // the same query without diacritics, if any
	relevant map[vanthu.Ref]bool
}

func foldedText(s string) string {
	return strings.Join(strings.Fields(dict.Fold(dict.Canon(s))), " ")
}

// queries derives the query set from the ground truth by rule.
func queries(truths []Truth) []query {
	ref := func(t Truth) vanthu.Ref { return vanthu.Ref(t.ID) }
	// A text query's relevant documents are those whose printed text holds
	// it as a phrase, compared folded.
	textRelevant := func(q string) map[vanthu.Ref]bool {
		rel := map[vanthu.Ref]bool{}
		fq := foldedText(q)
		for _, t := range truths {
			if strings.Contains(foldedText(t.Text()), fq) {
				rel[ref(t)] = true
			}
		}
		return rel
	}
	var out []query
	addText := func(kind, q string) {
		out = append(out, query{kind: kind, q: q, twin: dict.Fold(q), relevant: textRelevant(strings.Trim(q, `"`))})
	}
	for _, t := range truths {
		subj := t.Field("trich_yeu")
		for _, p := range []string{"V/v ", "Về việc "} {
			subj = strings.TrimPrefix(subj, p)
		}
		addText("subject", subj)

		// A phrase of five syllables from the middle of the first page.
		lines := strings.Split(t.Pages[0].Text, "\n")
		words := strings.Fields(lines[len(lines)/2])
		if len(words) >= 5 {
			addText("phrase", `"`+strings.Join(words[:5], " ")+`"`)
		}

		num := t.Field("so_ky_hieu")
		numRel := map[vanthu.Ref]bool{}
		for _, u := range truths {
			if dict.NumberKey(u.Field("so_ky_hieu")) == dict.NumberKey(num) {
				numRel[ref(u)] = true
			}
		}
		variants := []string{num, strings.ReplaceAll(num, "Đ", "D"), strings.ToLower(num),
			strings.NewReplacer("/", " ", "-", " ").Replace(num)}
		if i := strings.IndexByte(num, '/'); i > 0 {
			if num[0] == '0' {
				variants = append(variants, num[1:])
			} else {
				variants = append(variants, "0"+num)
			}
		}
		for _, v := range variants {
			out = append(out, query{kind: "number", q: v, relevant: numRel})
		}
	}
	return out
}

func TestCorpusSearchRelevance(t *testing.T) {
	truths, results := processCorpus(t)
	s := searcherOf(t, results)
	run := func(q string) []vanthu.Ref {
		res, err := s.Search(context.Background(), search.Request{Q: q, Page: 1, Size: 10})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		var ids []vanthu.Ref
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	type score struct{ rr, ndcg float64 }
	byKind := map[string][]score{}
	var twinDiffs []float64
	var report strings.Builder
	for _, q := range queries(truths) {
		got := run(q.q)
		rr, ndcg := metrics(got, q.relevant)
		byKind[q.kind] = append(byKind[q.kind], score{rr, ndcg})
		line := fmt.Sprintf("%-7s %-70q RR %.2f nDCG %.3f", q.kind, q.q, rr, ndcg)
		if q.twin != "" && q.twin != q.q {
			_, tn := metrics(run(q.twin), q.relevant)
			twinDiffs = append(twinDiffs, math.Abs(ndcg-tn))
			line += fmt.Sprintf("  no-diacritics nDCG %.3f (Δ %.3f)", tn, ndcg-tn)
		}
		fmt.Fprintln(&report, line)
		if q.kind == "number" && rr < 1 {
			t.Errorf("number lookup %q: reciprocal rank %.2f, want 1 (got %v)", q.q, rr, got)
		}
	}
	var all []score
	fmt.Fprintln(&report)
	kinds := []string{"subject", "phrase", "number"}
	for _, k := range kinds {
		all = append(all, byKind[k]...)
		fmt.Fprintf(&report, "%-8s %3d queries  MRR@10 %.3f  nDCG@10 %.3f\n", k, len(byKind[k]), meanOf(byKind[k], true), meanOf(byKind[k], false))
	}
	mrr, ndcg := meanOf(all, true), meanOf(all, false)
	sort.Float64s(twinDiffs)
	maxDiff := 0.0
	if len(twinDiffs) > 0 {
		maxDiff = twinDiffs[len(twinDiffs)-1]
	}
	fmt.Fprintf(&report, "all      %3d queries  MRR@10 %.3f  nDCG@10 %.3f  largest diacritic-twin difference %.3f\n", len(all), mrr, ndcg, maxDiff)
	t.Log("\n" + report.String())
	writeArtifact(t, "search-relevance.txt", report.String())
	if ndcg < 0.95 {
		t.Errorf("nDCG@10 = %.3f, want ≥ 0.95", ndcg)
	}
	if maxDiff > 0.02 {
		t.Errorf("a query without diacritics differs from its twin by %.3f nDCG, want ≤ 0.02", maxDiff)
	}
}

// metrics returns the reciprocal rank and nDCG@10 of a ranking.
func metrics(got []vanthu.Ref, relevant map[vanthu.Ref]bool) (rr, ndcg float64) {
	var dcg, idcg float64
	for i, id := range got[:min(10, len(got))] {
		if relevant[id] {
			if rr == 0 {
				rr = 1 / float64(i+1)
			}
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	for i := range min(10, len(relevant)) {
		idcg += 1 / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return rr, 1
	}
	return rr, dcg / idcg
}

func meanOf[T interface{ ~struct{ rr, ndcg float64 } }](xs []T, rr bool) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		v := struct{ rr, ndcg float64 }(x)
		if rr {
			s += v.rr
		} else {
			s += v.ndcg
		}
	}
	return s / float64(len(xs))
}

// writeArtifact keeps a report under artifacts/ (not committed).
func writeArtifact(t *testing.T, name, body string) {
	dir := filepath.Join("..", "..", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
}

// The fields of the dev corpus's documents come out as the ground truth
// has them (see README, Measured, for the per-field figures).
func TestCorpusMetadataAccuracy(t *testing.T) {
	truths, res := processCorpus(t)
	correct, total := map[string]int{}, 0
	for _, tr := range truths {
		for _, f := range Fields {
			got := Value(res[tr.ID].Metadata, f[1])
			if Match(f[1], tr.Metadata[f[0]], got) {
				correct[f[1]]++
				total++
			} else {
				t.Logf("%s %s: want %q, got %q", tr.ID, f[1], Show(tr.Metadata[f[0]]), Show(got))
			}
		}
	}
	n := len(truths)
	for _, f := range Fields {
		t.Logf("%-16s %d/%d", f[1], correct[f[1]], n)
	}
	all := float64(total) / float64(n*len(Fields))
	t.Logf("all fields %.1f%%", 100*all)
	// Issue #5 wants number and date at 99% or more: every one, here.
	for _, f := range []string{"number", "issued_date", "doc_type"} {
		if correct[f] != n {
			t.Errorf("%s right in %d of %d documents", f, correct[f], n)
		}
	}
	// And all fields at 97% or more (98.2% measured).
	if all < 0.97 {
		t.Errorf("all fields %.1f%% exact, below issue #5's 97%%", 100*all)
	}
}
