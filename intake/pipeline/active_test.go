package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vanthu/vanthu/internal/pdftest"
)

// onePagePDF is a one-page PDF whose catalog carries extra (an action).
func onePagePDF(t *testing.T, extra string, objs ...string) string {
	t.Helper()
	all := append([]string{"<< /Type /Catalog /Pages 2 0 R " + extra + " >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}, objs...)
	b := pdftest.Build(all...)
	path := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(path, b, 0o644)
	return path
}

func TestActiveContent(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		path string
		want []string
	}{
		{"plain", onePagePDF(t, ""), nil},
		{"javascript on opening", onePagePDF(t, "/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert\\\\(1\\\\)) >>"), []string{ActiveJavaScript}},
		{"a launch action", onePagePDF(t, "/OpenAction 4 0 R", "<< /S /Launch /F (cmd.exe) >>"), []string{ActiveLaunch}},
		{"an embedded file", onePagePDF(t, "/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>", "<< /Type /Filespec /F (a.exe) >>"), []string{ActiveEmbedded}},
	} {
		if got := activeContent(ctx, c.path); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if real := filepath.Join("../../../shared/real/docs/real-07.pdf"); fileExists(real) {
		if got := activeContent(ctx, real); len(got) != 0 {
			t.Errorf("a real signed PDF: %v, want none", got)
		}
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// A key that straddles two of the chunks the file is read in is found.
func TestActiveContentAcrossChunks(t *testing.T) {
	b := []byte("%PDF-1.4\n% ")
	for len(b) < 1<<20-12 { // "/JavaScript" then starts 5 bytes before the first chunk ends
		b = append(b, 'x')
	}
	b = append(b, "\n<< /S /JavaScript /JS (1) >>\n"...)
	path := filepath.Join(t.TempDir(), "big.pdf")
	os.WriteFile(path, b, 0o644)
	if got := activeContent(context.Background(), path); !slices.Equal(got, []string{ActiveJavaScript}) {
		t.Errorf("%v, want javascript", got)
	}
}
