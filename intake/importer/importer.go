// Package importer takes records from an agency's earlier records system
// (a QLVB export): one JSON object a line, with their metadata and text,
// and the original file when there is one. They are registered and
// indexed without OCR, in batches; importing the same lines again changes
// nothing; a bad line is reported with its number and the rest goes on.
package importer

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/intake"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/intake/registry"
)

// Record is one line of an import: a document of the earlier system.
type Record struct {
	ID              string   `json:"id"` // its id there: importing it again changes nothing
	Number          string   `json:"number"`
	DocType         string   `json:"doc_type"`
	Issuer          string   `json:"issuer"`
	IssuedDate      string   `json:"issued_date"` // YYYY-MM-DD
	Urgency         string   `json:"urgency"`
	Confidentiality string   `json:"confidentiality"`
	Subject         string   `json:"subject"`
	Body            string   `json:"body"`
	Pages           []string `json:"pages"` // text per page, instead of body
	File            string   `json:"file"`  // the original, which intake validates and keeps
}

// Outcomes of a line.
const (
	Imported  = "imported"  // new
	Unchanged = "unchanged" // imported before
	Refused   = "refused"   // a bad line, or its file refused
)

// Result is what became of one line.
type Result struct {
	Line    int        `json:"line"`
	ID      string     `json:"id,omitempty"`
	Doc     vanthu.Ref `json:"doc,omitempty"`
	Outcome string     `json:"outcome"`
	Error   string     `json:"error,omitempty"`
}

// Summary counts the outcomes.
type Summary struct {
	Lines, Imported, Unchanged, Refused int
}

// Importer imports records into a registry and an index.
type Importer struct {
	Registry *registry.Registry
	Index    *index.Index
	// Receiver takes the records' files (validated, kept as originals);
	// nil refuses records with a file.
	Receiver *intake.Receiver
	// Files opens a record's file, or refuses it (a path outside the
	// folder files may come from): Under or Near.
	Files func(name string) (*os.File, error)
	// SecretIsolated keeps state-secret records whole, for leaders and the
	// named (a machine on a separate LAN); otherwise only their stub is
	// kept, their text and file are not taken, and nothing of them is
	// indexed.
	SecretIsolated bool
	Batch          int // records a batch; 0: 1000
	Parallel       int // batches indexed at once; 0: 1
	Now            func() time.Time
}

// Run imports the lines of r, calling report with each line's result, in
// order, and returns the counts.
//
// A batch is consecutive lines; Parallel batches are indexed at once
// (Bleve builds a batch's segment on one core), then registered and
// reported in the order of their lines, on a goroutine of their own while
// the next lines are read. A refused line's result waits in its batch, so
// that refused lines do not cut batches short.
func (im *Importer) Run(ctx context.Context, r io.Reader, report func(Result)) (Summary, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	groups := make(chan [][]line, 1)
	var sum Summary
	committed := make(chan error)
	go func() {
		var err error
		for g := range groups {
			if err == nil {
				if err = im.commit(g, &sum, report); err != nil {
					cancel(err)
				}
			}
		}
		committed <- err
	}()
	lines, err := im.readLines(ctx, r, groups)
	close(groups)
	if cerr := <-committed; cerr != nil {
		err = cerr
	}
	sum.Lines = lines
	return sum, err
}

// line is a line read: its result so far, and its document unless it was
// refused.
type line struct {
	Result
	doc    vanthu.Document
	unseen bool // a document new to the registry, to index
}

// readLines reads r's lines into batches, sent in groups of Parallel, and
// returns how many lines were not blank.
func (im *Importer) readLines(ctx context.Context, r io.Reader, groups chan<- [][]line) (int, error) {
	size := im.Batch
	if size <= 0 {
		size = 1000
	}
	parallel := max(im.Parallel, 1)
	var group [][]line
	var cur []line
	send := func() bool {
		select {
		case groups <- group:
			group = nil
			return true
		case <-ctx.Done():
			return false
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	seen := map[string]int{} // earlier id → line, within this run
	n := 0
	for number := 1; sc.Scan(); number++ {
		if ctx.Err() != nil {
			return n, context.Cause(ctx)
		}
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		n++
		d, isNew, err := im.document(ctx, text)
		l := line{Result: Result{Line: number, Doc: d.ID}, doc: d, unseen: isNew}
		if d.Imported != nil {
			l.ID = d.Imported.LegacyID
		}
		if err == nil {
			if first, dup := seen[l.ID]; dup {
				err = fmt.Errorf("id %q is on line %d already", l.ID, first)
			}
		}
		if err != nil {
			l.Outcome, l.Error, l.Doc, l.doc = Refused, err.Error(), "", vanthu.Document{}
		} else {
			seen[l.ID] = number
		}
		// Refused lines count towards a batch too: their results wait in
		// it, in order, and a file of bad lines is not held in memory.
		if cur = append(cur, l); len(cur) >= size {
			group, cur = append(group, cur), nil
			if len(group) >= parallel && !send() {
				return n, context.Cause(ctx)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("import: line %d: %w", n+1, err)
	}
	if len(cur) > 0 {
		group = append(group, cur)
	}
	if len(group) > 0 && !send() {
		return n, context.Cause(ctx)
	}
	return n, nil
}

// commit indexes a group's batches at once, then registers and reports
// them in order. The index first, then the registry: a crash between the
// two leaves records that the next run imports again (an index put is an
// upsert), never records registered but missing from the index.
func (im *Importer) commit(group [][]line, sum *Summary, report func(Result)) error {
	errs := make([]error, len(group))
	var wg sync.WaitGroup
	for k, b := range group {
		var index []vanthu.Document
		for _, l := range b {
			if l.Outcome != Refused && l.unseen && l.doc.Status == vanthu.Indexed {
				index = append(index, l.doc)
			}
		}
		if im.Index != nil && len(index) > 0 {
			wg.Go(func() { errs[k] = im.Index.PutBatch(index) })
		}
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, b := range group {
		var docs []vanthu.Document
		var at []int
		for i, l := range b {
			if l.Outcome != Refused {
				docs, at = append(docs, l.doc), append(at, i)
			}
		}
		if len(docs) > 0 {
			fresh, err := im.Registry.Import(docs)
			if err != nil {
				return err
			}
			for j, i := range at {
				if fresh[j] {
					b[i].Outcome = Imported
				} else {
					b[i].Outcome = Unchanged
					b[i].Doc, _ = im.Registry.ImportedAs(docs[j].Imported.LegacyID)
				}
			}
		}
		for _, l := range b {
			switch l.Outcome {
			case Imported:
				sum.Imported++
			case Unchanged:
				sum.Unchanged++
			default:
				sum.Refused++
			}
			report(l.Result)
		}
	}
	return nil
}

// document reads one line into a record, and reports whether the
// registry holds no such document yet.
func (im *Importer) document(ctx context.Context, line string) (vanthu.Document, bool, error) {
	d, err := im.read(ctx, line)
	if err != nil || d.ID == "" {
		return d, false, err
	}
	if known, _ := im.Registry.ImportedAs(d.Imported.LegacyID); known != "" {
		return d, false, nil
	}
	_, err = im.Registry.Get(d.ID) // the same file received before
	return d, vanthu.KindOf(err) == vanthu.NotExist, nil
}

// read reads one line into a record.
func (im *Importer) read(ctx context.Context, line string) (vanthu.Document, error) {
	var rec Record
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rec); err != nil {
		return vanthu.Document{}, fmt.Errorf("not a record: %v", err)
	}
	rec.ID = strings.TrimSpace(rec.ID)
	if rec.ID == "" {
		return vanthu.Document{}, errors.New("no id")
	}
	now := time.Now
	if im.Now != nil {
		now = im.Now
	}
	md, err := metadata(rec)
	d := vanthu.Document{Imported: &vanthu.Import{LegacyID: rec.ID, At: now().UTC()}, Metadata: md, Status: vanthu.Indexed}
	if err != nil {
		return d, err
	}
	if id, ok := im.Registry.ImportedAs(rec.ID); ok { // imported before: nothing to read
		d.ID = id
		return d, nil
	}
	texts := rec.Pages
	if len(texts) == 0 && strings.TrimSpace(rec.Body) != "" {
		texts = []string{rec.Body}
	}
	for i, t := range texts {
		if !dict.InNFC(t) { // most come in NFC: a fifth of the cost to tell
			t = norm.NFC.String(t)
		}
		d.Pages = append(d.Pages, vanthu.Page{Number: i + 1, Text: t, Done: true, TextSource: "import", Confidence: 100})
	}
	d.PageCount = len(d.Pages)
	d.ReceivedAt = d.Imported.At
	secret := md.Confidentiality != ""
	switch {
	case secret && !im.SecretIsolated:
		// Only the stub: its text and file stay out of the system.
		d.Metadata, d.Pages, d.PageCount, d.Status = pipeline.SecretStub(md), nil, 0, vanthu.Held
		d.Warnings = append(d.Warnings, SecretWarning)
	case secret:
		d.Access.Secret = true
	}
	if rec.File != "" && d.Status != vanthu.Held {
		if err := im.takeFile(ctx, &d, rec.File); err != nil {
			return d, err
		}
	}
	note := [2]string{"imported from the earlier system without its file", "Nhập từ hệ thống cũ, không kèm tệp gốc"}
	if d.ID == "" {
		d.ID = vanthu.RefOf([]byte("vanthu import\x00" + rec.ID))
	} else {
		note = [2]string{"imported from the earlier system: its original stands in", "Nhập từ hệ thống cũ: dùng tệp gốc"}
	}
	d.Archive = &vanthu.ArchiveCopy{Built: d.Imported.At, Note: note[0], NoteVI: note[1]}
	return d, nil
}

// takeFile passes a record's file through intake: validated (a refused
// file goes to quarantine and refuses the line) and kept as the original.
func (im *Importer) takeFile(ctx context.Context, d *vanthu.Document, name string) error {
	if im.Receiver == nil || im.Files == nil {
		return errors.New("this import takes no files")
	}
	f, err := im.Files(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("file %q is not a regular file", name)
	}
	base := filepath.Base(filepath.FromSlash(name))
	ref, size, format, err := im.Receiver.Accept(ctx, base, f)
	if ref, ok := intake.AsRefusal(err); ok {
		return fmt.Errorf("file refused: %s (%s)", ref.Message, ref.Code)
	}
	if err != nil {
		return err
	}
	d.ID, d.Size, d.Format, d.FileName = ref, size, format, intake.CleanName(base)
	return nil
}

// metadata checks a record's fields and puts them in Vanthu's forms.
func metadata(rec Record) (vanthu.Metadata, error) {
	clean := func(s string) string { return norm.NFC.String(strings.Join(strings.Fields(s), " ")) }
	md := vanthu.Metadata{Number: strings.ReplaceAll(clean(rec.Number), " ", ""), DocType: clean(rec.DocType), Issuer: clean(rec.Issuer),
		IssuedDate: strings.TrimSpace(rec.IssuedDate), Subject: clean(rec.Subject), Recipients: []string{}}
	if md.IssuedDate != "" {
		if _, err := time.Parse(time.DateOnly, md.IssuedDate); err != nil {
			return md, fmt.Errorf("issued_date %q is not YYYY-MM-DD", rec.IssuedDate)
		}
	}
	var ok bool
	if md.Urgency, ok = canonical(rec.Urgency, dict.Urgencies); !ok {
		return md, fmt.Errorf("urgency %q is none of %s", rec.Urgency, strings.Join(dict.MarkNames(dict.Urgencies), ", "))
	}
	if md.Confidentiality, ok = canonical(rec.Confidentiality, dict.Secrecies); !ok {
		return md, fmt.Errorf("confidentiality %q is none of %s", rec.Confidentiality, strings.Join(dict.MarkNames(dict.Secrecies), ", "))
	}
	return md, nil
}

// canonical finds s among marks, with or without diacritics and case; ""
// is no mark.
func canonical(s string, marks []dict.Mark) (string, bool) {
	k := strings.ToUpper(dict.Fold(strings.Join(strings.Fields(s), " ")))
	if k == "" {
		return "", true
	}
	for _, m := range marks {
		if k == m.Folded {
			return m.Name, true
		}
	}
	return "", false
}

// SecretWarning tells the clerk what became of a state-secret record.
const SecretWarning = "Văn bản mật: chỉ nhập thông tin đăng ký (số ký hiệu, cơ quan, ngày, độ mật); nội dung và tệp gốc không được đưa vào hệ thống nối mạng. Hãy xử lý theo quy trình văn bản mật (state secret: only its stub was imported)"

// Under opens records' files inside root only: a name that leads out of
// it (.., an absolute path, a symbolic link out) is refused. A server's
// import takes files this way.
func Under(root string) func(string) (*os.File, error) {
	return func(name string) (*os.File, error) {
		if root == "" {
			return nil, errors.New("this server takes no files with imported records (it has no --import-root)")
		}
		r, err := os.OpenRoot(root)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		f, err := r.Open(filepath.FromSlash(name))
		if err != nil {
			return nil, fmt.Errorf("file %q: %v", name, err)
		}
		return f, nil
	}
}

// Near opens records' files as the command line does: an absolute path as
// it is, a relative one from base (the records file's folder).
func Near(base string) func(string) (*os.File, error) {
	return func(name string) (*os.File, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(base, name)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("file: %v", err)
		}
		return f, nil
	}
}
