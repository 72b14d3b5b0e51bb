package main

import (
	"cmp"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
)

// vanthu process prints the stable JSON contract.
func TestProcessJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, vanthuBin, "process", "--json", "../../testdata/scans/congvan-2p.pdf", "../../testdata/scans/congvan.png")
	cmd.Env = withoutOMP()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("process: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one per file:\n%s", len(lines), out)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "sha256", "pages", "metadata"} {
		if _, ok := r[k]; !ok {
			t.Errorf("result lacks %q", k)
		}
	}
	md := r["metadata"].(map[string]any)
	for _, k := range []string{"number", "doc_type", "issuer", "parent_body", "issued_date", "place", "subject", "signer", "signer_title", "recipients", "urgency", "confidentiality"} {
		if _, ok := md[k]; !ok {
			t.Errorf("metadata lacks %q", k)
		}
	}
	if md["number"] != "45/UBND-VX" || md["issued_date"] != "2024-03-05" || md["place"] != "Hòa Bình" {
		t.Errorf("metadata = %v", md)
	}
	if rec, ok := md["recipients"].([]any); !ok || len(rec) != 2 {
		t.Errorf("recipients = %v, want [Như trên, Lưu: VT, VX]", md["recipients"])
	}
	pages := r["pages"].([]any)
	if len(pages) != 2 || r["sha256"] != string(vanthu.RefOf(scanFile(t, "congvan-2p.pdf"))) {
		t.Errorf("pages %d, sha256 %v", len(pages), r["sha256"])
	}
}

// A born-digital PDF whose text layer is in the legacy TCVN3 encoding is
// not OCRed: its layer is decoded, and the metadata read from it.
func TestProcessLegacyTextLayer(t *testing.T) {
	cmd := exec.Command(vanthuBin, "process", "--json", "../../testdata/scans/tcvn3-textlayer.pdf")
	cmd.Env = withoutOMP()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("process: %v", err)
	}
	var r struct {
		Pages []struct {
			Text       string `json:"text"`
			TextSource string `json:"text_source"`
		} `json:"pages"`
		Metadata vanthu.Metadata `json:"metadata"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) != 1 || r.Pages[0].TextSource != "pdf-tcvn3" || !strings.Contains(r.Pages[0].Text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Fatalf("pages = %+v", r.Pages)
	}
	md := r.Metadata
	if md.Number != "12/TB-SNV" || md.Issuer != "SỞ NỘI VỤ" || md.IssuedDate != "2019-03-05" || md.Place != "Hòa Bình" || md.DocType != "Thông báo" {
		t.Errorf("metadata = %+v", md)
	}
}

// vanthu process without --json tells the clerk what the register's notes
// say of a signed file's signatures, and what to check.
func TestProcessTextSigned(t *testing.T) {
	dir := cmp.Or(os.Getenv("VANTHU_SHARED"), "../../../shared")
	file := filepath.Join(dir, "real", "docs", "real-18.pdf") // born-digital, one page, signed five times
	if _, err := os.Stat(file); err != nil {
		t.Skipf("no real document %s", file)
	}
	cmd := exec.Command(vanthuBin, "process", file)
	cmd.Env = withoutOMP()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("process: %v", err)
	}
	want := regexp.MustCompile(`(?m)^   Ký số: .+ lúc \d\d:\d\d \d\d/\d\d/\d{4}, .+ \(\d chữ ký\), .+: nguyên vẹn, chưa kiểm tra chứng thư số$`)
	if !want.Match(out) {
		t.Errorf("no line of the signatures matching %s in:\n%.1500s", want, out)
	}
}

// Trust roots that hold no certificate are refused before any file is
// read, rather than leaving every signature unchecked.
func TestProcessTrustRootsEmpty(t *testing.T) {
	cmd := exec.Command(vanthuBin, "process", "--trust-roots", t.TempDir(), "../../testdata/scans/congvan.png")
	cmd.Env = withoutOMP()
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no PEM certificate") || strings.Contains(string(out), "== ") {
		t.Errorf("process with an empty --trust-roots: %v\n%s", err, out)
	}
}
