package search

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/internal/scale"
)

// shardNode serves a Searcher over HTTP on loopback, as a shard node of a
// sharded deployment would.
func shardNode(t *testing.T, s *Searcher) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r, err := ParseRequest(req.URL.Query())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		res, err := s.Search(req.Context(), r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(res)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func values(r Request) url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"q": r.Q, "doc_type": r.DocType, "issuer": r.Issuer, "year": r.Year,
		"urgency": r.Urgency, "sort": r.Sort, "from": r.From, "to": r.To} {
		if s != "" {
			v.Set(k, s)
		}
	}
	v.Set("facet_size", fmt.Sprint(r.FacetSize))
	v.Set("page", fmt.Sprint(r.Page))
	v.Set("size", fmt.Sprint(r.Size))
	v.Set("shard", fmt.Sprint(r.Shard))
	return v
}

// Two shard nodes on loopback, each with half the documents (by a hash of
// the id), and a coordinator that merges their answers: the same total and
// facet counts as one index of all the documents, and the same hits in
// every order that is not by relevance (relevance scores use each shard's
// own term statistics: the merged ranking is logged, with its overlap).
func TestShardMergeEqualsOneIndex(t *testing.T) {
	c := scale.New(7)
	open := func(name string) *index.Index {
		ix, err := index.Open(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	one, shards := open("one"), []*index.Index{open("shard0"), open("shard1")}
	var all []vanthu.Document
	var parts [2][]vanthu.Document
	const n = 600
	for i := range n {
		rec := c.Doc(i)
		d := vanthu.Document{
			ID: vanthu.RefOf([]byte(rec.ID)), FileName: rec.ID + ".pdf", PageCount: 1,
			ReceivedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
			Metadata: vanthu.Metadata{Number: rec.Number, DocType: rec.DocType, Issuer: rec.Issuer, IssuedDate: rec.IssuedDate,
				Urgency: rec.Urgency, Subject: rec.Subject},
			Pages: []vanthu.Page{{Number: 1, Text: rec.Body, Done: true}},
		}
		all = append(all, d)
		h := fnv.New32a()
		h.Write([]byte(d.ID))
		parts[h.Sum32()%2] = append(parts[h.Sum32()%2], d)
	}
	if err := one.PutBatch(all); err != nil {
		t.Fatal(err)
	}
	var nodes []*httptest.Server
	for k, ix := range shards {
		if err := ix.PutBatch(parts[k]); err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, shardNode(t, &Searcher{Index: ix}))
	}
	t.Logf("shards of %d and %d documents", len(parts[0]), len(parts[1]))
	coordinator := func(r Request) Result {
		var res []Result
		for _, node := range nodes {
			resp, err := http.Get(node.URL + "/?" + values(ShardRequest(r)).Encode())
			if err != nil {
				t.Fatal(err)
			}
			var part Result
			err = json.NewDecoder(resp.Body).Decode(&part)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("shard %s: %d, %v", node.URL, resp.StatusCode, err)
			}
			res = append(res, part)
		}
		return Merge(r, res...)
	}

	d := c.Doc(5)
	topic := strings.Join(strings.Fields(strings.TrimPrefix(d.Subject, "Về việc "))[:2], " ")
	requests := []Request{
		{Q: topic},
		{Q: topic, Page: 2},
		{Q: `"` + "theo quy định" + `"`},
		{Q: d.Number, Sort: "-issued_date"},
		{Q: topic, DocType: d.DocType, Year: d.IssuedDate[:4]},
		{DocType: d.DocType},
		{Q: topic, Sort: "-issued_date"},
		{Q: topic, Sort: "issued_date", Page: 3},
		{Sort: "issued_date", Page: 12}, // deeper than one request's MaxSize hits
		{},
	}
	s := &Searcher{Index: one}
	for _, r := range requests {
		r.Page, r.Size = max(r.Page, 1), 10
		want, err := s.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		got := coordinator(r)
		if got.Total != want.Total {
			t.Errorf("%+v: total %d merged, %d in one index", r, got.Total, want.Total)
		}
		if !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%+v: facets merged\n%v\none index\n%v", r, got.Facets, want.Facets)
		}
		relevance := r.Sort == "" && (r.Q != "")
		if relevance {
			same := 0
			for _, h := range got.Hits {
				for _, w := range want.Hits {
					same += btoi(h.ID == w.ID)
				}
			}
			t.Logf("%q by relevance: %d of the %d hits of one index's page on the merged page", r.Q, same, len(want.Hits))
		} else if ids(got) != ids(want) {
			t.Errorf("%+v: hits merged\n%s\none index\n%s", r, ids(got), ids(want))
		}
		if want.Total == 0 {
			t.Errorf("%+v finds nothing: the test asks nothing", r)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ids(r Result) string {
	var b strings.Builder
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "%s %s\n", h.FileName, h.Metadata.IssuedDate)
	}
	return b.String()
}

// A merge ranks part of the matches when a shard did, counting the
// whole of the shards that ranked all theirs, and estimates its total
// when a shard did.
func TestMergeRankedAndEstimate(t *testing.T) {
	r := Request{Q: "cải cách", Page: 1, Size: 10}
	got := Merge(r, Result{Total: 5000, Ranked: 2000}, Result{Total: 300})
	if got.Total != 5300 || got.Ranked != 2300 || got.TotalIsEstimate {
		t.Errorf("merged total %d, ranked %d, estimate %v; want 5300, 2300, false", got.Total, got.Ranked, got.TotalIsEstimate)
	}
	got = Merge(r, Result{Total: 500}, Result{Total: 30000, TotalIsEstimate: true})
	if got.Total != 30500 || got.Ranked != 0 || !got.TotalIsEstimate {
		t.Errorf("merged total %d, ranked %d, estimate %v; want 30500, 0, true", got.Total, got.Ranked, got.TotalIsEstimate)
	}
}
