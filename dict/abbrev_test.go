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

// A capital misread in the abbreviation a word calls for is put back;
// other codes after it, and the same codes after other words, stay.
func TestRepairAbbreviation(t *testing.T) {
	for _, c := range []struct{ head, w, want string }{
		{"ty", "TXHH", "TNHH"},
		{"TY", "TNHN", "TNHH"},
		{"Trường", "THPI", "THPT"},
		{"trường", "THCB", "THCS"},
		{"ty", "TNHH", "TNHH"},
		{"ty", "TMDV", "TMDV"},   // another code
		{"ty", "Txhh", "Txhh"},   // not in capitals
		{"ty", "TXHHH", "TXHHH"}, // a letter more
		{"tỉnh", "TXHH", "TXHH"}, // no abbreviation follows tỉnh
		{"trường", "THPT", "THPT"},
	} {
		got, changed := RepairAbbreviation(c.head, c.w)
		if got != c.want || changed != (c.want != c.w) {
			t.Errorf("RepairAbbreviation(%q, %q) = %q, %v; want %q", c.head, c.w, got, changed, c.want)
		}
	}
}
