package pipeline

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue/inproc"
)

// A document indexed before Vanthu made archive copies gets one; one that
// has a copy, or a reason for none, is left alone.
func TestBackfillArchive(t *testing.T) {
	_, bs, reg := stores(t)
	ctx := context.Background()
	var scan bytes.Buffer
	png.Encode(&scan, image.NewGray(image.Rect(0, 0, 100, 140)))
	img, _ := bs.PutBytes(ctx, scan.Bytes())
	page := []vanthu.Page{{Number: 1, Image: img, DPI: 25, Text: "cải cách", TextSource: "ocr", Done: true,
		Words: []vanthu.Word{{Text: "cải", X0: 10, Y0: 10, X1: 30, Y1: 20, Line: 1}, {Text: "cách", X0: 35, Y0: 10, X1: 60, Y1: 20, Line: 1}}}}
	old := vanthu.Document{ID: vanthu.RefOf([]byte("cũ")), Status: vanthu.Indexed, PageCount: 1, Pages: page, ReceivedAt: time.Now()}
	kept := vanthu.Document{ID: vanthu.RefOf([]byte("có lý do")), Status: vanthu.Indexed, PageCount: 1, Pages: page, ReceivedAt: time.Now(),
		Archive: &vanthu.ArchiveCopy{Note: "born-digital PDF"}}
	for _, d := range []vanthu.Document{old, kept} {
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
	}
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg}
	n, err := p.BackfillArchive(ctx)
	if err != nil || n != 1 {
		t.Fatalf("BackfillArchive = %d, %v; want 1", n, err)
	}
	d, _ := reg.Get(old.ID)
	if d.Archive == nil || d.Archive.Ref == "" {
		t.Fatalf("no copy: %+v", d.Archive)
	}
	if ok, _ := bs.Has(d.Archive.Ref); !ok {
		t.Error("the copy is not in the store")
	}
	if d, _ := reg.Get(kept.ID); d.Archive.Ref != "" || d.Archive.Note != "born-digital PDF" {
		t.Errorf("a document with a reason got %+v", d.Archive)
	}
	if n, _ := p.BackfillArchive(ctx); n != 0 {
		t.Errorf("a second run made %d", n)
	}
	// Once run to the end it does not walk the register again at start.
	later := vanthu.Document{ID: vanthu.RefOf([]byte("sau")), Status: vanthu.Indexed, PageCount: 1, Pages: page, ReceivedAt: time.Now()}
	reg.Register(later)
	if n, _ := p.BackfillArchive(ctx); n != 0 {
		t.Errorf("a run after the first one finished made %d", n)
	}
}
