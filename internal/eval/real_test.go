package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vanthu/vanthu/intake/pipeline"
)

var (
	realOnce    sync.Once
	realTruths  []RealTruth
	realResults map[string]pipeline.Result // by truth ID
	realErr     error
)

// processReal runs the real documents through `vanthu process`'s code once
// per test binary.
func processReal(t *testing.T) ([]RealTruth, map[string]pipeline.Result) {
	t.Helper()
	if testing.Short() {
		t.Skip("the real documents are read with OCR")
	}
	dir := RealDir("../..")
	if _, err := os.Stat(filepath.Join(dir, "truth.jsonl")); err != nil {
		t.Skipf("no real documents at %s (set VANTHU_REAL or VANTHU_SHARED): %v", dir, err)
	}
	realOnce.Do(func() {
		if realTruths, realErr = LoadReal(dir); realErr != nil {
			return
		}
		files := map[string]string{}
		for _, tr := range realTruths {
			files[filepath.Join(dir, tr.File)] = tr.ID
		}
		realResults, realErr = processFiles(files)
	})
	if realErr != nil {
		t.Fatal(realErr)
	}
	return realTruths, realResults
}

// TestRealDocuments scores the fields read from the real documents against
// those read by eye, and counts the worst outcome: a number or a date that
// is wrong and not flagged for the clerk's review.
func TestRealDocuments(t *testing.T) {
	truths, res := processReal(t)
	correct := map[string]int{}
	rightFlagged := map[string]int{} // right, but left for the clerk to confirm
	unflagged := 0
	wrongUnflagged := 0 // any field
	for _, tr := range truths {
		r := res[tr.ID]
		if r.Error != "" {
			t.Errorf("%s: %s", tr.ID, r.Error)
		}
		for _, f := range RealFields {
			want, got := tr.Metadata[f], Value(r.Metadata, f)
			if want == nil {
				want = ""
			}
			flagged := slices.Contains(r.Review, f)
			if Match(f, want, got) {
				correct[f]++
				if flagged {
					rightFlagged[f]++
				}
				continue
			}
			t.Logf("%s %-12s want %q, got %q (review: %v)", tr.ID, f, Show(want), Show(got), flagged)
			if !flagged {
				wrongUnflagged++
			}
			if (f == "number" || f == "issued_date") && Show(got) != "" && !flagged {
				unflagged++
				t.Errorf("%s: %s %q is wrong (want %q) and not flagged for review", tr.ID, f, Show(got), Show(want))
			}
		}
	}
	n := len(truths)
	var b strings.Builder
	b.WriteString("\n| field | exact | of which flagged for review |\n| --- | --- | --- |\n")
	for _, f := range RealFields {
		fmt.Fprintf(&b, "| %s | %s | %d |\n", f, percent(correct[f], n), rightFlagged[f])
	}
	t.Log(b.String())
	t.Logf("numbers and dates wrong without review: %d; any field wrong without review: %d", unflagged, wrongUnflagged)
	if wrongUnflagged > 0 {
		t.Errorf("%d fields wrong and not flagged for review; a clerk trusts what is not flagged", wrongUnflagged)
	}
	// Floors: what the code reaches now; a change that loses any fails.
	for f, floor := range realFloors {
		if correct[f] < floor {
			t.Errorf("%s right in %d of %d real documents, below %d", f, correct[f], n, floor)
		}
	}
}

// realFloors are the per-field counts (of 12) the code reaches on
// ../shared/real.
var realFloors = map[string]int{
	"number": 11, "doc_type": 12, "issuer": 12, "issued_date": 11, "place": 12,
	"subject": 12, "signer": 12, "signer_title": 12, "urgency": 12, "confidentiality": 12,
}

func percent(k, n int) string {
	return fmt.Sprintf("%.0f%% (%d/%d)", 100*float64(k)/float64(max(n, 1)), k, n)
}
