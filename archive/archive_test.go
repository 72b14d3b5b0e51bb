package archive_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/archive"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/internal/pdfacheck"
)

// page stores a blank scan and returns a page of it with words.
func page(t *testing.T, bs *blob.Store, source string) vanthu.Page {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 400, 560))
	for i := range img.Pix {
		img.Pix[i] = 245
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	ref, err := bs.PutBytes(context.Background(), b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var words []vanthu.Word
	text := "Quyết định về việc cải cách hành chính"
	for i, w := range strings.Fields(text) {
		words = append(words, vanthu.Word{Text: w, X0: 20 + 45*i, Y0: 40, X1: 60 + 45*i, Y1: 56, Line: 1})
	}
	return vanthu.Page{Number: 1, Image: ref, DPI: 50, Width: 400, Height: 560, Text: text, TextSource: source, Words: words, Done: true}
}

// A scanned document gets its copy in the store, with the NĐ 30 fields in
// its metadata; a born-digital one keeps its original, with the reason.
func TestBuild(t *testing.T) {
	bs, err := blob.Open(filepath.Join(t.TempDir(), "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	md := vanthu.Metadata{Number: "45/QĐ-UBND", DocType: "Quyết định", Issuer: "UBND tỉnh Quảng Ngãi", IssuedDate: "2025-01-06", Subject: "Về việc cải cách hành chính", Recipients: []string{}}
	d := vanthu.Document{ID: vanthu.RefOf([]byte("gốc")), Pages: []vanthu.Page{page(t, bs, "ocr")}, Metadata: md, ArrivalNumber: 12, ArrivalDate: "2025-01-07"}
	ac, err := archive.Build(context.Background(), bs, d, time.Now())
	if err != nil || ac.Ref == "" || ac.Note != "" {
		t.Fatalf("scanned document: %+v, %v", ac, err)
	}
	copyBytes, err := bs.ReadAll(ac.Ref)
	if err != nil || int64(len(copyBytes)) != ac.Size {
		t.Fatalf("copy in the store: %d bytes, %v", len(copyBytes), err)
	}
	for _, want := range []string{"<nd30:soKyHieu>45/QĐ-UBND</nd30:soKyHieu>", "<nd30:soDen>12</nd30:soDen>", "<nd30:maBanGoc>" + string(d.ID) + "</nd30:maBanGoc>", "<rdf:li xml:lang=\"x-default\">Về việc cải cách hành chính</rdf:li>"} {
		if !bytes.Contains(copyBytes, []byte(want)) {
			t.Errorf("the copy's metadata lack %s", want)
		}
	}
	for _, tool := range pdfacheck.Tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/setup.sh --test", tool)
		}
	}
	img, _ := bs.ReadAll(d.Pages[0].Image)
	for _, msg := range pdfacheck.Check(bs.Path(ac.Ref), []pdfacheck.Page{{Image: img, DPI: 50, Words: archive.Words(d.Pages[0]), Text: d.Pages[0].Text}}, pdfacheck.Options{Title: md.Subject, Render: 1}) {
		t.Error(msg)
	}

	born := d
	born.Pages = []vanthu.Page{page(t, bs, "pdf")}
	ac, err = archive.Build(context.Background(), bs, born, time.Now())
	if err != nil || ac.Ref != "" || !strings.Contains(ac.Note, "born-digital") || ac.NoteVI == "" {
		t.Errorf("born-digital document: %+v, %v", ac, err)
	}
}

// A scan that does not state its resolution gets a copy all the same, its
// page sized at DefaultDPI.
func TestUnknownResolution(t *testing.T) {
	bs, err := blob.Open(filepath.Join(t.TempDir(), "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	p := page(t, bs, "ocr")
	p.DPI = 0
	d := vanthu.Document{ID: vanthu.RefOf([]byte("không rõ dpi")), Pages: []vanthu.Page{p}, Metadata: vanthu.Metadata{Recipients: []string{}}}
	ac, err := archive.Build(context.Background(), bs, d, time.Now())
	if err != nil || ac.Ref == "" {
		t.Fatalf("%+v, %v", ac, err)
	}
	out, err := exec.Command("pdfinfo", bs.Path(ac.Ref)).Output()
	if err != nil || !strings.Contains(string(out), "96 x 134.4 pts") { // 400×560 pixels at 300 dpi
		t.Errorf("pdfinfo: %v\n%s", err, out)
	}
}
