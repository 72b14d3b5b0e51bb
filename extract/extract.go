package extract

import (
	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// Extract reads the metadata of a document from its recognised pages (in
// order). Fields it cannot find are left empty.
func Extract(pages []vanthu.Page) vanthu.Metadata {
	md, _ := ExtractWithConfidence(pages)
	return md
}

// ReviewThreshold is the confidence below which a field is flagged for a
// clerk's review.
const ReviewThreshold = 0.75

// keyFields must be found; an empty one is flagged for review. Every
// document under NĐ 30 has them, the place and the signer's role too.
var keyFields = []string{"number", "doc_type", "issuer", "issued_date", "place", "subject", "signer", "signer_title"}

// Review lists the fields a clerk should check: key fields not found (but
// the trích yếu of a type whose form has none), and fields read with a
// confidence below ReviewThreshold.
func Review(md vanthu.Metadata, conf map[string]float64) []string {
	var out []string
	for _, f := range reviewOrder {
		c, found := conf[f]
		key := false
		for _, k := range keyFields {
			key = key || k == f
		}
		if f == "subject" && !found && !dict.HasSubject(md.DocType) {
			continue // a giấy giới thiệu's form has no trích yếu to read
		}
		if found && c < ReviewThreshold || !found && key {
			out = append(out, f)
		}
	}
	return out
}

// ExtractWithConfidence is Extract with the confidence (0–1) of each field
// found: the mean OCR confidence of the words it was read from.
func ExtractWithConfidence(pages []vanthu.Page) (vanthu.Metadata, map[string]float64) {
	return extractFields(pages, make([][]layout.Segment, len(pages)))
}

// reading is a document's fields as extraction reads them, step by step,
// with the confidence (0–1) of each: a step that doubts a field lowers
// its confidence below ReviewThreshold.
type reading struct {
	md      vanthu.Metadata
	conf    map[string]float64
	doubted map[string]bool // the fields a step doubted: no later one trusts them again
	pages   []vanthu.Page
	segsOf  [][]layout.Segment // each page's segments, nil until made (segs)
}

// set gives field the mean confidence of the segments it was read from.
func (r *reading) set(field string, segs ...layout.Segment) {
	if len(segs) == 0 {
		return
	}
	var sum float64
	for _, s := range segs {
		sum += s.Conf
	}
	r.conf[field] = sum / float64(len(segs)) / 100
}

// doubt flags fields for review, whatever they were read with.
func (r *reading) doubt(fields ...string) {
	if r.doubted == nil {
		r.doubted = map[string]bool{}
	}
	for _, f := range fields {
		r.conf[f] = min(r.conf[f], ReviewThreshold/2)
		r.doubted[f] = true
	}
}

// segs is the segments of page i, made on first use.
func (r *reading) segs(i int) []layout.Segment {
	if r.segsOf[i] == nil {
		r.segsOf[i] = layout.Segments(r.pages[i])
	}
	return r.segsOf[i]
}

// pageTop is the top of a document's first page as its fields are read
// from it.
type pageTop struct {
	first       []layout.Segment // the page's segments, a line run across both columns parted (splitNumberDate, splitNational)
	head, rest  []layout.Segment // above the heading, and from it on (splitHeader)
	left, right []layout.Segment // head's columns: the agency's, the motto's
	// top is head and the lines under it before the body: where the
	// document's own number and date stand. The body cites other
	// documents' numbers and dates, and a wrapped citation can begin a
	// line with "số 115/2021/NĐ-CP".
	top []layout.Segment

	numberAt int    // the number's line in left, -1 where none was read
	typeLost Number // a number whose type code the heading must give back

	headingAt    int // the type heading's line in rest, -1 where none was read
	heading      layout.Segment
	afterHeading []layout.Segment
}

// readTop lays out the top of page p.
func readTop(p vanthu.Page) *pageTop {
	h := &pageTop{numberAt: -1, headingAt: -1}
	h.first = belowNational(splitNational(splitNumberDate(layout.Segments(p), p.Width), p.Width))
	h.head, h.rest = splitHeader(h.first)
	for _, s := range h.head {
		if s.Zone == layout.Right {
			h.right = append(h.right, s)
		} else {
			h.left = append(h.left, s)
		}
	}
	h.top = h.head
	for i, s := range h.rest {
		// Text without word boxes has no columns: its lines run on to the
		// first line of the body.
		if s.Zone == layout.Full && len(s.Words) > 0 || i >= 8 || opensSection(s.Text) {
			break
		}
		h.top = append(h.top[:len(h.top):len(h.top)], s)
	}
	return h
}

// extractFields is ExtractWithConfidence with the segments of the pages
// after the first that a caller has made (segsOf, nil where not made);
// it makes those it needs, into segsOf.
func extractFields(pages []vanthu.Page, segsOf [][]layout.Segment) (vanthu.Metadata, map[string]float64) {
	r := &reading{md: vanthu.Metadata{Recipients: []string{}}, conf: map[string]float64{}, pages: pages, segsOf: segsOf}
	if len(pages) == 0 {
		return r.md, r.conf
	}
	h := readTop(pages[0])
	r.segsOf[0] = h.first
	r.readNumber(h)
	r.readDate(h)
	r.readMarkLines(h)
	r.readIssuer(h)
	r.readType(h)
	r.readSubject(h)
	checkIssuingCode(&r.md, r.conf)
	r.readClosing()
	checkUnitCode(&r.md, r.conf)
	r.checkDate()
	return r.md, r.conf
}

// texts is the text of each segment.
func texts(segs []layout.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}
