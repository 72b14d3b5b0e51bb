package dict

import "testing"

// A capital misread in one of the commonest abbreviations makes a word
// one letter from it; the abbreviations themselves, other codes and
// words are none.
func TestNearAbbreviation(t *testing.T) {
	for w, want := range map[string]bool{
		"TXHH": true, "UBNĐ": true, "BHXN": true, "THP1": false,
		"TNHH": false, "UBND": false, "BHTN": false, "UBKT": false, "TNMT": false,
		"KTN": false, "KCN": false, "Tnhh": false, "TXHHH": false, "TỈNH": false,
	} {
		if got := NearAbbreviation(w); got != want {
			t.Errorf("NearAbbreviation(%q) = %v, want %v", w, got, want)
		}
	}
}
