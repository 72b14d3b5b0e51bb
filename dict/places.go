package dict

import (
	"strings"
)

// provinceNames are the provinces and the cities under the central
// government: the 63 of 2008–2025 (the 34 of Nghị quyết 202/2025/QH15 keep
// names among them). A header names its province after TỈNH or THÀNH PHỐ
// ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI") and the date line begins with the
// place ("Quảng Ngãi, ngày …"); a scan at 100 dpi or in 1 bit loses the
// marks of both, which no syllable rule puts back (QUANG NGAI, Quảng
// Ngài are syllables), but the name does.
var provinceNames = []string{
	"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế",
	"An Giang", "Bà Rịa Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
	"Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
	"Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
	"Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
	"Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
	"Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
	"Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
	"Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}

// provinces are the names split into syllables, with their folded keys.
var provinces = makePhrases(provinceNames)

// provinceAt returns the name of the province whose letters, without
// marks, are those of the first words of ws (a dash between syllables,
// as in Bà Rịa - Vũng Tàu, is no word), the longest such name, and the
// number of words it takes: 0 if none.
func provinceAt(ws []string) ([]string, int) {
	var folded []string
	var at []int
	for i, w := range ws {
		if f := strings.ToUpper(Fold(strings.TrimFunc(w, notLetter))); f != "" {
			folded = append(folded, f)
			at = append(at, i)
		}
	}
	var best []string
	n := 0
	for _, p := range provinces {
		k := len(p.folded)
		if k <= len(best) || k > len(folded) || strings.Join(folded[:k], " ") != p.key {
			continue
		}
		best, n = p.sylls, at[k-1]+1
	}
	return best, n
}

// RepairProvince respells, after a unit word that names a province
// (tỉnh, or phố of thành phố), the province's name whose letters the
// next words have (QUANG NGAI → QUẢNG NGÃI), and the unit word as
// "tỉnh" when it is one mark off (tĩnh, tính: a word of those letters
// before a province's name is the unit). It returns unit and next
// respelt, each in the case it was read in, and whether it changed any.
// Punctuation around the words is kept.
func RepairProvince(unit string, next []string) (string, []string, bool) {
	u := strings.ToLower(Fold(strings.TrimFunc(unit, notLetter)))
	if u != "tinh" && u != "pho" {
		return unit, next, false
	}
	name, n := provinceAt(next)
	if n == 0 {
		return unit, next, false
	}
	out := append([]string(nil), next...)
	k := 0
	for i := range n {
		if strings.TrimFunc(out[i], notLetter) == "" {
			continue // a dash
		}
		out[i] = respell(out[i], strings.ToUpper(name[k]))
		k++
	}
	fixedUnit := unit
	if u == "tinh" {
		fixedUnit = respell(unit, "TỈNH")
	}
	changed := fixedUnit != unit
	for i := range n {
		changed = changed || out[i] != next[i]
	}
	return fixedUnit, out, changed
}

// RepairPlace respells a place (địa danh) that is, letter for letter
// without marks, a province's name ("Quảng Ngài" → "Quảng Ngãi"); any
// other place is returned as read.
func RepairPlace(place string) string {
	ws := strings.Fields(NFC(place))
	name, n := provinceAt(ws)
	if n == 0 || n != len(ws) {
		return place
	}
	k := 0
	for i := range ws {
		if strings.TrimFunc(ws[i], notLetter) == "" {
			continue
		}
		ws[i] = respell(ws[i], strings.ToUpper(name[k]))
		k++
	}
	return strings.Join(ws, " ")
}
