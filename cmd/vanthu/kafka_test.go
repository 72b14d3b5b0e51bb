package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue/kafka/kafkatest"
)

// The Kafka mode, end to end: a kfake broker on loopback in this process;
// `vanthu serve` (intake, index, search) and `vanthu worker`s as child
// processes sharing one folder.

// manyPages is a PDF of 2×copies pages, the two-page letter repeated.
func manyPages(t *testing.T, copies int) []byte {
	t.Helper()
	if _, err := exec.LookPath("pdfunite"); err != nil {
		t.Fatal("pdfunite (poppler-utils) is missing: run scripts/setup.sh")
	}
	src, _ := filepath.Abs("../../testdata/scans/congvan-2p.pdf")
	var args []string
	for range copies {
		args = append(args, src)
	}
	out := filepath.Join(t.TempDir(), "many.pdf")
	if b, err := exec.Command("pdfunite", append(args, out)...).CombinedOutput(); err != nil {
		t.Fatalf("pdfunite: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// metric reads one value from the process's /metrics.
func (s *server) metric(t *testing.T, name string) float64 {
	t.Helper()
	resp := s.getAs(t, "/metrics", s.admin)
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == name {
			v, _ := strconv.ParseFloat(f[1], 64)
			return v
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}

type kafkaNodes struct {
	brokers, shared, dir string
}

func newKafkaNodes(t *testing.T) kafkaNodes {
	if testing.Short() {
		t.Skip("end-to-end: runs the real service with Tesseract and a Kafka broker")
	}
	dir := t.TempDir()
	return kafkaNodes{brokers: strings.Join(kafkatest.Start(t), ","), shared: filepath.Join(dir, "shared"), dir: dir}
}

func (k kafkaNodes) serve(t *testing.T, name, stages string) *server {
	return startServer(t, filepath.Join(k.dir, name), "--brokers", k.brokers, "--shared", k.shared,
		"--stages", stages, "--session-timeout", "2s", "--partitions", "8")
}

func (k kafkaNodes) worker(t *testing.T) *server {
	s := start(t, "worker", "--brokers", k.brokers, "--data", k.shared, "--addr", "127.0.0.1:0",
		"--workers", "1", "--session-timeout", "2s", "--partitions", "8", "--metrics-token", "e2e-metrics")
	s.admin = "e2e-metrics"
	return s
}

// hits returns the IDs a search finds, in order.
func (s *server) hits(t *testing.T, q string) []vanthu.Ref {
	var ids []vanthu.Ref
	for _, h := range s.search(t, q).Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestKafkaTwoWorkersShareOneDocument(t *testing.T) {
	k := newKafkaNodes(t)
	srv := k.serve(t, "serve", "intake,index,search")
	w1, w2 := k.worker(t), k.worker(t)
	const pages = 12
	code, v := srv.upload(t, "many.pdf", manyPages(t, pages/2))
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d %v", code, v)
	}
	start := time.Now()
	d := srv.waitIndexed(t, vanthu.Ref(v["id"].(string)))
	t.Logf("%d pages indexed %.1fs after upload", d.PageCount, time.Since(start).Seconds())
	if d.PageCount != pages || d.Metadata.Number == "" {
		t.Fatalf("indexed with %d pages, number %q; want %d pages and a number", d.PageCount, d.Metadata.Number, pages)
	}
	p1, p2 := w1.metric(t, "vanthu_pages_recognised_total"), w2.metric(t, "vanthu_pages_recognised_total")
	t.Logf("worker 1 read %v pages, worker 2 read %v", p1, p2)
	if p1 == 0 || p2 == 0 || p1+p2 < pages {
		t.Fatalf("pages read by the workers: %v and %v, want both busy and %d in all", p1, p2, pages)
	}
	if ids := srv.hits(t, d.Metadata.Number); len(ids) != 1 || ids[0] != d.ID {
		t.Fatalf("search by number %s found %v", d.Metadata.Number, ids)
	}
}

func TestKafkaWorkerKilledMidDocumentAndIndexRebuiltFromLog(t *testing.T) {
	k := newKafkaNodes(t)
	srv := k.serve(t, "serve", "intake,index,search")
	w1, w2 := k.worker(t), k.worker(t)
	const pages = 12
	var ids []vanthu.Ref
	for _, f := range []struct {
		name string
		data []byte
	}{{"many.pdf", manyPages(t, pages/2)}, {"quyetdinh.png", scanFile(t, "quyetdinh.png")}, {"congvan.jpg", scanFile(t, "congvan.jpg")}} {
		code, v := srv.upload(t, f.name, f.data)
		if code != http.StatusAccepted {
			t.Fatalf("upload %s: %d %v", f.name, code, v)
		}
		ids = append(ids, vanthu.Ref(v["id"].(string)))
	}
	// Kill worker 1 as soon as it has read a page: mid-document.
	deadline := time.Now().Add(2 * time.Minute)
	var before float64
	for before == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		before = w1.metric(t, "vanthu_pages_recognised_total")
	}
	w1.cmd.Process.Signal(syscall.SIGKILL)
	w1.cmd.Wait()
	for _, id := range ids {
		srv.waitIndexed(t, id)
	}
	after := w2.metric(t, "vanthu_pages_recognised_total")
	total := pages + 2
	t.Logf("worker 1 read %v pages before SIGKILL; worker 2 read %v; %v page reads repeated", before, after, before+after-float64(total))
	if before+after < float64(total) {
		t.Fatalf("%v pages read in all, fewer than the %d there are", before+after, total)
	}

	// Every document indexed exactly once.
	var reg struct{ Entries []map[string]any }
	srv.getJSON(t, "/api/v1/register?year="+strconv.Itoa(time.Now().In(vanthu.VietnamTime).Year()), &reg)
	if len(reg.Entries) != 3 {
		t.Fatalf("the register lists %d entries, want 3", len(reg.Entries))
	}
	if n := srv.metric(t, "vanthu_index_documents"); n != 3 {
		t.Fatalf("the index holds %v documents, want 3", n)
	}
	queries := []string{"uy ban nhan dan", "quyet dinh", "cong van"}
	for _, id := range ids {
		var d vanthu.Document
		srv.getJSON(t, "/api/v1/documents/"+string(id), &d)
		queries = append(queries, d.Metadata.Number, d.Metadata.Subject)
		if got := srv.hits(t, d.Metadata.Number); slices.Index(got, id) < 0 {
			t.Errorf("search by number %q does not find %s", d.Metadata.Number, d.FileName)
		}
	}
	// A clerk's correction goes to the log with the record.
	if code, _ := srv.patch(t, ids[1], `{"by":"Thư ký","metadata":{"signer":"Nguyễn Văn Sửa"}}`); code != http.StatusOK {
		t.Fatalf("correction: status %d", code)
	}
	queries = append(queries, "Nguyễn Văn Sửa")
	want := map[string][]vanthu.Ref{}
	for _, q := range queries {
		want[q] = srv.hits(t, q)
	}
	if !slices.Equal(want["Nguyễn Văn Sửa"], ids[1:2]) {
		t.Fatalf("the corrected signer finds %v, want the corrected document", want["Nguyễn Văn Sửa"])
	}

	// A new search node catches up from the documents log.
	node := k.serve(t, "node2", "index,search")
	// It has caught up when it holds the three documents and the
	// correction, the log's last record.
	deadline = time.Now().Add(time.Minute)
	caughtUp := func() bool {
		var d vanthu.Document
		return node.metric(t, "vanthu_index_documents") >= 3 &&
			node.getJSON(t, "/api/v1/documents/"+string(ids[1]), &d) == http.StatusOK && d.Metadata.Signer == "Nguyễn Văn Sửa"
	}
	for !caughtUp() && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	same := func(label string, s *server) {
		for _, q := range queries {
			if got := s.hits(t, q); !slices.Equal(got, want[q]) {
				t.Errorf("%s: %q finds %v, the first node %v", label, q, got, want[q])
			}
		}
		var reg2 struct{ Entries []map[string]any }
		s.getJSON(t, "/api/v1/register?year="+strconv.Itoa(time.Now().In(vanthu.VietnamTime).Year()), &reg2)
		if len(reg2.Entries) != 3 {
			t.Errorf("%s: the register lists %d entries, want 3", label, len(reg2.Entries))
		}
	}
	same("new node", node)
	var corrected vanthu.Document
	node.getJSON(t, "/api/v1/documents/"+string(ids[1]), &corrected)
	if corrected.Metadata.Signer != "Nguyễn Văn Sửa" || len(corrected.History) < 2 {
		t.Errorf("the new node has signer %q with %d revisions, want the correction and its history", corrected.Metadata.Signer, len(corrected.History))
	}

	// vanthu reindex rebuilds it from the log.
	node.cmd.Process.Signal(syscall.SIGTERM)
	node.cmd.Wait()
	out, err := exec.Command(vanthuBin, "reindex", "--brokers", k.brokers, "--data", filepath.Join(k.dir, "node2"), "--shared", k.shared).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "3 documents") {
		t.Fatalf("reindex: %v\n%s", err, out)
	}
	node = k.serve(t, "node2", "index,search")
	same("reindexed node", node)
}
