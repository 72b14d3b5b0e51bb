package pagerender

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen2brain/go-fitz"
)

// A page written by PDF reads back as it was laid out: each line's words,
// their marks, in order. Set line by line, through MuPDF, as the
// rasteriser weighs a text layer; set word by word (Words), through
// poppler's pdftotext, which gives the pipeline its word boxes and tells
// the words apart by their gaps. (MuPDF runs a word into the next after a
// letter of U+1E00–U+1EFF: CHỦNGHĨA, Tựdo.)
func TestPDFReadsBack(t *testing.T) {
	r, err := NewTimes()
	if err != nil {
		t.Skipf("no fonts: %v", err)
	}
	lines := []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH QUẢNG NGÃI|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 45/QĐ-UBND|Quảng Ngãi, ngày 03 tháng 4 năm 2018",
		"CB|QUYẾT ĐỊNH",
		"Căn cứ Luật Tổ chức chính quyền địa phương;",
	}
	for name, runs := range map[string][]Run{"lines": r.Layout(lines), "words": r.Words(r.Layout(lines))} {
		path := filepath.Join(t.TempDir(), name+".pdf")
		if err := os.WriteFile(path, r.PDF(runs), 0o644); err != nil {
			t.Fatal(err)
		}
		var text string
		if name == "lines" {
			doc, err := fitz.New(path)
			if err != nil {
				t.Fatal(err)
			}
			text, err = doc.Text(0)
			doc.Close()
			if err != nil {
				t.Fatal(err)
			}
		} else {
			out, err := exec.Command("pdftotext", path, "-").Output()
			if err != nil {
				t.Skipf("no pdftotext (Debian: poppler-utils): %v", err)
			}
			text = string(out)
		}
		got := strings.Join(strings.Fields(text), " ")
		for _, l := range lines {
			for _, part := range strings.Split(l, "|")[1:] {
				if !strings.Contains(got, part) {
					t.Errorf("%s: %q not read back from %q", name, part, got)
				}
			}
		}
		if !strings.Contains(got, "Căn cứ Luật Tổ chức chính quyền địa phương;") {
			t.Errorf("%s: the body line not read back: %q", name, got)
		}
	}
}
