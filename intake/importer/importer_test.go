package importer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/importer"
	"github.com/vanthu/vanthu/intake/registry"
	"github.com/vanthu/vanthu/internal/scale"
	"github.com/vanthu/vanthu/search"
)

type env struct {
	im  *importer.Importer
	reg *registry.Registry
	ix  *index.Index
	bs  *blob.Store
}

// newEnv opens a real registry, index and blob store on disk; files come
// from root.
func newEnv(t testing.TB, root string) env {
	t.Helper()
	dir := t.TempDir()
	reg, err := registry.Open(filepath.Join(dir, "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reg.Close() })
	ix, err := index.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	bs, err := blob.Open(filepath.Join(dir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	rc := &intake.Receiver{Blobs: bs, Registry: reg, Limits: intake.DefaultLimits(), Quarantine: filepath.Join(dir, "quarantine")}
	return env{&importer.Importer{Registry: reg, Index: ix, Receiver: rc, Files: importer.Under(root), Batch: 3}, reg, ix, bs}
}

func run(t *testing.T, im *importer.Importer, input string) (importer.Summary, []importer.Result) {
	t.Helper()
	var got []importer.Result
	sum, err := im.Run(context.Background(), strings.NewReader(input), func(r importer.Result) { got = append(got, r) })
	if err != nil {
		t.Fatal(err)
	}
	return sum, got
}

// An import takes good lines, reports each bad one with its number and
// goes on, keeps a state-secret record's stub only, passes a file through
// intake, and changes nothing when run again.
func TestImport(t *testing.T) {
	for _, parallel := range []int{1, 2} {
		t.Run(fmt.Sprintf("parallel=%d", parallel), func(t *testing.T) { testImport(t, parallel) })
	}
}

func testImport(t *testing.T, parallel int) {
	root, _ := filepath.Abs("../../testdata/scans")
	e := newEnv(t, root)
	e.im.Parallel = parallel
	input := strings.Join([]string{
		`{"id":"QLVB-1","number":"45/QĐ-UBND","doc_type":"Quyết định","issuer":"UBND tỉnh Bình Thuận","issued_date":"2023-04-05","urgency":"khan","subject":"Về việc phê duyệt kế hoạch cải cách hành chính","body":"Căn cứ Luật Tổ chức chính quyền địa phương. Phê duyệt kế hoạch cải cách hành chính năm 2023."}`,
		`{"id":"QLVB-2","number":"12/BC-SNV","doc_type":"Báo cáo","issuer":"Sở Nội vụ","issued_date":"2022-12-30","urgency":"hoả tốc hẹn giờ","subject":"Tình hình tuyển dụng công chức","pages":["Trang một: tuyển dụng công chức.","Trang hai: kết quả thi tuyển."]}`,
		`{"id":"QLVB-3", not json`,
		`{"number":"1/TB"}`,
		``,
		`{"id":"QLVB-4","issued_date":"05/04/2023","subject":"ngày sai"}`,
		`{"id":"QLVB-1","subject":"lặp lại"}`,
		`{"id":"QLVB-5","number":"7/CV-CA","issuer":"Công an tỉnh","issued_date":"2023-01-02","confidentiality":"Tối mật","subject":"Trích yếu mật","body":"nội dung tuyệt đối không lưu"}`,
		`{"id":"QLVB-6","number":"45/UBND-VX","doc_type":"Công văn","issued_date":"2024-03-05","subject":"Về kinh phí khuyến nông","body":"kinh phí khuyến nông","file":"congvan.jpg"}`,
		`{"id":"QLVB-7","subject":"tệp ngoài thư mục","file":"../../go.mod"}`,
		`{"id":"QLVB-8","urgency":"gấp lắm"}`,
	}, "\n")
	sum, got := run(t, e.im, input)
	want := []struct {
		line    int
		outcome string
		err     string
	}{
		{1, importer.Imported, ""}, {2, importer.Imported, ""}, {3, importer.Refused, "not a record"}, {4, importer.Refused, "no id"},
		{6, importer.Refused, "issued_date"}, {7, importer.Refused, "on line 1 already"}, {8, importer.Imported, ""},
		{9, importer.Imported, ""}, {10, importer.Refused, "file"}, {11, importer.Refused, "urgency"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if g := got[i]; g.Line != w.line || g.Outcome != w.outcome || !strings.Contains(g.Error, w.err) {
			t.Errorf("result %d: %+v, want line %d %s %q", i, g, w.line, w.outcome, w.err)
		}
	}
	if sum.Lines != 10 || sum.Imported != 4 || sum.Refused != 6 {
		t.Errorf("summary %+v", sum)
	}

	d, err := e.reg.Get(got[0].Doc)
	if err != nil || d.Imported == nil || d.Imported.LegacyID != "QLVB-1" || d.ArrivalNumber != 0 || d.Metadata.Urgency != "Khẩn" || d.Status != vanthu.Indexed ||
		d.Archive == nil || d.Archive.Ref != "" || !strings.Contains(d.Archive.Note, "without its file") {
		t.Errorf("imported record: %+v, %v", d, err)
	}
	if d, _ := e.reg.Get(got[1].Doc); d.Metadata.Urgency != "Hỏa tốc hẹn giờ" { // Thông tư 01/2011's
		t.Errorf("QLVB-2 imported with urgency %q, want Hỏa tốc hẹn giờ", d.Metadata.Urgency)
	}
	secret, _ := e.reg.Get(got[6].Doc)
	if secret.Status != vanthu.Held || secret.Metadata.Subject != "" || len(secret.Pages) != 0 || secret.Metadata.Confidentiality != "Tối mật" {
		t.Errorf("a Tối mật record kept more than its stub: %+v", secret)
	}
	jpg, _ := os.ReadFile(filepath.Join(root, "congvan.jpg"))
	if got[7].Doc != vanthu.RefOf(jpg) {
		t.Errorf("the record with a file is %s, want its file's sha256", got[7].Doc)
	} else if ok, _ := e.bs.Has(got[7].Doc); !ok {
		t.Error("the record's file is not kept")
	}
	reg2023, _ := e.reg.RegisterOf(2023)
	if len(reg2023) != 2 { // QLVB-1 and the secret stub
		t.Errorf("register of 2023: %d entries, want 2", len(reg2023))
	}

	// Searched without diacritics, the text of the pages; never the secret's.
	s := &search.Searcher{Index: e.ix}
	for q, want := range map[string]int{"cai cach hanh chinh": 1, "ket qua thi tuyen": 1, "khuyen nong": 1, "tuyet doi khong luu": 0, "Trích yếu mật": 0} {
		res, err := s.Search(context.Background(), search.Request{Q: q, Page: 1, Size: 10})
		if err != nil || res.Total != uint64(want) {
			t.Errorf("search %q: %d hits (%v), want %d", q, res.Total, err, want)
		}
	}

	// Again: nothing changes.
	before, _ := e.ix.Count()
	sum, got = run(t, e.im, input)
	if sum.Imported != 0 || sum.Unchanged != 4 || sum.Refused != 6 || got[0].Doc == "" {
		t.Errorf("importing again: %+v %+v", sum, got[0])
	}
	if after, _ := e.ix.Count(); after != before {
		t.Errorf("index %d documents after importing again, %d before", after, before)
	}
}

// A record typed in NFD (letters and marks apart, as some older systems
// keep text) is kept in NFC, and found as typed in either form; one
// already in NFC is kept as it came.
func TestImportNFD(t *testing.T) {
	e := newEnv(t, "")
	body := "Điều 1. Phê duyệt quy hoạch thủy lợi – “giai đoạn 2021–2030”…"
	nfd, _ := json.Marshal(map[string]string{"id": "D-1", "body": norm.NFD.String(body)})
	nfc, _ := json.Marshal(map[string]string{"id": "C-1", "body": body + " Ω"})
	input := string(nfd) + "\n" + string(nfc)
	_, got := run(t, e.im, input)
	if len(got) != 2 || got[0].Outcome != importer.Imported || got[1].Outcome != importer.Imported {
		t.Fatalf("results %+v", got)
	}
	for i, want := range []string{body, body + " Ω"} {
		d, err := e.reg.Get(got[i].Doc)
		if err != nil || len(d.Pages) != 1 || d.Pages[0].Text != want {
			t.Errorf("record %d kept %+v (%v), want its text in NFC", i, d.Pages, err)
		}
	}
	s := &search.Searcher{Index: e.ix}
	for _, q := range []string{"quy hoạch thủy lợi", norm.NFD.String("quy hoạch thủy lợi"), "quy hoach thuy loi"} {
		res, err := s.Search(context.Background(), search.Request{Q: q, Page: 1, Size: 10})
		if err != nil || res.Total != 2 {
			t.Errorf("search %q: %d hits (%v), want 2", q, res.Total, err)
		}
	}
}

// When the index refuses a batch, the import stops with its error while
// later lines are still being read, and registers nothing it has not
// indexed: running it again imports every record.
func TestImportStopsWhenTheIndexFails(t *testing.T) {
	e := newEnv(t, "")
	e.im.Parallel = 2 // batches of 3: a group is 6 lines, and 40 lines are many groups
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf(`{"id":"H-%d","number":"%d/QĐ-UBND","issued_date":"2024-01-02","body":"nội dung %d"}`, i, i, i))
	}
	input := strings.Join(lines, "\n")
	closed, err := index.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	e.im.Index = closed // an index that refuses every batch
	var got []importer.Result
	sum, err := e.im.Run(context.Background(), strings.NewReader(input), func(r importer.Result) { got = append(got, r) })
	if err == nil || len(got) != 0 || sum.Imported != 0 {
		t.Fatalf("an import into a closed index: %+v, %d results, %v", sum, len(got), err)
	}
	for i := range 40 {
		if _, ok := e.reg.ImportedAs(fmt.Sprintf("H-%d", i)); ok {
			t.Fatalf("H-%d is registered but not indexed", i)
		}
	}

	e.im.Index = e.ix
	if sum, _ := run(t, e.im, input); sum.Imported != 40 {
		t.Errorf("importing again: %+v", sum)
	}
	if n, _ := e.ix.Count(); n != 40 {
		t.Errorf("%d documents indexed, want 40", n)
	}
}

// BenchmarkImport imports 20,000 records of the scale corpus
// (internal/scale: a province's layout and vocabulary, about 3 KB of text
// each) into a real registry and index on disk and reports documents a
// second; "refused" has one line in ten bad, whose results wait in order
// without holding up the batches around them.
func BenchmarkImport(b *testing.B) {
	const n = 20000
	c := scale.New(1)
	var good, mixed strings.Builder
	for i := range n {
		line, err := json.Marshal(c.Doc(i))
		if err != nil {
			b.Fatal(err)
		}
		good.Write(line)
		good.WriteByte('\n')
		mixed.Write(line)
		mixed.WriteByte('\n')
		if i%9 == 8 {
			mixed.WriteString(`{"id":"bad","issued_date":"hôm qua"}` + "\n")
		}
	}
	for _, bc := range []struct {
		name     string
		in       string
		parallel int
	}{{"parallel=1", good.String(), 1}, {"parallel=2", good.String(), 2}, {"parallel=2,refused", mixed.String(), 2}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				e := newEnv(b, "")
				e.im.Batch, e.im.Parallel = 0, bc.parallel
				b.StartTimer()
				start := time.Now()
				sum, err := e.im.Run(context.Background(), strings.NewReader(bc.in), func(importer.Result) {})
				if err != nil || sum.Imported != n {
					b.Fatalf("%+v, %v", sum, err)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
			}
			b.ReportMetric(float64(good.Len())/n, "bytes/record")
		})
	}
}

// FuzzImportLine: any line is imported or refused with a reason, never a
// panic or a record without its id.
func FuzzImportLine(f *testing.F) {
	f.Add(`{"id":"a","number":"1/QĐ","issued_date":"2024-01-02","urgency":"Khẩn","body":"văn bản"}`)
	f.Add(`{"id":"b","pages":["một","hai"],"confidentiality":"mat"}`)
	f.Add(`{"id":"c","file":"../x"}`)
	e := newEnv(f, f.TempDir())
	f.Fuzz(func(t *testing.T, line string) {
		_, err := e.im.Run(context.Background(), strings.NewReader(line), func(r importer.Result) {
			switch {
			case r.Outcome == importer.Refused && r.Error == "":
				t.Fatalf("refused without a reason: %+v", r)
			case r.Outcome != importer.Refused && (r.Doc == "" || r.ID == ""):
				t.Fatalf("imported without an id: %+v", r)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// A record whose file Vanthu received already keeps the received
// document: the earlier id points at it, nothing is overwritten.
func TestImportFileReceivedBefore(t *testing.T) {
	root, _ := filepath.Abs("../../testdata/scans")
	e := newEnv(t, root)
	png, _ := os.ReadFile(filepath.Join(root, "congvan.png"))
	rc, err := e.im.Receiver.Receive(context.Background(), "congvan.png", "lan", strings.NewReader(string(png)))
	if err != nil {
		t.Fatal(err)
	}
	sum, got := run(t, e.im, `{"id":"cu-9","number":"9/XX","subject":"không được ghi đè","file":"congvan.png"}`)
	if sum.Unchanged != 1 || got[0].Doc != rc.Document.ID {
		t.Fatalf("%+v %+v", sum, got)
	}
	d, _ := e.reg.Get(rc.Document.ID)
	if d.Imported != nil || d.Metadata.Subject != "" || d.ReceivedBy != "lan" {
		t.Errorf("the received document was overwritten: %+v", d)
	}
	if n, _ := e.ix.Count(); n != 0 {
		t.Errorf("the import indexed %d documents", n)
	}
	if id, ok := e.reg.ImportedAs("cu-9"); !ok || id != rc.Document.ID {
		t.Errorf("the earlier id points at %s", id)
	}
}
