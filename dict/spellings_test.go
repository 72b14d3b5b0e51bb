package dict

import (
	"slices"
	"testing"
)

// The spellings of a syllable are the ways Canon reads back as it
// (a tone OCR misplaced too, vịêt for việt), and no other syllable.
func TestSpellings(t *testing.T) {
	for term, want := range map[string][]string{
		"hòa":  {"hòa", "hoà", "Hòa", "Hoà", "HÒA", "HOÀ"},
		"thủy": {"thủy", "thuỷ", "THỦY", "THUỶ"},
		"đồng": {"đồng", "Đồng", "ĐỒNG", "ðồng", "Ðồng"},
		"việt": {"việt", "Việt", "VIỆT"},
	} {
		got := Spellings(term)
		for _, s := range got {
			if Canon(s) != term {
				t.Errorf("Spellings(%q) has %q, which Canon reads as %q", term, s, Canon(s))
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("Spellings(%q) = %q, want %q among them", term, got, w)
			}
		}
		if slices.Contains(got, "hoá") || slices.Contains(got, "thúy") {
			t.Errorf("Spellings(%q) = %q: another syllable among them", term, got)
		}
	}
}
