package dict

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// unitsText holds the names of the district- and commune-level units
// (units.txt, written by internal/tools/unitnames from the General
// Statistics Office's list of December 2024 and the communes, wards and
// special zones of 1 July 2025): a document of any year names its own.
//
//go:embed units.txt
var unitsText string

// unitTable is the names of the units, each as placeKey keys it, and the
// spellings of those names (their words) by their letters without marks;
// and the provinces' names as placeKey keys them.
type unitTable struct {
	names     map[string]bool
	byFold    map[string][][]string
	provinces map[string]bool
}

var unitNames = sync.OnceValue(func() unitTable {
	t := unitTable{names: map[string]bool{}, byFold: map[string][][]string{}, provinces: map[string]bool{}}
	for _, p := range provinceNames {
		t.provinces[placeKey(p)] = true
	}
	for line := range strings.Lines(unitsText) {
		name := strings.TrimSpace(line)
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		k := placeKey(name)
		if t.names[k] {
			continue
		}
		t.names[k] = true
		t.byFold[Fold(k)] = append(t.byFold[Fold(k)], strings.FieldsFunc(NFC(name), notNameRune))
	}
	return t
})

// placeKey is how place names are compared: their words in Canon form, a
// dash or a dot between two of them none (Phan Rang-Tháp Chàm, Phan Rang
// - Tháp Chàm; TP.Hồ Chí Minh).
func placeKey(s string) string {
	return strings.Join(strings.FieldsFunc(Canon(s), notNameRune), " ")
}

// notNameRune reports whether r is none of a name's letters or figures.
func notNameRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

// IsUnitName reports whether s, in any case and tone placement, is the
// name of a district or a commune (Mộ Đức, Bình Hải).
func IsUnitName(s string) bool {
	return unitNames().names[placeKey(s)]
}

// belowProvince are the last words of the units below a province, in
// Canon form: huyện, quận, thị xã and xã, thành phố (phố), phường, thị
// trấn (trấn).
var belowProvince = map[string]bool{"huyện": true, "quận": true, "xã": true, "phố": true, "phường": true, "trấn": true}

// RepairUnit respells the name of a district or commune after the word
// for its unit (HUYỆN MÔ ĐỨC → HUYỆN MỘ ĐỨC, XÃ BÌNH HÁI → XÃ BÌNH HẢI):
// a scan in 1 bit or at 100 dpi loses or changes the marks of a place's
// name, and a name is no word the syllable rules can check. The name is
// the words after unit that begin with a capital, two to four of them up
// to a word with punctuation after it; it is respelt where it is no
// unit's name and its letters without marks are those of one name only,
// the longest such. A province's name is RepairProvince's; a name read
// right, and one whose letters several names share, are left as read. It
// returns next respelt, each word in the case it was read in, and
// whether it changed any.
func RepairUnit(unit string, next []string) ([]string, bool) {
	if !belowProvince[Canon(strings.TrimFunc(unit, notLetter))] || len(next) < 2 {
		return next, false
	}
	if IsCompound(unit, next[0]) { // XÃ HỘI
		return next, false
	}
	// A stroke read inside a word of the name (S[I MA CAI) is none of it.
	read := make([]string, len(next))
	for i, w := range next {
		read[i] = innerMark.ReplaceAllString(NFC(w), "$1$2")
	}
	n := 0
	for n < min(len(read), 4) {
		w := read[n]
		core := strings.TrimFunc(w, notLetter)
		r, _ := utf8.DecodeRuneInString(core)
		if core == "" || !strings.HasPrefix(w, core) || !unicode.IsUpper(r) || strings.ContainsFunc(core, notLetter) {
			break
		}
		n++
		if w != core {
			break // the name ends at punctuation
		}
	}
	if _, p := provinceAt(read[:n], false); p > 0 {
		return next, false
	}
	t := unitNames()
	for k := n; k >= 2; k-- {
		key := placeKey(strings.Join(read[:k], " ")) // the last word's punctuation aside
		if t.names[key] {
			out := append(slices.Clone(read[:k]), next[k:]...)
			return out, !slices.Equal(out, next)
		}
		spellings := t.byFold[Fold(key)]
		if len(spellings) == 0 {
			continue
		}
		if len(spellings) > 1 || len(spellings[0]) != k {
			return next, false
		}
		out := append(slices.Clone(read[:k]), next[k:]...)
		respellAll(out[:k], spellings[0])
		return out, true
	}
	return next, false
}

// innerMark is a bracket or a bar between two letters of a word.
var innerMark = regexp.MustCompile(`(\pL)[\[\]{}|](\pL)`)
