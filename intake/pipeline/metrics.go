package pipeline

import (
	"fmt"
	"io"
	"sort"
	"sync"
	"sync/atomic"
)

// Metrics counts what the pipeline does, for /metrics.
type Metrics struct {
	DocsReceived   atomic.Int64
	DocsIndexed    atomic.Int64
	DocsFailed     atomic.Int64
	PagesRendered  atomic.Int64
	PagesOCRed     atomic.Int64
	OCRNanos       atomic.Int64
	RasterNanos    atomic.Int64
	Retries        atomic.Int64
	DeadLetters    atomic.Int64
	OCRBusyWorkers atomic.Int64

	mu     sync.Mutex
	gauges map[string]func() float64
}

// Gauge registers a value read at exposition time.
func (m *Metrics) Gauge(name string, f func() float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gauges == nil {
		m.gauges = map[string]func() float64{}
	}
	m.gauges[name] = f
}

// WriteTo writes the metrics in the Prometheus text format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	var n int64
	p := func(name, typ, help string, v float64) {
		k, _ := fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %g\n", name, help, name, typ, name, v)
		n += int64(k)
	}
	p("vanthu_documents_received_total", "counter", "Documents registered by intake.", float64(m.DocsReceived.Load()))
	p("vanthu_documents_indexed_total", "counter", "Documents indexed.", float64(m.DocsIndexed.Load()))
	p("vanthu_documents_failed_total", "counter", "Documents that failed, with a reason in their record.", float64(m.DocsFailed.Load()))
	p("vanthu_pages_rendered_total", "counter", "Pages rasterised.", float64(m.PagesRendered.Load()))
	p("vanthu_pages_recognised_total", "counter", "Pages recognised by OCR.", float64(m.PagesOCRed.Load()))
	p("vanthu_ocr_seconds_total", "counter", "Time spent in OCR.", float64(m.OCRNanos.Load())/1e9)
	p("vanthu_raster_seconds_total", "counter", "Time spent rasterising.", float64(m.RasterNanos.Load())/1e9)
	p("vanthu_stage_retries_total", "counter", "Transient failures retried.", float64(m.Retries.Load()))
	p("vanthu_dead_letters_total", "counter", "Messages sent to the dead-letter topic.", float64(m.DeadLetters.Load()))
	p("vanthu_ocr_busy_workers", "gauge", "OCR workers recognising a page now.", float64(m.OCRBusyWorkers.Load()))
	m.mu.Lock()
	names := make([]string, 0, len(m.gauges))
	for k := range m.gauges {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		p(k, "gauge", k, m.gauges[k]())
	}
	m.mu.Unlock()
	return n, nil
}
