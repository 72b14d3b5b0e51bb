package intake

import (
	"sync"
	"time"

	"github.com/vanthu/vanthu"
)

// Event is what happened to one received file, for the clerk's view of the
// intake queue.
type Event struct {
	At        time.Time  `json:"at"`
	Channel   string     `json:"channel"` // folder, upload, cli
	FileName  string     `json:"file_name"`
	Outcome   string     `json:"outcome"` // accepted, duplicate, refused, error
	ID        vanthu.Ref `json:"id,omitempty"`
	Code      string     `json:"code,omitempty"`
	Message   string     `json:"message,omitempty"`
	MessageVI string     `json:"message_vi,omitempty"`
}

// Events keeps the most recent intake events in memory.
type Events struct {
	mu   sync.Mutex
	buf  []Event
	next int
	full bool
}

// NewEvents keeps the last n events.
func NewEvents(n int) *Events { return &Events{buf: make([]Event, n)} }

// Add records e.
func (l *Events) Add(e Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf[l.next] = e
	l.next = (l.next + 1) % len(l.buf)
	if l.next == 0 {
		l.full = true
	}
}

// Recent returns the events, newest first.
func (l *Events) Recent() []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.next
	if l.full {
		n = len(l.buf)
	}
	out := make([]Event, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, l.buf[(l.next-i+len(l.buf))%len(l.buf)])
	}
	return out
}

// Record turns the outcome of Receive into an event and adds it.
func (l *Events) Record(channel, name string, rc Receipt, err error) Event {
	e := Event{At: time.Now().UTC(), Channel: channel, FileName: CleanName(name)}
	switch ref, refused := AsRefusal(err); {
	case err == nil && rc.Duplicate:
		e.Outcome, e.ID = "duplicate", rc.Document.ID
		e.Message = "the same file was received before, on " + rc.Document.ReceivedAt.Format("2006-01-02 15:04")
		e.MessageVI = "Tệp này đã được tiếp nhận trước đó, lúc " + rc.Document.ReceivedAt.Local().Format("15:04 02/01/2006")
	case err == nil:
		e.Outcome, e.ID = "accepted", rc.Document.ID
	case refused:
		e.Outcome, e.Code, e.Message, e.MessageVI = "refused", ref.Code, ref.Message, ref.MessageVI
	default:
		e.Outcome, e.Message = "error", err.Error()
		e.MessageVI = "Lỗi tạm thời, hệ thống sẽ thử lại"
	}
	if l != nil {
		l.Add(e)
	}
	return e
}
