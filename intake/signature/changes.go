package signature

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"

	"github.com/vanthu/vanthu"
)

// What a later revision of a signed PDF changes (Signature.AddedAfter),
// and what a certifying signature lets it change (Signature.Certification).
//
// A signed PDF is changed by appending a revision: the objects it adds or
// rewrites, and a cross-reference pointing at them. qpdf's cross-reference
// (--show-xref) gives each object's latest place in the file; an object
// placed after a signature's ranges was written after it. Each such object
// is read in the file as it is and, where it existed, in the file as it
// was signed (the file cut at the ranges' end, which is what was signed),
// both through qpdf's JSON; the difference says what kind of change it
// is. PDF syntax is left to qpdf, as CMS is left to pdfsig and openssl.

// docMDP returns the permissions (vanthu.Certify…) a signature dictionary
// d declares through a DocMDP transform in its /Reference: its /P, or
// CertifyForms where /P is absent or no permission PDF defines, as PDF
// reads it; 0 for a signature that certifies nothing.
func (r *revision) docMDP(d map[string]any) int {
	list, _ := r.resolve(d["/Reference"]).([]any)
	for _, e := range list {
		sr, _ := r.resolve(e).(map[string]any)
		if sr["/TransformMethod"] != "/DocMDP" {
			continue
		}
		params, _ := r.resolve(sr["/TransformParams"]).(map[string]any)
		switch p, _ := params["/P"].(float64); p {
		case vanthu.CertifyNoChanges, vanthu.CertifyForms, vanthu.CertifyAnnotations:
			return int(p)
		}
		return vanthu.CertifyForms
	}
	return 0
}

// isTimeStamp says whether d is a document time stamp (RFC 3161) or the
// field that holds one: data to validate the signatures by in years to
// come, which no one signs.
func (r *revision) isTimeStamp(d map[string]any) bool {
	v, _ := r.resolve(d["/V"]).(map[string]any)
	for _, x := range []map[string]any{d, v} {
		if x["/Type"] == "/DocTimeStamp" || x["/SubFilter"] == "/ETSI.RFC3161" {
			return true
		}
	}
	return false
}

// isSignature says whether d is a signature field (with its widget), or a
// signature's or document time stamp's value.
func isSignature(d map[string]any) bool {
	if d == nil {
		return false
	}
	t := d["/Type"]
	_, hasRange := d["/ByteRange"]
	return d["/FT"] == "/Sig" || t == "/Sig" || t == "/DocTimeStamp" || hasRange
}

// isAnnotation says whether d is an annotation other than a form field's
// widget: a comment, a highlight, a stamp, a link.
func isAnnotation(d map[string]any) bool {
	if d == nil {
		return false
	}
	st, _ := d["/Subtype"].(string)
	switch st {
	case "/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine",
		"/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink",
		"/Popup", "/FileAttachment", "/Sound", "/Link", "/Redact":
		return true
	}
	return false
}

// revisions reads, from the file at path, what each signature certifies
// (Certification), whether it is a time stamp, and what the file changed
// after each signature that does not cover it (AddedAfter); and returns
// the file as qpdf reads it. Where the file cannot be read so, they are
// left empty.
func revisions(ctx context.Context, path string, raw []byte, sigs []vanthu.Signature) (*revision, error) {
	if len(sigs) == 0 {
		return nil, nil
	}
	cur, err := readRevision(ctx, path)
	if err != nil {
		return nil, err
	}
	describe(cur, int64(len(raw)), sigs)
	var todo []int
	for i, s := range sigs {
		if s.UnsignedBytes > 0 && s.UnsignedBytes < int64(len(raw)) {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return cur, nil
	}
	at, err := placed(ctx, path)
	if err != nil {
		return cur, err
	}
	p := partsOf(cur)
	for _, i := range todo {
		end := int64(len(raw)) - sigs[i].UnsignedBytes
		var written []int
		for n, off := range at {
			if off >= end {
				written = append(written, n)
			}
		}
		slices.Sort(written)
		kinds, err := changedSince(ctx, raw[:end], p, written)
		if err != nil {
			return cur, err
		}
		sigs[i].AddedAfter = kinds
	}
	return cur, nil
}

// describe sets what each signature's dictionary in cur says of it (its
// Certification, and whether it is a TimeStamp), the dictionary being the
// one whose byte ranges end where the signature's do (the file of size
// bytes less those after the signature).
func describe(cur *revision, size int64, sigs []vanthu.Signature) {
	byEnd := map[int64]map[string]any{}
	for _, v := range cur.objs {
		d, _ := v.(map[string]any)
		br, _ := d["/ByteRange"].([]any)
		if len(br) < 4 {
			continue
		}
		off, ok1 := br[len(br)-2].(float64)
		n, ok2 := br[len(br)-1].(float64)
		if ok1 && ok2 {
			byEnd[int64(off+n)] = d
		}
	}
	for i := range sigs {
		if d := byEnd[size-sigs[i].UnsignedBytes]; d != nil {
			sigs[i].Certification = cur.docMDP(d)
			sigs[i].TimeStamp = cur.isTimeStamp(d)
		}
	}
}

// changedSince reads the revision signed (the file up to a signature's
// ranges' end) and classifies the objects written after it, by the parts
// p of the file now.
func changedSince(ctx context.Context, signed []byte, p *parts, written []int) ([]string, error) {
	f, err := os.CreateTemp("", "vanthu-signed-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(signed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	old, err := readRevision(ctx, f.Name())
	if err != nil {
		return nil, err
	}
	c := newClassifier(ctx, old, p)
	for _, n := range written {
		c.object(n)
	}
	// An object the signed file held and the file now does not was freed
	// by a later revision (a page's content taken away): nothing written,
	// and whatever else the revision adds, content changed.
	for n, ov := range old.objs {
		if nv, ok := p.cur.objs[n]; ov != nil && (!ok || nv == nil) {
			c.add(vanthu.AddedContent)
		}
	}
	var out []string
	for _, k := range []string{vanthu.AddedSignature, vanthu.AddedValidation, vanthu.AddedAnnotations, vanthu.AddedInfo, vanthu.AddedContent} {
		if c.kinds[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// parts are the file now and what its parts reach, the same whichever
// signature's later revisions are classified.
type parts struct {
	cur                        *revision
	root, acroForm, info, meta int
	// The objects reached from the DSS, from a document time stamp, from
	// a signature, from an annotation, from the pages but not their
	// annotations (what is drawn), and from the document.
	dss, stamps, sigs, notes, drawn, used map[int]bool
}

func partsOf(cur *revision) *parts {
	p := &parts{cur: cur}
	p.root = cur.root()
	catalog := cur.dict(p.root)
	p.acroForm = ref(catalog["/AcroForm"])
	p.info = ref(cur.trailer["/Info"])
	p.meta = ref(catalog["/Metadata"])
	p.dss = cur.reach(catalog["/DSS"], "")
	p.drawn = cur.reach(catalog["/Pages"], "/Annots")
	var stamps, sigs, notes []any
	for n := range cur.objs {
		d := cur.dict(n)
		parent := cur.dict(ref(d["/Parent"]))
		r := fmt.Sprintf("%d 0 R", n)
		switch {
		case isSignature(d) && cur.isTimeStamp(d), d["/Subtype"] == "/Widget" && isSignature(parent) && cur.isTimeStamp(parent):
			stamps = append(stamps, r)
		case isSignature(d), d["/Subtype"] == "/Widget" && isSignature(parent):
			sigs = append(sigs, r)
		case isAnnotation(d):
			notes = append(notes, r)
		}
	}
	p.stamps, p.sigs, p.notes = cur.reach(stamps, ""), cur.reach(sigs, ""), cur.reach(notes, "")
	p.used = cur.reach([]any{fmt.Sprintf("%d 0 R", p.root), cur.trailer["/Info"]}, "")
	return p
}

// classifier tells what kind of change each object written after a
// signature is, from what it is in the file now (parts) and was in the
// file signed (old).
type classifier struct {
	*parts
	ctx      context.Context
	old      *revision
	kinds    map[string]bool
	compared int // streams compared byte for byte
}

func newClassifier(ctx context.Context, old *revision, p *parts) *classifier {
	return &classifier{parts: p, ctx: ctx, old: old, kinds: map[string]bool{}}
}

func (c *classifier) add(k string) { c.kinds[k] = true }

// object classifies object n, written after the signature.
func (c *classifier) object(n int) {
	nv, ok := c.cur.objs[n]
	if !ok {
		return // freed
	}
	ov, existed := c.old.objs[n]
	if !existed {
		if k := c.part(n); k != "" {
			c.add(k)
		} else if c.used[n] {
			c.add(vanthu.AddedContent)
		}
		// Else nothing uses it: a cross-reference or object stream, or
		// an object left over.
		return
	}
	if reflect.DeepEqual(ov, nv) && (!c.cur.streams[n] || c.sameStream(n)) {
		return // written again as it was
	}
	d := c.cur.dict(n)
	switch {
	case n == c.root:
		c.dictChange(ov, nv, catalogKeys)
	case n == c.acroForm:
		c.dictChange(ov, nv, acroFormKeys)
	case d["/Type"] == "/Page":
		c.dictChange(ov, nv, pageKeys)
	case c.drawn[n]:
		// What a page draws, whatever else uses it too.
		c.add(vanthu.AddedContent)
	case c.part(n) != "":
		c.add(c.part(n))
	case c.cur.streams[n]:
		c.add(vanthu.AddedContent)
	default:
		// An array held apart: a page's /Annots, the form's /Fields.
		c.arrayChange(ov, nv)
	}
}

// part returns the kind of change object n belongs to by what reaches it:
// the DSS or a document time stamp, a signature, an annotation, the file's
// description; "" for none of them.
func (c *classifier) part(n int) string {
	switch {
	case c.dss[n], c.stamps[n]:
		return vanthu.AddedValidation
	case c.sigs[n]:
		return vanthu.AddedSignature
	case c.notes[n]:
		return vanthu.AddedAnnotations
	case n == c.info || n == c.meta:
		return vanthu.AddedInfo
	}
	return ""
}

// What a change of a key of the catalog, the form or a page is: a func
// that classifies the key's old and new value.
var (
	catalogKeys = map[string]func(c *classifier, ov, nv any){
		"/DSS": func(c *classifier, _, _ any) { c.add(vanthu.AddedValidation) },
		// Which extensions of PDF the file uses (ETSI's, for PAdES
		// signatures and their validation data): says, changes nothing.
		"/Extensions": func(*classifier, any, any) {},
		"/Metadata":   func(c *classifier, _, _ any) { c.add(vanthu.AddedInfo) },
		"/AcroForm":   func(c *classifier, ov, nv any) { c.dictChange(ov, nv, acroFormKeys) },
	}
	acroFormKeys = map[string]func(c *classifier, ov, nv any){
		"/Fields":   (*classifier).arrayChange,
		"/SigFlags": func(c *classifier, _, _ any) { c.add(vanthu.AddedSignature) },
		"/DR":       func(c *classifier, _, _ any) { c.add(vanthu.AddedSignature) },
		"/DA":       func(c *classifier, _, _ any) { c.add(vanthu.AddedSignature) },
	}
	pageKeys = map[string]func(c *classifier, ov, nv any){
		"/Annots": (*classifier).arrayChange,
	}
)

// dictChange classifies the keys whose values differ between ov and nv by
// keys; a key not there, or a value that is no dictionary, is a change of
// content.
func (c *classifier) dictChange(ov, nv any, keys map[string]func(*classifier, any, any)) {
	od, ok1 := ov.(map[string]any)
	nd, ok2 := nv.(map[string]any)
	if !ok1 || !ok2 {
		c.add(vanthu.AddedContent)
		return
	}
	for k := range joinKeys(od, nd) {
		if reflect.DeepEqual(od[k], nd[k]) {
			continue
		}
		if fn, ok := keys[k]; ok {
			fn(c, od[k], nd[k])
		} else {
			c.add(vanthu.AddedContent)
		}
	}
}

func joinKeys(a, b map[string]any) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// arrayChange classifies a list that grew (a page's annotations, the
// form's fields) by what was added to it; one that lost or changed an
// item, or is no list, changed content.
func (c *classifier) arrayChange(ov, nv any) {
	oa, ok1 := ov.([]any)
	na, ok2 := nv.([]any)
	if (!ok1 && ov != nil) || !ok2 {
		c.add(vanthu.AddedContent)
		return
	}
	for _, e := range oa {
		if !slices.ContainsFunc(na, func(x any) bool { return reflect.DeepEqual(x, e) }) {
			c.add(vanthu.AddedContent)
			return
		}
	}
	for _, e := range na {
		if slices.ContainsFunc(oa, func(x any) bool { return reflect.DeepEqual(x, e) }) {
			continue
		}
		n := ref(e)
		switch {
		case n >= 0 && c.stamps[n]:
			c.add(vanthu.AddedValidation)
		case n >= 0 && c.sigs[n]:
			c.add(vanthu.AddedSignature)
		case n >= 0 && c.notes[n]:
			c.add(vanthu.AddedAnnotations)
		default:
			c.add(vanthu.AddedContent)
		}
	}
}

// maxCompared bounds the streams whose bytes are compared between the
// two files (two qpdf runs each); past it, a stream written again is taken
// as changed.
const maxCompared = 32

// sameStream says whether stream n holds the same bytes in both files.
func (c *classifier) sameStream(n int) bool {
	if c.compared++; c.compared > maxCompared {
		return false
	}
	a, err1 := qpdf(c.ctx, "--show-object="+strconv.Itoa(n), "--raw-stream-data", c.old.path)
	b, err2 := qpdf(c.ctx, "--show-object="+strconv.Itoa(n), "--raw-stream-data", c.cur.path)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}
