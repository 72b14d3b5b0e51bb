package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
)

// RealTruth is one line of a real set's truth.jsonl: a real document with
// its fields read by eye (the names of `vanthu process --json`) and
// passages of its body for search tests.
type RealTruth struct {
	ID       string         `json:"id"`
	File     string         `json:"file"`
	Metadata map[string]any `json:"metadata"`
	Phrases  []string       `json:"phrases"`
}

// RealFields are the fields truth.jsonl transcribes, in the register's
// order.
var RealFields = []string{"number", "doc_type", "issuer", "parent_body", "issued_date", "place", "subject", "signer", "signer_title", "urgency", "confidentiality"}

// RealDir is where the real documents are: $VANTHU_REAL, else
// $VANTHU_SHARED/real, else ../shared/real from the repository.
func RealDir(repoRoot string) string {
	if d := os.Getenv("VANTHU_REAL"); d != "" {
		return d
	}
	if d := os.Getenv("VANTHU_SHARED"); d != "" {
		return filepath.Join(d, "real")
	}
	return filepath.Join(repoRoot, "..", "shared", "real")
}

// LoadReal reads dir/truth.jsonl.
func LoadReal(dir string) ([]RealTruth, error) {
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []RealTruth
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var t RealTruth
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, sc.Err()
}
