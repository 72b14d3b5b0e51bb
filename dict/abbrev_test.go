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

// A header line's first word one capital off an abbreviation an agency's
// name begins with is that abbreviation; another body's is left.
func TestRepairHeadAbbreviation(t *testing.T) {
	for _, c := range []struct{ w, want string }{
		{"UBRD", "UBND"},
		{"UBNĐ", "UBND"},
		{"HDND", "HĐND"},
		{"UBND", "UBND"},
		{"UBKT", "UBKT"}, // the inspection committee's own
		{"BHYT", "BHYT"},
		{"Ubrd", "Ubrd"},
	} {
		got, changed := RepairHeadAbbreviation(c.w)
		if got != c.want || changed != (c.want != c.w) {
			t.Errorf("RepairHeadAbbreviation(%q) = %q, %v; want %q", c.w, got, changed, c.want)
		}
	}
}

// A type code read with D for its Đ takes it back where it is no type's
// code and one type's alone with the Đ, and one whose Đ was read as both
// letters is one Đ where that is a type's; a type's own code stays.
func TestRepairTypeCode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"QD", "QĐ", true}, {"ND", "NĐ", true}, {"CD", "CĐ", true}, {"QyD", "QyĐ", true},
		{"NDĐ", "NĐ", true}, {"QĐD", "QĐ", true}, {"HDĐ", "HĐ", true}, {"UBNDĐ", "UBNDĐ", false}, // a Đ read as both letters
		{"QĐ", "QĐ", false}, {"HD", "HD", false}, {"DA", "DA", false}, {"UBND", "UBND", false}, {"TT", "TT", false},
	} {
		if got, ok := RepairTypeCode(c.in); got != c.want || ok != c.ok {
			t.Errorf("RepairTypeCode(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
