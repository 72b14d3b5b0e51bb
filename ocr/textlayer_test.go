package ocr

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
)

func rasteriseBytes(t *testing.T, pdf []byte) []vanthu.PageImage {
	t.Helper()
	return rasteriseBytesWith(t, newRasteriser(t), pdf)
}

// rasteriseBytesWith rasterises pdf with r, whose blob store keeps the
// page images.
func rasteriseBytesWith(t *testing.T, r *Rasteriser, pdf []byte) []vanthu.PageImage {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	var pages []vanthu.PageImage
	err := r.Rasterise(context.Background(), p, vanthu.PDF, func(pi vanthu.PageImage) error {
		pages = append(pages, pi)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestTextLayers(t *testing.T) {
	tests := []struct {
		name   string
		lines  []string
		source string
		want   string
	}{
		// Letters of Vietnamese that WinAnsi has (á, ì, ô, ã, ù).
		{"unicode-compatible text", []string{"B\xe1o c\xe1o t\xecnh h\xecnh c\xf4ng t\xe1c n\xf4ng th\xf4n c\xe1c x\xe3 v\xf9ng cao",
			"C\xf4ng t\xe1c th\xf4ng tin c\xe1c x\xe3"}, "pdf", "Báo cáo tình hình công tác"},
		// TCVN3 (.VnTime) bytes drawn with a WinAnsi font.
		{"TCVN3 text layer", []string{"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam",
			"\xae\xe9c l\xad p - T\xfc do - H\xb9nh ph\xfac", "Quy\xd5t \xae\xdenh v\xd2 vi\xd6c ban h\xb5nh quy ch\xd5 c\xabng t\xb8c v\xa8n th\xad"},
			"pdf-tcvn3", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		// VNI-Times bytes drawn with a WinAnsi font.
		{"VNI text layer", []string{"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam",
			"\xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c", "Quye\xe1t \xf1\xf2nh ve\xe0 vie\xe4c ban ha\xf8nh quy che\xe1"},
			"pdf-vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	}
	for _, tt := range tests {
		pages := rasteriseBytes(t, textPDF(tt.lines...))
		if len(pages) != 1 {
			t.Fatalf("%s: %d pages", tt.name, len(pages))
		}
		p := pages[0]
		if p.TextSource != tt.source || !strings.Contains(p.Text, tt.want) {
			t.Errorf("%s: source %q, text %q; want %q containing %q", tt.name, p.TextSource, p.Text, tt.source, tt.want)
		}
		if p.Image == "" || p.Width == 0 {
			t.Errorf("%s: no page image", tt.name)
		}
	}
	// A layer that does not read as Vietnamese is ignored: the page is OCRed.
	junk := rasteriseBytes(t, textPDF("\xd7\xd8\xd9 \xa4\xa5\xa6 qzx vvkq \xbc\xbd\xbe wrrt zzkp qqxj \xa7\xa8 xkcd bcdfg hjklm npqrst vwxz"))
	if junk[0].Text != "" {
		t.Errorf("an unreadable text layer was used: %q", junk[0].Text)
	}
	// A layer without the marks of Vietnamese (a font that dropped them)
	// is ignored.
	unmarked := []string{"Bao cao ket qua thuc hien cong tac van thu luu tru nam hai nghin",
		"Cac co quan don vi trien khai thuc hien nghiem tuc"}
	if p := rasteriseBytes(t, textPDF(unmarked...))[0]; p.Text != "" || p.TextSource != "" {
		t.Errorf("a text layer without marks was used: %q (%s)", p.Text, p.TextSource)
	}
	// A page that is one scanned image is read from the scan, whatever
	// layer an earlier OCR left under it, marked or not; a scan with a
	// signing tool's stamp drawn on it too, the stamp's text no text of
	// the page's.
	for _, layer := range [][]string{unmarked, tests[0].lines} {
		p := rasteriseBytes(t, scannedPDF(false, false, layer...))[0]
		if p.Text != "" || p.TextSource != "" || p.Image == "" || p.DPI != 150 {
			t.Errorf("a scan with a text layer %q: text %q (%s), dpi %d; want the scan, for OCR", layer[0], p.Text, p.TextSource, p.DPI)
		}
		p = rasteriseBytes(t, scannedPDF(false, true, layer...))[0]
		if p.Text != "" || p.TextSource != "" || p.Image == "" {
			t.Errorf("a scan in two layers with a text layer %q: text %q (%s); want the page, for OCR", layer[0], p.Text, p.TextSource)
		}
		p = rasteriseBytes(t, scannedPDF(true, false, layer...))[0]
		if p.Text != "" || p.TextSource != "" || p.Image == "" {
			t.Errorf("a scan with text %q drawn on it: text %q (%s); want the page, for OCR", layer[0], p.Text, p.TextSource)
		}
	}
	// A page of text laid on an image that covers it (a letterhead, a
	// watermark) keeps its layer: more letters than a stamp has.
	var page []string
	for range 6 {
		page = append(page, tests[0].lines...)
	}
	if p := rasteriseBytes(t, scannedPDF(true, false, page...))[0]; p.TextSource != "pdf" || !strings.Contains(p.Text, "Báo cáo tình hình") {
		t.Errorf("a page of text on a background image: text %q (%s); want its layer", p.Text, p.TextSource)
	}
	// A scanned page has no layer.
	scan := rasteriseBytes(t, mustRead(t, filepath.Join(scans, "congvan-2p.pdf")))
	if scan[0].Text != "" || scan[0].TextSource != "" {
		t.Errorf("a scanned page got a text layer: %+v", scan[0])
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// What the renderer says of a file it rendered (here MuPDF repairing a
// broken cross-reference table) reaches the service's log, named by the
// file.
func TestRasteriserLogsTheChildsNotes(t *testing.T) {
	pdf := textPDF("Báo cáo tình hình")
	at := bytes.LastIndex(pdf, []byte("startxref\n"))
	broken := append(append([]byte{}, pdf[:at]...), []byte("startxref\n999999\n%%EOF\n")...)
	var logged bytes.Buffer
	r := newRasteriser(t)
	r.Log = slog.New(slog.NewTextHandler(&logged, nil))
	if pages := rasteriseBytesWith(t, r, broken); len(pages) != 1 {
		t.Fatalf("%d pages of the repaired file; want 1", len(pages))
	}
	if got := logged.String(); !strings.Contains(got, "level=WARN") || !strings.Contains(got, "doc.pdf") || !strings.Contains(got, "xref") {
		t.Errorf("log %q; want a warning naming doc.pdf and the repaired xref", got)
	}
}
