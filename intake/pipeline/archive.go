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

// makeCopy makes d's archive copy (package archive), or the record of why
// it has none: a page image no PDF can take leaves the original to stand
// in. Other errors (the store) are returned, to be tried again.
func (p *Pipeline) makeCopy(ctx context.Context, d vanthu.Document) (vanthu.ArchiveCopy, error) {
	start := time.Now()
	ac, err := archive.Build(ctx, p.Blobs, d, start)
	if vanthu.KindOf(err) == vanthu.Invalid {
		return vanthu.ArchiveCopy{Built: start.UTC(), Note: "archive copy not made: " + err.Error(), NoteVI: "Không tạo được bản lưu trữ PDF/A; dùng bản gốc"}, nil
	}
	if err == nil && ac.Ref != "" {
		p.log().Info("archive copy made", "id", d.ID.Short(), "pages", len(d.Pages), "bytes", ac.Size, "took", time.Since(start).Round(time.Millisecond))
	}
	return ac, err
}

// setCopy records d's copy unless it has one (or a reason for none)
// already.
func setCopy(records Records, id vanthu.Ref, ac vanthu.ArchiveCopy) (vanthu.Document, error) {
	return records.Update(id, func(d *vanthu.Document) error {
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

// archiveCopy makes the two-layer PDF/A copy of an extracted document, or
// records why it has none, before the record goes to the index. A copy
// made already is kept.
func (p *Pipeline) archiveCopy(ctx context.Context, d vanthu.Document) (vanthu.Document, error) {
	if d.Archive != nil || d.Status != vanthu.Extracted {
		return d, nil
	}
	ac, err := p.makeCopy(ctx, d)
	if err != nil {
		return d, err
	}
	return setCopy(p.records(), d.ID, ac)
}

// backfillTask names BackfillArchive in the registry's one-time tasks.
const backfillTask = "archive-copies-of-earlier-documents"

// BackfillArchive makes the archive copies of the indexed documents that
// have none (indexed before Vanthu made copies), one at a time, and puts
// each record on the documents log again, so that every node's register
// has it. Every document indexed since has its copy from the pipeline, so
// once it has run to the end it is not run again. It returns how many it
// made.
func (p *Pipeline) BackfillArchive(ctx context.Context) (int, error) {
	if p.Registry.Done(backfillTask) {
		return 0, nil
	}
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
		ac, err := p.makeCopy(ctx, d)
		if err != nil {
			return n, err
		}
		if d, err = setCopy(p.Registry, id, ac); err != nil {
			return n, err
		}
		if err := p.Publish(ctx, d); err != nil {
			return n, err
		}
		n++
	}
	return n, p.Registry.SetDone(backfillTask)
}
