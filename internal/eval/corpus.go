package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Truth is one document's ground truth.
type Truth struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Format    string `json:"format"`
	PageCount int    `json:"page_count"`
	Pages     []struct {
		Text string `json:"text"`
		Scan struct {
			Clean bool `json:"clean"`
			DPI   int  `json:"dpi"`
		} `json:"scan"`
	} `json:"pages"`
	Metadata map[string]any `json:"metadata"`
}

// Text is the whole printed text.
func (t Truth) Text() string {
	var b []string
	for _, p := range t.Pages {
		b = append(b, p.Text)
	}
	return strings.Join(b, "\n")
}

// Field returns a metadata value as a string ("" for null).
func (t Truth) Field(k string) string {
	if s, ok := t.Metadata[k].(string); ok {
		return s
	}
	return ""
}

// CorpusDir is where the corpus is: $VANTHU_CORPUS, else
// $VANTHU_SHARED/corpus/dev, else ../shared/corpus/dev from the repository.
func CorpusDir(repoRoot string) string {
	if d := os.Getenv("VANTHU_CORPUS"); d != "" {
		return d
	}
	if d := os.Getenv("VANTHU_SHARED"); d != "" {
		return filepath.Join(d, "corpus", "dev")
	}
	return filepath.Join(repoRoot, "..", "shared", "corpus", "dev")
}

// LoadCorpus reads every truth file of the corpus in dir.
func LoadCorpus(dir string) ([]Truth, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "truth", "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []Truth
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var t Truth
		if err := json.Unmarshal(b, &t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Files returns the path of each document's file under dir, in the order
// of truths, and their pages in all.
func Files(dir string, truths []Truth) (files []string, pages int) {
	for _, t := range truths {
		files = append(files, filepath.Join(dir, t.File))
		pages += t.PageCount
	}
	return files, pages
}
