package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/png" // the size of an upright page image
	"slices"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/blob"
	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/intake/queue"
	"github.com/vanthu/vanthu/ocr"
)

// The stages' handlers: rasterise a file, recognise its pages, assemble
// the document, extract its fields.

func (p *Pipeline) publishPage(ctx context.Context, d vanthu.Document, pg vanthu.Page, layer vanthu.PageImage) error {
	v, _ := json.Marshal(vanthu.PageImage{Doc: d.ID, Number: pg.Number, Pages: d.PageCount, Image: pg.Image, DPI: pg.DPI, Width: pg.Width, Height: pg.Height,
		Text: layer.Text, RawText: layer.RawText, TextSource: layer.TextSource})
	// Keyed by page, so that one document's pages spread over every OCR
	// worker.
	return p.Queue.Publish(ctx, TopicPages, fmt.Sprintf("%s/%d", d.ID, pg.Number), v)
}

// rasterise takes a received document on from the last step its record
// shows done: normally that is none, and it renders the pages, publishing
// each for OCR as soon as it is rendered.
func (p *Pipeline) rasterise(ctx context.Context, m queue.Message) error {
	var in vanthu.Document
	if err := json.Unmarshal(m.Value, &in); err != nil || in.ID == "" {
		return p.dead(ctx, m, fmt.Errorf("not a document: %v", err))
	}
	id := in.ID
	return p.attempt(ctx, m, id, "rasterise", func() error {
		if err := p.records().Ensure(in); err != nil {
			return err
		}
		d, err := p.records().Get(id)
		if err != nil {
			return err
		}
		switch d.Status {
		case vanthu.Received, vanthu.Rasterised:
		case vanthu.Recognised, vanthu.Extracted:
			return p.extract(ctx, id) // a restart found it past OCR
		default:
			return nil // done
		}
		if d.Format == vanthu.PDF && d.Signatures == nil && p.Signatures != nil {
			if err := p.verifySignatures(ctx, d.ID); err != nil {
				return err
			}
		}
		if d.Format == vanthu.PDF && d.ActiveContent == nil {
			if err := p.checkActiveContent(ctx, d.ID); err != nil {
				return err
			}
		}
		// Rendering again is harmless (same blobs); only pages not yet
		// recognised go on to OCR.
		start := time.Now()
		err = p.Rasteriser.Rasterise(ctx, p.Blobs.Path(id), d.Format, func(pi vanthu.PageImage) error {
			p.metrics().PagesRendered.Add(1)
			d, err := p.records().Update(id, func(d *vanthu.Document) error {
				if d.PageCount != pi.Pages || len(d.Pages) != pi.Pages {
					d.PageCount = pi.Pages
					d.Pages = make([]vanthu.Page, pi.Pages)
					for i := range d.Pages {
						d.Pages[i].Number = i + 1
					}
				}
				pg := &d.Pages[pi.Number-1]
				if !pg.Done {
					pg.Image, pg.DPI, pg.Width, pg.Height = pi.Image, pi.DPI, pi.Width, pi.Height
				}
				return nil
			})
			if err != nil {
				return err
			}
			if pg := d.Pages[pi.Number-1]; !pg.Done {
				return p.publishPage(ctx, d, pg, pi)
			}
			return nil
		})
		p.metrics().RasterNanos.Add(int64(time.Since(start)))
		if err != nil {
			return err
		}
		_, err = p.records().Update(id, func(d *vanthu.Document) error {
			if d.Status == vanthu.Received {
				d.Status = vanthu.Rasterised
			}
			return nil
		})
		return err
	})
}

// checkActiveContent records the active content of a PDF (none: an empty
// list, so the check is made once) and warns the clerk of it.
func (p *Pipeline) checkActiveContent(ctx context.Context, id vanthu.Ref) error {
	kinds := activeContent(ctx, p.Blobs.Path(id))
	_, err := p.records().Update(id, func(d *vanthu.Document) error {
		if d.ActiveContent == nil {
			d.ActiveContent = append([]string{}, kinds...)
			if len(kinds) > 0 {
				d.Warnings = append(d.Warnings, fmt.Sprintf(ActiveWarning, strings.Join(kinds, ", ")))
			}
		}
		return nil
	})
	return err
}

// verifySignatures records the verdict on the document's digital
// signatures, and what the clerk must be told of them, before it is read:
// the extraction weighs the fields against them. An unsigned PDF is
// recorded with none, so the check is made once.
func (p *Pipeline) verifySignatures(ctx context.Context, id vanthu.Ref) error {
	sigs, warnings, err := p.Signatures.Check(ctx, p.Blobs.Path(id))
	if err != nil {
		p.log().Warn("signatures not checked", "doc", id.Short(), "err", err)
	}
	_, err = p.records().Update(id, func(d *vanthu.Document) error {
		if d.Signatures == nil {
			d.Signatures = append([]vanthu.Signature{}, sigs...)
			d.Warnings = append(d.Warnings, warnings...)
		}
		return nil
	})
	return err
}

// recognise reads one page with the worker's own engine.
func (p *Pipeline) recognise(ctx context.Context, w *ocr.Worker, m queue.Message) error {
	var pi vanthu.PageImage
	if err := json.Unmarshal(m.Value, &pi); err != nil || pi.Doc == "" || pi.Number < 1 {
		return p.dead(ctx, m, fmt.Errorf("not a page image: %v", err))
	}
	return p.attempt(ctx, m, pi.Doc, fmt.Sprintf("ocr: page %d", pi.Number), func() error {
		d, err := p.records().Get(pi.Doc)
		if err != nil || d.Status.Done() || pi.Number > len(d.Pages) || d.Pages[pi.Number-1].Done {
			return err // already done: running twice changes nothing
		}
		var pt vanthu.PageText
		if pi.Text != "" {
			pt = pi.FromTextLayer() // born-digital: no OCR
		} else {
			img, err := p.Blobs.ReadAll(pi.Image)
			if err != nil {
				return err
			}
			p.metrics().OCRBusyWorkers.Add(1)
			start := time.Now()
			var read []byte
			pt, read, err = w.RecognizePageAsRead(ctx, img, pi)
			p.metrics().OCRNanos.Add(int64(time.Since(start)))
			p.metrics().OCRBusyWorkers.Add(-1)
			if err != nil {
				return err
			}
			if err := storeAsRead(ctx, p.Blobs, read, &pt); err != nil {
				return err
			}
		}
		p.metrics().PagesOCRed.Add(1)
		pt.Doc, pt.Number = pi.Doc, pi.Number
		v, err := json.Marshal(pt)
		if err != nil {
			return err
		}
		// Keyed by document: one assembler sees all of a document's pages.
		return p.Queue.Publish(ctx, TopicTexts, string(pi.Doc), v)
	})
}

// assemble records a page's text; once every page is in, it extracts the
// metadata. A message that finds the document complete but not yet sent on
// (the assembler stopped in between) sends it on: nothing is lost if an
// assembler dies mid-document, and the index takes a record twice as once.
func (p *Pipeline) assemble(ctx context.Context, m queue.Message) error {
	var pt vanthu.PageText
	if err := json.Unmarshal(m.Value, &pt); err != nil || pt.Doc == "" {
		return p.dead(ctx, m, fmt.Errorf("not a page text: %v", err))
	}
	return p.attempt(ctx, m, pt.Doc, "assemble", func() error {
		d, err := p.records().Update(pt.Doc, func(d *vanthu.Document) error {
			if d.Status.Done() || pt.Number < 1 || pt.Number > len(d.Pages) {
				return nil
			}
			pg := &d.Pages[pt.Number-1]
			if pg.Done {
				return nil
			}
			pg.TakeText(pt)
			if d.Recognised() && (d.Status == vanthu.Rasterised || d.Status == vanthu.Received) {
				d.Status = vanthu.Recognised
			}
			return nil
		})
		if err != nil || d.Status != vanthu.Recognised && d.Status != vanthu.Extracted {
			return err
		}
		return p.extract(ctx, pt.Doc)
	})
}

// signerBook is Records that know who signs for each issuer (the
// Registry): a signer's name or role a seal garbled is read as one of
// theirs.
type signerBook interface {
	Signers(issuer string) ([]vanthu.Signer, error)
}

// extract reads the metadata of a recognised document and publishes the
// record to the documents topic. A document extracted already is published
// again as it is.
func (p *Pipeline) extract(ctx context.Context, id vanthu.Ref) error {
	d, err := p.records().Get(id)
	if err != nil {
		return err
	}
	if d.Status == vanthu.Recognised {
		x := extract.Read(d.Pages, d.Signatures)
		x.CheckArrival(d.ReceivedAt)
		if book, ok := p.records().(signerBook); ok && (slices.Contains(x.Review, "signer") || slices.Contains(x.Review, "signer_title")) {
			known, err := book.Signers(x.Metadata.Issuer)
			if err != nil {
				return err
			}
			x.RecallSigner(known)
			x.RecallTitle(known)
			x.RecallHolder(known)
		}
		md := x.Metadata
		d, err = p.records().Update(id, func(d *vanthu.Document) error {
			if d.Status != vanthu.Recognised {
				return nil // extracted meanwhile
			}
			d.Metadata, d.FieldConfidence, d.Review, d.HeaderPage = md, x.Confidence, x.Review, x.HeaderPage
			d.Warnings = append(d.Warnings, x.Warnings...)
			if allBlank(d.Pages) {
				d.Warnings = append(d.Warnings, BlankWarning)
			}
			d.History = append(d.History, vanthu.Revision{At: time.Now().UTC(), By: "extraction", Metadata: md})
			d.Status = vanthu.Extracted
			return nil
		})
		if err != nil {
			return err
		}
	}
	switch {
	case p.Secret(d) && p.SecretIsolated && !d.Access.Secret:
		if d, err = p.records().Update(id, func(d *vanthu.Document) error { d.Access.Secret = true; return nil }); err != nil {
			return err
		}
	case p.Secret(d) && !p.SecretIsolated && d.Status != vanthu.Held:
		if d, err = p.holdSecret(ctx, d); err != nil {
			return err
		}
	}
	if d, err = p.archiveCopy(ctx, d); err != nil {
		return err
	}
	return p.Publish(ctx, d)
}

// storeAsRead stores the page image as OCR read it (read, from
// ocr.Worker.RecognizePageAsRead) when that was not as scanned, and
// names it in pt: the page is then shown, cropped for the clerk and
// archived as its words lie on it.
func storeAsRead(ctx context.Context, bs *blob.Store, read []byte, pt *vanthu.PageText) error {
	if read == nil {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(read))
	if err != nil {
		return vanthu.E("ocr: page as read", vanthu.Invalid, err)
	}
	ref, err := bs.PutBytes(ctx, read)
	if err != nil {
		return err
	}
	pt.Image, pt.Width, pt.Height = ref, cfg.Width, cfg.Height
	return nil
}
