package pipeline

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// Kinds of active content a PDF may carry.
const (
	ActiveJavaScript = "javascript"
	ActiveLaunch     = "launch"
	ActiveEmbedded   = "embedded_files"
)

// ActiveWarning is what the clerk is told of a PDF with active content.
const ActiveWarning = "Tệp PDF có nội dung chủ động (%s): văn bản vẫn được tiếp nhận và đọc, nhưng bản gốc chỉ cấp cho lưu trữ; không mở bản gốc trên máy nối mạng (the PDF carries active content)"

var activeKeys = map[string]*regexp.Regexp{
	ActiveJavaScript: regexp.MustCompile(`/(JavaScript|JS)\b`),
	ActiveLaunch:     regexp.MustCompile(`/S\s*/Launch\b|/Launch\b`),
	ActiveEmbedded:   regexp.MustCompile(`/EmbeddedFiles?\b`),
}

// activeContent lists the kinds of active content in the PDF at path:
// JavaScript, launch actions, embedded files. Their keys are looked for in
// the file's bytes, and poppler's pdfdetach also finds embedded files that
// a compressed object stream hides; JavaScript or a launch action inside a
// compressed object stream is not seen.
func activeContent(ctx context.Context, path string) []string {
	found := map[string]bool{}
	if f, err := os.Open(path); err == nil {
		// A PDF may be hundreds of megabytes: its bytes are read in
		// chunks, each with the tail of the one before (longer than any
		// key), not all at once.
		buf := make([]byte, 1<<20)
		keep := 0
		for {
			n, err := f.Read(buf[keep:])
			chunk := buf[:keep+n]
			for kind, re := range activeKeys {
				found[kind] = found[kind] || re.Match(chunk)
			}
			if err != nil {
				break
			}
			keep = min(len(chunk), 64)
			copy(buf, chunk[len(chunk)-keep:])
		}
		f.Close()
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "pdfdetach", "-list", path).Output(); err == nil {
		if first, _, _ := strings.Cut(string(out), "\n"); !strings.HasPrefix(strings.TrimSpace(first), "0 ") && strings.Contains(first, "embedded files") {
			found[ActiveEmbedded] = true
		}
	}
	var kinds []string
	for _, k := range []string{ActiveJavaScript, ActiveLaunch, ActiveEmbedded} {
		if found[k] {
			kinds = append(kinds, k)
		}
	}
	return kinds
}
