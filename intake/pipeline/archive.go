package pipeline

import (
	"context"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/archive"
)

// ArchiveActiveWarning tells the clerk that the archive copy of a PDF with
// active content leaves it out.
const ArchiveActiveWarning = "Bản lưu trữ PDF/A được tạo từ ảnh trang, không mang nội dung chủ động của tệp gốc (the PDF/A archive copy leaves the active content out)"

// archiveCopy makes the two-layer PDF/A copy of an extracted document
// (package archive), or records why it has none, before the record goes
// to the index. A copy made already is kept.
func (p *Pipeline) archiveCopy(ctx context.Context, d vanthu.Document) (vanthu.Document, error) {
	if d.Archive != nil || d.Status != vanthu.Extracted {
		return d, nil
	}
	start := time.Now()
	ac, err := archive.Build(ctx, p.Blobs, d, start)
	if vanthu.KindOf(err) == vanthu.Invalid {
		// A page image no PDF can take: the original stands in.
		ac, err = vanthu.ArchiveCopy{Built: start.UTC(), Note: "archive copy not made: " + err.Error(), NoteVI: "Không tạo được bản lưu trữ PDF/A; dùng bản gốc"}, nil
	}
	if err != nil {
		return d, err
	}
	if ac.Ref != "" {
		p.log().Info("archive copy made", "id", d.ID.Short(), "pages", len(d.Pages), "bytes", ac.Size, "took", time.Since(start).Round(time.Millisecond))
	}
	return p.records().Update(d.ID, func(d *vanthu.Document) error {
		if d.Archive != nil {
			return nil
		}
		d.Archive = &ac
		if ac.Ref != "" && len(d.ActiveContent) > 0 {
			d.Warnings = append(d.Warnings, ArchiveActiveWarning)
		}
		return nil
	})
}

// BackfillArchive makes the archive copies of the indexed documents that
// have none (indexed before Vanthu made copies), one at a time, and puts
// each record on the documents log again, so that every node's register
// has it. It returns how many it made.
func (p *Pipeline) BackfillArchive(ctx context.Context) (int, error) {
	var ids []vanthu.Ref
	err := p.Registry.Walk(func(d vanthu.Document) bool {
		if d.Status == vanthu.Indexed && d.Archive == nil && d.Imported == nil {
			ids = append(ids, d.ID)
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		d, err := p.Registry.Get(id)
		if err != nil {
			return n, err
		}
		ac, err := archive.Build(ctx, p.Blobs, d, time.Now())
		if vanthu.KindOf(err) == vanthu.Invalid {
			ac, err = vanthu.ArchiveCopy{Built: time.Now().UTC(), Note: "archive copy not made: " + err.Error(), NoteVI: "Không tạo được bản lưu trữ PDF/A; dùng bản gốc"}, nil
		}
		if err != nil {
			return n, err
		}
		d, err = p.Registry.Update(id, func(d *vanthu.Document) error {
			if d.Archive == nil {
				d.Archive = &ac
			}
			return nil
		})
		if err != nil {
			return n, err
		}
		if err := p.Publish(ctx, d); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
