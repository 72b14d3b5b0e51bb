package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// --preload-index: always maps in any index, never none, auto one that
// fits in half the machine's memory; anything else is refused.
func TestPreloadLimit(t *testing.T) {
	for mode, want := range map[string]int64{"always": 0, "never": -1} {
		if got, err := preloadLimit(mode); err != nil || got != want {
			t.Errorf("%s: %d, %v; want %d", mode, got, err, want)
		}
	}
	total, err := memTotal()
	if err != nil {
		t.Skip(err)
	}
	if got, err := preloadLimit("auto"); err != nil || got != total/2 || total < 1<<28 {
		t.Errorf("auto: %d, %v; the machine has %d bytes", got, err, total)
	}
	if _, err := preloadLimit("yes"); err == nil {
		t.Error("--preload-index yes accepted")
	}
}

// vanthu serve --preload-index never maps nothing in, but tells the
// kernel the index's files are read at random (MADV_RANDOM: "rr" among
// the mapping's flags in /proc/PID/smaps), so that a search of an index
// larger than memory reads the pages it needs and not those around them.
func TestServeNeverPreloadedReadsAtRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/PID/smaps")
	}
	data, dir := t.TempDir(), t.TempDir()
	records := filepath.Join(dir, "qlvb.jsonl")
	os.WriteFile(records, []byte(`{"id":"cu-1","number":"88/QĐ-UBND","doc_type":"Quyết định","issued_date":"2021-06-01","subject":"Về việc thành lập tổ công tác","body":"Thành lập tổ công tác liên ngành."}`), 0o644)
	cmd := exec.Command(vanthuBin, "import", "--data", data, "--compact", records)
	cmd.Env = withoutOMP()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("vanthu import: %v\n%s", err, out)
	}
	zaps, _ := filepath.Glob(filepath.Join(data, "index", "store", "*.zap"))
	if len(zaps) != 1 {
		t.Fatalf("segment files %v, want one", zaps)
	}
	s := startServer(t, data, "--preload-index", "never")
	smaps := fmt.Sprintf("/proc/%d/smaps", s.cmd.Process.Pid)
	var flags string
	for deadline := time.Now().Add(30 * time.Second); !slices.Contains(strings.Fields(flags), "rr"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s is not read at random by the server: VmFlags %q", filepath.Base(zaps[0]), flags)
		}
		b, err := os.ReadFile(smaps)
		if err != nil {
			t.Fatal(err)
		}
		// The flags of the file's mapping: the first VmFlags line after it.
		if _, after, ok := strings.Cut(string(b), zaps[0]+"\n"); ok {
			if _, rest, ok := strings.Cut(after, "VmFlags:"); ok {
				flags, _, _ = strings.Cut(rest, "\n")
			}
		}
	}
	if n := s.metric(t, "vanthu_index_preloaded_bytes"); n != 0 {
		t.Errorf("vanthu_index_preloaded_bytes %v with --preload-index never", n)
	}
}
