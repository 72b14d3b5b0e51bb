package main

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/internal/pagerender"
	"github.com/vanthu/vanthu/internal/pdftest"
	"github.com/vanthu/vanthu/ocr"
	"github.com/vanthu/vanthu/search"
)

// vanthu ingest receives a folder, shows progress, reports refusals and
// leaves every accepted document indexed.
func TestIngestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	data, in := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "công văn.png"), scanFile(t, "congvan.png"), 0o644)
	os.WriteFile(filepath.Join(in, "ghi chú.pdf"), []byte("Kính gửi: không phải bản quét"), 0o644)
	cmd := exec.Command(vanthuBin, "ingest", "--data", data, in)
	cmd.Env = withoutOMP()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	for _, want := range []string{"tiếp nhận", "[==============================] 2/2", "từ chối", "ghi chú.pdf", "1 đã lập chỉ mục"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out)
		}
	}
	cmd = exec.Command(vanthuBin, "search", "--data", data, "--json", "hoa giai tranh chap")
	cmd.Env = withoutOMP()
	out, err = cmd.Output()
	var res search.Result
	if err != nil || json.Unmarshal(out, &res) != nil || res.Total != 1 {
		t.Errorf("search after ingest: %v, %s", err, out)
	}

	// vanthu reindex rebuilds the index from the registry: same answer.
	if out, err := exec.Command(vanthuBin, "reindex", "--data", data).CombinedOutput(); err != nil || !strings.Contains(string(out), "1 documents") {
		t.Fatalf("reindex: %v\n%s", err, out)
	}
	cmd = exec.Command(vanthuBin, "search", "--data", data, "--json", "hoa giai tranh chap")
	cmd.Env = withoutOMP()
	out, err = cmd.Output()
	var again search.Result
	if err != nil || json.Unmarshal(out, &again) != nil || again.Total != 1 || len(res.Hits) == 1 && again.Hits[0].ID != res.Hits[0].ID {
		t.Errorf("search after reindex: %v, %s", err, out)
	}
}

// A scan with nothing on it is indexed with a warning a clerk can read.
func TestBlankScanIsFlagged(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	s := startServer(t, t.TempDir())
	g := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(g, g.Bounds(), image.White, image.Point{}, draw.Src)
	var b bytes.Buffer
	png.Encode(&b, g)
	code, _ := s.upload(t, "trang trắng.png", b.Bytes())
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	d := s.waitIndexed(t, vanthu.RefOf(b.Bytes()))
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "blank") {
		t.Errorf("warnings = %q; want the every-page-blank warning", d.Warnings)
	}
}

// A sheet scanned sideways is read upright, and shown so: the page image
// the clerk sees (and crops a handwritten number from) is the page turned
// upright, with the words on it.
func TestSidewaysScanIsShownUpright(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	s := startServer(t, t.TempDir())
	src, err := png.Decode(bytes.NewReader(scanFile(t, "quyetdinh.png")))
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	sideways := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx())) // turned a quarter anticlockwise
	for y := range b.Dy() {
		for x := range b.Dx() {
			sideways.Set(y, b.Dx()-1-x, src.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	var scan bytes.Buffer
	png.Encode(&scan, sideways)
	if code, _ := s.upload(t, "nằm ngang.png", scan.Bytes()); code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	d := s.waitIndexed(t, vanthu.RefOf(scan.Bytes()))
	if code := s.getJSON(t, "/api/v1/documents/"+string(d.ID)+"?words=1", &d); code != http.StatusOK || len(d.Pages[0].Words) == 0 {
		t.Fatalf("the record with its words: %d, %d words", code, len(d.Pages[0].Words))
	}
	pg := d.Pages[0]
	if pg.Width != b.Dx() || pg.Height != b.Dy() || !strings.Contains(pg.Text, "QUYẾT ĐỊNH") {
		t.Errorf("page %d×%d, text %q; want the page upright, %d×%d, read", pg.Width, pg.Height, pg.Text, b.Dx(), b.Dy())
	}
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/documents/%s/pages/1/image", s.base, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	cfg, _, err := image.DecodeConfig(resp.Body)
	if err != nil || cfg.Width != pg.Width || cfg.Height != pg.Height {
		t.Errorf("page image %d×%d, %v; want the upright page, %d×%d", cfg.Width, cfg.Height, err, pg.Width, pg.Height)
	}
	for _, w := range pg.Words {
		if w.X1 > pg.Width || w.Y1 > pg.Height {
			t.Fatalf("word %q at %d,%d–%d,%d lies off the %d×%d page", w.Text, w.X0, w.Y0, w.X1, w.Y1, pg.Width, pg.Height)
		}
	}
}

// A sheet photographed bent is read flattened, and shown so: the page
// image the clerk sees is the flattened page, with each line's words
// level on it and lying on their ink.
func TestBentSheetIsShownFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	r, err := pagerender.New()
	if err != nil {
		t.Skip(err)
	}
	s := startServer(t, t.TempDir())
	bent := pagerender.Bend(r.Render(append([]string{"", "", ""}, pagerender.Body...)), 84)
	scan, err := ocr.EncodePNG(bent, pagerender.DPI)
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := s.upload(t, "ảnh chụp cong.png", scan); code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	d := s.waitIndexed(t, vanthu.RefOf(scan))
	if code := s.getJSON(t, "/api/v1/documents/"+string(d.ID)+"?words=1", &d); code != http.StatusOK || len(d.Pages[0].Words) == 0 {
		t.Fatalf("the record with its words: %d, %d words", code, len(d.Pages[0].Words))
	}
	pg := d.Pages[0]
	if !strings.Contains(strings.Join(strings.Fields(pg.Text), " "), pagerender.Body[len(pagerender.Body)-1]) {
		t.Errorf("text %q; want the last line, at the foot where the sheet bends most", pg.Text)
	}
	resp, err := http.Get(fmt.Sprintf("%s/api/v1/documents/%s/pages/1/image", s.base, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	shown, _, err := image.Decode(resp.Body)
	if err != nil || shown.Bounds().Dx() != pg.Width || shown.Bounds().Dy() != pg.Height {
		t.Fatalf("page image %v, %v; want the page read, %d×%d", shown.Bounds(), err, pg.Width, pg.Height)
	}
	// The last line, in the image shown: as low at its start as in its
	// middle (the sheet as photographed has its start 33 pixels higher).
	start, middle := baseline(shown, 260, 460), baseline(shown, 1140, 1340)
	if start < 0 || middle < 0 || start-middle > 15 || middle-start > 15 {
		t.Errorf("the last line's baseline at %d at its start, %d in its middle; want the page shown flat", start, middle)
	}
	// Its words, as read: level, each box on its ink.
	last := pg.Words[len(pg.Words)-1].Line
	var top, bottom []int
	for _, w := range pg.Words {
		if w.Line != last {
			continue
		}
		top, bottom = append(top, w.Y0), append(bottom, w.Y1)
		ink := 0
		for y := w.Y0; y < w.Y1; y++ {
			for x := w.X0; x < w.X1; x++ {
				if c, _, _, _ := shown.At(x, y).RGBA(); c < 0x8000 {
					ink++
				}
			}
		}
		if area := (w.X1 - w.X0) * (w.Y1 - w.Y0); 10*ink < area {
			t.Errorf("word %q at %d,%d–%d,%d: %d of %d pixels ink in the image shown; want it on its ink", w.Text, w.X0, w.Y0, w.X1, w.Y1, ink, area)
		}
	}
	// Level within the marks stacked above a letter and the tails below
	// one; read as photographed, the line's words stood 53 pixels apart.
	if slices.Max(top)-slices.Min(top) > 30 || slices.Max(bottom)-slices.Min(bottom) > 30 {
		t.Errorf("the last line's words from %d–%d to %d–%d down; want them level", slices.Min(top), slices.Max(top), slices.Min(bottom), slices.Max(bottom))
	}
}

// baseline is the lowest row, among the 200 above the foot of a page of
// pagerender.Body, where a tenth or more of the pixels from x0 to x1 are
// ink: the last line's baseline there; -1 where there is none.
func baseline(img image.Image, x0, x1 int) int {
	foot := img.Bounds().Dy() - 70 // under the last line, above what a bend brings in
	for y := foot; y > foot-200; y-- {
		ink := 0
		for x := x0; x < x1; x++ {
			if c, _, _, _ := img.At(x, y).RGBA(); c < 0x8000 {
				ink++
			}
		}
		if 10*ink >= x1-x0 {
			return y
		}
	}
	return -1
}

// PDFs that cannot be read are refused at the door with a code a program
// can use and a reason a clerk can read, and kept in quarantine.
func TestUnreadablePDFsRefusedAtIntake(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	data := t.TempDir()
	s := startServer(t, data)
	tests := []struct {
		name string
		body []byte
		code string
	}{
		{"mật khẩu.pdf", scanFile(t, "encrypted.pdf"), "encrypted_pdf"},
		{"hỏng.pdf", []byte("%PDF-1.4\nnot a pdf at all\n"), "corrupt_file"},
		// A one-page PDF whose only image is 30000×30000: a
		// decompression bomb on a small page.
		{"bom ảnh.pdf", bombPDF(30000, 30000), "image_too_large"},
	}
	for _, tt := range tests {
		code, v := s.upload(t, tt.name, tt.body)
		e, _ := v["error"].(map[string]any)
		if code != http.StatusUnprocessableEntity || e["code"] != tt.code || e["message_vi"] == "" {
			t.Errorf("%s: %d %v; want 422 %s", tt.name, code, v, tt.code)
		}
		var d vanthu.Document
		if st := s.getJSON(t, "/api/v1/documents/"+string(vanthu.RefOf(tt.body)), &d); st != http.StatusNotFound {
			t.Errorf("%s: a refused file was registered (%d)", tt.name, st)
		}
	}
	sides, _ := filepath.Glob(filepath.Join(data, "quarantine", "*", "reason.json"))
	if len(sides) != len(tests) {
		t.Errorf("%d files in quarantine, want %d", len(sides), len(tests))
	}
}

// bombPDF is a valid one-page PDF (A4) that draws one w×h 1-bit image,
// whose pixels are all paper (a Flate stream of zeros).
func bombPDF(w, h int) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	row := make([]byte, (w+7)/8)
	for range h {
		zw.Write(row)
	}
	zw.Close()
	content := "q 595 0 0 842 0 0 cm /Im0 Do Q"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", w, h, z.Len(), z.String()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	return pdftest.Build(objs...)
}
