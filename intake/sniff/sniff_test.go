package sniff

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		head   string
		format vanthu.Format
		named  string
	}{
		{"%PDF-1.7\n", vanthu.PDF, "PDF"},
		{"\r\n\r\n%PDF-1.4", vanthu.PDF, "PDF"},
		{"II*\x00\x08\x00\x00\x00", vanthu.TIFF, "TIFF"},
		{"MM\x00*\x00\x00\x00\x08", vanthu.TIFF, "TIFF"},
		{"\xff\xd8\xff\xe0", vanthu.JPEG, "JPEG"},
		{"\x89PNG\r\n\x1a\n", vanthu.PNG, "PNG"},
		{"", "", "empty file"},
		{"PK\x03\x04rest", "", "ZIP archive (or DOCX/XLSX/ODT)"},
		{"GIF89a", "", "GIF image"},
		{"\x7fELF\x02", "", "executable program (ELF)"},
		{"Kính gửi: Sở Nội vụ", "", "text"},
		{"\x00\x01\x02\x03", "", "unknown binary data"},
	}
	for _, tt := range tests {
		f, named := Sniff([]byte(tt.head))
		if f != tt.format || named != tt.named {
			t.Errorf("Sniff(%q) = %q, %q; want %q, %q", tt.head, f, named, tt.format, tt.named)
		}
	}
}

func TestInspectScans(t *testing.T) {
	tests := []struct {
		file   string
		format vanthu.Format
		pages  []Page
	}{
		{"congvan.png", vanthu.PNG, []Page{{2480, 970, 0}}},
		{"congvan.jpg", vanthu.JPEG, []Page{{2480, 970, 300}}},
		{"congvan-2p.tif", vanthu.TIFF, []Page{{2480, 970, 300}, {2480, 890, 300}}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join("../../testdata/scans", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := Sniff(b[:HeaderSize])
		if f != tt.format {
			t.Errorf("%s: Sniff = %q, want %q", tt.file, f, tt.format)
		}
		pages, err := Inspect(bytes.NewReader(b), int64(len(b)), f)
		if err != nil {
			t.Errorf("%s: Inspect: %v", tt.file, err)
			continue
		}
		if len(pages) != len(tt.pages) {
			t.Errorf("%s: %d pages, want %d", tt.file, len(pages), len(tt.pages))
			continue
		}
		for i := range pages {
			if pages[i] != tt.pages[i] {
				t.Errorf("%s page %d: %+v, want %+v", tt.file, i+1, pages[i], tt.pages[i])
			}
		}
	}
}

func TestInspectRefusesCorruptHeaders(t *testing.T) {
	tif, _ := os.ReadFile("../../testdata/scans/congvan-2p.tif")
	loop := bytes.Clone(tif[:8])
	loop = append(loop, 0, 0, 8, 0, 0, 0) // zero entries, next IFD = 8 again
	tests := map[string]struct {
		b []byte
		f vanthu.Format
	}{
		"truncated TIFF":     {tif[:12], vanthu.TIFF},
		"TIFF IFD loop":      {loop, vanthu.TIFF},
		"TIFF header only":   {[]byte("II*\x00"), vanthu.TIFF},
		"PNG signature only": {[]byte("\x89PNG\r\n\x1a\n"), vanthu.PNG},
		"JPEG SOI only":      {[]byte("\xff\xd8\xff"), vanthu.JPEG},
	}
	for name, tt := range tests {
		_, err := Inspect(bytes.NewReader(tt.b), int64(len(tt.b)), tt.f)
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
		}
	}
}

func FuzzSniffInspect(f *testing.F) {
	for _, name := range []string{"congvan.png", "congvan.jpg", "congvan-2p.tif"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/scans", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 4096)])
	}
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("II*\x00\x08\x00\x00\x00\x00\x00\x08\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		format, named := Sniff(b)
		if named == "" {
			t.Fatal("Sniff named nothing")
		}
		pages, err := Inspect(bytes.NewReader(b), int64(len(b)), format)
		if err == nil {
			for _, p := range pages {
				if p.Width <= 0 || p.Height <= 0 {
					t.Fatalf("page without size accepted: %+v", p)
				}
			}
		}
	})
}
