package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/intake/queue/inproc"
)

// A document arrives after it is issued: an issue date read later than
// the day the office received it goes to the clerk; one on that day does
// not.
func TestExtractChecksTheDateAgainstArrival(t *testing.T) {
	_, bs, reg := stores(t)
	q := inproc.New(10)
	defer q.Close()
	p := &Pipeline{Queue: q, Blobs: bs, Registry: reg}
	page := readPage(congVanHead()...)
	for _, c := range []struct {
		file     string
		received time.Time
		flagged  bool
	}{
		{"den-sau.pdf", time.Date(2025, 1, 24, 2, 0, 0, 0, time.UTC), false},  // 09:00 on the 24th in Vietnam
		{"den-truoc.pdf", time.Date(2025, 1, 23, 9, 0, 0, 0, time.UTC), true}, // the 23rd: 24 is misread
	} {
		d := vanthu.Document{ID: vanthu.RefOf([]byte(c.file)), FileName: c.file, Status: vanthu.Recognised, ReceivedAt: c.received,
			Pages: []vanthu.Page{page}}
		if _, _, err := reg.Register(d); err != nil {
			t.Fatal(err)
		}
		if err := p.extract(context.Background(), d.ID); err != nil {
			t.Fatal(err)
		}
		got, err := reg.Get(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Metadata.IssuedDate != "2025-01-24" || slices.Contains(got.Review, "issued_date") != c.flagged {
			t.Errorf("%s received %v: issued %q, review %v; want 2025-01-24, flagged %v", c.file, c.received, got.Metadata.IssuedDate, got.Review, c.flagged)
		}
	}
}
