package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
)

// vanthu import, the server stopped: good lines indexed, a bad one named
// by its number, the exit status says so; then through the running
// server, while a clerk uploads a scan: the old lines change nothing, the
// new ones are searchable, intake goes on, the register marks them.
func TestImportCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	data, dir := t.TempDir(), t.TempDir()
	records := filepath.Join(dir, "qlvb.jsonl")
	os.WriteFile(records, []byte(strings.Join([]string{
		`{"id":"cu-1","number":"88/QĐ-UBND","doc_type":"Quyết định","issuer":"UBND tỉnh","issued_date":"2021-06-01","subject":"Về việc thành lập tổ công tác liên ngành","body":"Thành lập tổ công tác liên ngành kiểm tra an toàn thực phẩm."}`,
		`{"id":"cu-2", "subject": }`,
		`{"id":"cu-3","number":"5/BC-STC","doc_type":"Báo cáo","issued_date":"2021-07-15","subject":"Quyết toán ngân sách","body":"Báo cáo quyết toán ngân sách địa phương."}`,
	}, "\n")), 0o644)
	cmd := exec.Command(vanthuBin, "import", "--data", data, "--compact", records)
	cmd.Env = withoutOMP()
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "dòng 2: not a record") || !strings.Contains(string(out), "3 dòng: 2 văn bản mới, 0 đã nhập trước đó, 1 dòng lỗi") || !strings.Contains(string(out), "văn bản/giây") {
		t.Fatalf("vanthu import: %v\n%s", err, out)
	}
	// A bad line stops no compaction of what was imported (which Bleve's
	// own merging may have brought to one segment already); then
	// compacting again finds one segment, nothing to do.
	if !strings.Contains(string(out), "làm một") && !strings.Contains(string(out), "chỉ mục đã gọn: 1 phân đoạn") {
		t.Errorf("vanthu import --compact: %s", out)
	}
	cmd = exec.Command(vanthuBin, "compact", "--data", data)
	cmd.Env = withoutOMP()
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "chỉ mục đã gọn: 1 phân đoạn") {
		t.Errorf("vanthu compact: %v\n%s", err, out)
	}
	cmd = exec.Command(vanthuBin, "import", "--server", "http://127.0.0.1:1", "--token", "x", "--compact", records)
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "not with --server") {
		t.Errorf("vanthu import --compact --server: %v\n%s", err, out)
	}

	s := startServer(t, data)
	if n := s.metric(t, "vanthu_index_segments"); n != 1 {
		t.Errorf("vanthu_index_segments after import --compact: %v, want 1", n)
	}
	// The server maps the index's one segment file into memory
	// (--preload-index auto: a small index fits).
	zaps, _ := filepath.Glob(filepath.Join(data, "index", "store", "*.zap"))
	if len(zaps) != 1 {
		t.Fatalf("segment files %v, want one", zaps)
	}
	st, _ := os.Stat(zaps[0])
	for deadline := time.Now().Add(20 * time.Second); s.metric(t, "vanthu_index_preloaded_bytes") != float64(st.Size()); {
		if time.Now().After(deadline) {
			t.Fatalf("vanthu_index_preloaded_bytes %v, want the segment file's %d", s.metric(t, "vanthu_index_preloaded_bytes"), st.Size())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The running server holds the index: compacting it now is refused.
	cmd = exec.Command(vanthuBin, "compact", "--data", data)
	cmd.Env = withoutOMP()
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "in use by another process") {
		t.Errorf("vanthu compact beside a running server: %v\n%s", err, out)
	}
	more := filepath.Join(dir, "them.jsonl")
	os.WriteFile(more, []byte(strings.Join([]string{
		`{"id":"cu-1","subject":"đã nhập"}`,
		`{"id":"cu-4","number":"9/TB-VP","doc_type":"Thông báo","issued_date":"2021-08-02","subject":"Lịch tiếp công dân","body":"Thông báo lịch tiếp công dân định kỳ của lãnh đạo tỉnh."}`,
	}, "\n")), 0o644)
	png := scanFile(t, "congvan.png")
	code, _ := s.upload(t, "congvan.png", png) // live intake, while importing
	if code != http.StatusAccepted {
		t.Fatalf("upload during import: %d", code)
	}
	cmd = exec.Command(vanthuBin, "import", "--server", s.base, "--token", tokenOf(s), more)
	cmd.Env = withoutOMP()
	out, err = cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "2 dòng: 1 văn bản mới, 1 đã nhập trước đó, 0 dòng lỗi") {
		t.Fatalf("vanthu import --server: %v\n%s", err, out)
	}
	s.waitIndexed(t, vanthu.RefOf(png))
	for q, want := range map[string]uint64{"to cong tac lien nganh": 1, "lich tiep cong dan": 1, "quyet toan ngan sach": 1} {
		if res := s.search(t, q); res.Total != want {
			t.Errorf("search %q: %d, want %d", q, res.Total, want)
		}
	}
	var reg struct{ Entries []map[string]any }
	s.getJSON(t, "/api/v1/register?year=2021", &reg)
	if len(reg.Entries) != 3 || !strings.Contains(fmt.Sprint(reg.Entries[0]["notes"]), "Nhập từ hệ thống cũ") {
		t.Errorf("register of 2021: %v", reg.Entries)
	}
}

// tokenOf is the clerk's token of a test server.
func tokenOf(s *server) string {
	tok, _ := tokens.Load(strings.TrimPrefix(s.base, "http://"))
	return tok.(string)
}
