package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// TestOtherKindsBornDigital reads the kinds as a word processor exports
// them: text in embedded fonts, no scan (pagerender.PDF), as most
// documents arrive since 2020. The fields come from the text layer's
// words and their boxes (MuPDF's structured text), through the layout
// logic a scan's words go through. The documents are set in Times New
// Roman's widths and written as the harder writers leave a page: each
// word placed on its own, without the spaces (a reader tells the words by
// their gaps), and the lines set in two columns (the header, the
// signature's block) as a table writes them, the left cell's lines and
// then the right's. A mark of urgency or secrecy is bold text where the
// scans have it stamped; a born-digital document bears no received stamp.
func TestOtherKindsBornDigital(t *testing.T) {
	r, err := pagerender.NewTimes()
	if err != nil {
		t.Skipf("no fonts to set the documents in: %v", err)
	}
	files := map[string]string{}
	for i, k := range kinds {
		runs := r.Words(cellByCell(r.Layout(k.lines), k.lines))
		for _, m := range marked[k.name] {
			runs = append(runs, pagerender.Run{Text: m.text, Style: pagerender.Bold, X: m.at.X, Y: m.at.Y})
		}
		out := filepath.Join(t.TempDir(), fmt.Sprintf("kind-%02d.pdf", i))
		if err := os.WriteFile(out, r.PDF(runs), 0o644); err != nil {
			t.Fatal(err)
		}
		files[out] = k.name
	}
	readAndScore(t, files, kinds, nil, 0)
}

// cellByCell orders runs as a table of two columns writes them: of each
// stretch of lines set in two columns (pagerender.Layout's "L"), the left
// column's runs and then the right's.
func cellByCell(runs []pagerender.Run, lines []string) []pagerender.Run {
	var out, right []pagerender.Run
	for _, run := range runs {
		kind, _, _ := strings.Cut(lines[(run.Y-pagerender.Top)/pagerender.LineHeight], "|")
		switch {
		case !strings.HasPrefix(kind, "L"):
			out, right = append(append(out, right...), run), nil
		case run.X <= pagerender.LeftAxis: // centred on the left column's axis
			out = append(out, run)
		default:
			right = append(right, run)
		}
	}
	return append(out, right...)
}
