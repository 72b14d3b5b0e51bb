package dict

import (
	"slices"
	"strings"
	"unicode"
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
// number of words it takes: 0 if none. With slip, a name of eight letters
// or more may also be one letter off (QUANG NGAÀI), if no other name is
// as near.
func provinceAt(ws []string, slip bool) ([]string, int) {
	var folded []string
	var at []int
	for i, w := range ws {
		if f := letters(w); f != "" {
			folded = append(folded, f)
			at = append(at, i)
		}
	}
	var best, near []string
	n, nearN, nears := 0, 0, 0
	for _, p := range provinces {
		k := len(p.folded)
		if k > len(folded) {
			continue
		}
		got := strings.Join(folded[:k], " ")
		switch {
		case got == p.key && k > len(best):
			best, n = p.sylls, at[k-1]+1
		case slip && len(p.key) >= 8 && got != p.key && withinOne(got, p.key):
			near, nearN = p.sylls, at[k-1]+1
			nears++
		}
	}
	if n == 0 && nears == 1 {
		return near, nearN
	}
	return best, n
}

// RepairProvince respells, after a unit word that names a province
// (tỉnh, or phố of thành phố), the province's name whose letters the
// next words have (QUANG NGAI → QUẢNG NGÃI; after tỉnh, also one letter
// off), and the unit word as "tỉnh" when it is one mark off (tĩnh, tính:
// a word of those letters before a province's name is the unit). It
// returns unit and next respelt, each in the case it was read in, and
// whether it changed any. Punctuation around the words is kept.
func RepairProvince(unit string, next []string) (string, []string, bool) {
	u := strings.ToLower(Fold(strings.TrimFunc(unit, notLetter)))
	if u != "tinh" && u != "pho" {
		return unit, next, false
	}
	name, n := provinceAt(next, u == "tinh")
	if n == 0 {
		joined, ok := provinceJoined(next)
		if !ok {
			return unit, next, false
		}
		out := append([]string(nil), next...)
		out[0] = joined
		if u == "tinh" {
			unit = respell(unit, "TỈNH")
		}
		return unit, out, true
	}
	out := append([]string(nil), next...)
	respellAll(out[:n], name)
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

// RepairMisreadProvince respells the province's name that ws begins
// with, without a unit word before it, when one of its words holds a
// letter Vietnamese has not (Quảng Nøãi: ø is no letter of the language,
// so the word was misread) and the name is one letter from what was read
// and no other name is (see provinceAt). It returns ws respelt and
// whether it changed them; a name read right, or one letter off in
// letters of the language (Quang Ngai, Quảng Ngài: a person's name may
// be), is left as read.
func RepairMisreadProvince(ws []string) ([]string, bool) {
	name, n := provinceAt(ws, true)
	if n == 0 || !slices.ContainsFunc(ws[:n], func(w string) bool {
		return strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) && !vietLetter(r) })
	}) {
		return ws, false
	}
	out := append([]string(nil), ws...)
	respellAll(out[:n], name)
	return out, true
}

// RepairBareProvince respells the province's name that ws is, read in
// capitals without a mark where the name has marks, or with other marks
// (BAC GIANG, BÁC GIANG → BẮC GIANG: a 1-bit scan of a header loses the
// marks of a name that no unit word heads, as in SỞ GD&ĐT BẮC GIANG, or
// breaks them: a breve without its bowl is a sắc). No two provinces'
// names have the same letters. It returns ws respelt and whether it
// changed them. Words that are not the whole of a name are left as read.
func RepairBareProvince(ws []string) ([]string, bool) {
	name, n := provinceAt(ws, false)
	if n == 0 || n != len(ws) || !slices.ContainsFunc(name, HasMarks) {
		return ws, false
	}
	for _, w := range ws {
		if !Capitals(w) && strings.TrimFunc(w, notLetter) != "" {
			return ws, false
		}
	}
	out := append([]string(nil), ws...)
	respellAll(out, name)
	if Canon(strings.ToLower(strings.Join(out, " "))) == Canon(strings.ToLower(strings.Join(ws, " "))) {
		return ws, false // spelt so already, in either tone placement
	}
	return out, true
}

// provinceJoined returns ws's first word as the name of the province of
// two or more syllables whose letters it has run together (NGHỆAN: OCR
// lost the space), in capitals if it was read so.
func provinceJoined(ws []string) (string, bool) {
	if len(ws) == 0 {
		return "", false
	}
	f := letters(ws[0])
	for _, p := range provinces {
		if len(p.sylls) < 2 || strings.ReplaceAll(p.key, " ", "") != f {
			continue
		}
		name := strings.Join(p.sylls, " ")
		if strings.ToUpper(ws[0]) == ws[0] {
			name = strings.ToUpper(name)
		}
		return respellAs(ws[0], name), true
	}
	return "", false
}

// respellAll respells the words of ws that have letters as the syllables
// of name, in order, each in the case it was read in and keeping the
// punctuation around it.
func respellAll(ws, name []string) {
	k := 0
	for i := range ws {
		if strings.TrimFunc(ws[i], notLetter) == "" || k == len(name) {
			continue // a dash
		}
		ws[i] = respell(ws[i], strings.ToUpper(name[k]))
		k++
	}
}

// markCount is the number of letters of s that carry a mark.
func markCount(s string) int {
	n := 0
	for _, r := range NFC(s) {
		if HasMarks(string(r)) {
			n++
		}
	}
	return n
}

// RepairPlace respells a place (địa danh) as the header spells it: the
// date line's place is where the agency sits, which its header names
// (ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | Quảng Ngài, ngày …), and a header in
// capitals keeps its letters better than the italic date line, and has
// had its province respelt (RepairProvince). The header's words are taken
// where their letters without marks are the place's, or, for a place of
// eight letters or more, a letter in five off (Quảng Voãi). A place the
// header does not name is returned as read, and so is one the header
// spells with fewer marks than were read (a fax's line of plain letters
// over the header: UBND TINH BINH AN); of two spellings as near, the one
// with more marks is taken.
func RepairPlace(place string, header []string) string {
	ws := strings.Fields(NFC(place))
	var key []string
	for _, w := range ws {
		if f := letters(w); f != "" {
			key = append(key, f)
		}
	}
	if len(key) == 0 {
		return place
	}
	k := strings.Join(key, " ")
	var best []string
	bestD, bestMarks, read := 1, 0, markCount(place)
	if len(k) >= 8 {
		bestD = len(k)/5 + 1
	}
	for _, line := range header {
		var hw, hf []string
		for _, w := range strings.Fields(NFC(line)) {
			if t := strings.TrimFunc(w, notLetter); t != "" {
				hw = append(hw, t)
				hf = append(hf, letters(t))
			}
		}
		for i := 0; i+len(key) <= len(hw); i++ {
			marks := markCount(strings.Join(hw[i:i+len(key)], ""))
			if marks < read {
				continue
			}
			d := EditDistance(strings.Join(hf[i:i+len(key)], " "), k)
			if d < bestD || d == bestD && best != nil && marks > bestMarks {
				best, bestD, bestMarks = hw[i:i+len(key)], d, marks
			}
		}
	}
	if best == nil {
		return respellByName(place)
	}
	respellAll(ws, best)
	return strings.Join(ws, " ")
}

// respellByName respells a place that is no name as read (Hà Nôi, Đà Lat,
// Quang Ngai) as the one province's, district's or commune's name whose
// letters without marks it has, a unit's word before it aside (Tp.). A
// date line's place is a name, and a name is no word the syllable rules
// can check. A place whose letters several names share, or none, is
// left as read.
func respellByName(place string) string {
	if PlaceNamed(place, nil) {
		return place
	}
	ws := strings.Fields(NFC(place))
	start := 0
	if len(ws) > 1 {
		for _, p := range unitPrefixes {
			if n := len(strings.Fields(p)); n < len(ws) && placeKey(strings.Join(ws[:n], " ")) == p {
				start = n
				break
			}
		}
	}
	key := placeKey(strings.Join(ws[start:], " "))
	var name []string
	for _, spelling := range slices.Concat(unitNames().byFold[Fold(key)], provinceSpellings(Fold(key))) {
		if name != nil && placeKey(strings.Join(spelling, " ")) != placeKey(strings.Join(name, " ")) {
			return place // several names have these letters
		}
		name = spelling
	}
	if name == nil || len(name) != len(strings.Fields(key)) {
		return place
	}
	respellAll(ws[start:], name)
	return strings.Join(ws, " ")
}

// provinceSpellings returns the syllables of the province whose name's
// letters without marks are folded, a placeKey folded.
func provinceSpellings(folded string) [][]string {
	for _, p := range provinces {
		if p.key == strings.ToUpper(folded) {
			return [][]string{p.sylls}
		}
	}
	return nil
}

// NamedOtherwise reports whether agency, a line of a header's agency,
// ends with a unit's word and the name of place, a date line's địa danh,
// spelt with other marks (UBND TỈNH BINH AN over "Bình An, ngày …"): NĐ
// 30 names a local agency's place by its unit, so one of the two was
// misread.
func NamedOtherwise(agency, place string) bool {
	name := placeKey(place)
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(name, p+" "); ok {
			name = rest
			break
		}
	}
	line := placeKey(agency)
	if name == "" || strings.HasSuffix(" "+line, " "+name) {
		return false
	}
	before, ok := strings.CutSuffix(" "+Fold(line), " "+Fold(name))
	return ok && EndsWithUnit(before)
}

// UnknownDistrict reports whether agency, a header's agency, ends with a
// district's unit word (HUYỆN, QUẬN, THỊ XÃ) and a name that is no
// district's nor any unit's of the list (UBND HUYỆN SMA CAI: a syllable
// of Si Ma Cai lost under a note). The districts were abolished in 2025,
// so the list has them all; a commune's or a ward's name may be a new one,
// and is not asked. A numbered district (QUẬN 1), an island district
// (HUYỆN ĐẢO PHÚ QUÝ) and a district's Party or Youth Union committee
// (HUYỆN ỦY …) are taken as named.
func UnknownDistrict(agency string) bool {
	ws := strings.Fields(placeKey(agency))
	at := -1
	for i := len(ws) - 1; i >= 0 && at < 0; i-- {
		switch {
		case ws[i] == "huyện" || ws[i] == "quận":
			at = i + 1
		case ws[i] == "xã" && i > 0 && ws[i-1] == "thị":
			at = i + 1
		}
	}
	if at < 0 || at >= len(ws) {
		return false
	}
	name := ws[at:]
	if name[0] == "đảo" {
		name = name[1:]
	}
	if len(name) == 0 || name[0] == "ủy" || name[0] == "đoàn" || !strings.ContainsFunc(strings.Join(name, ""), unicode.IsLetter) {
		return false
	}
	t := unitNames()
	key := strings.Join(name, " ")
	return !t.names[key] && !t.provinces[key]
}

// agencyUnits are the words for a unit an agency's name goes on with
// before the unit's name (ỦY BAN NHÂN DÂN TỈNH …, UBND HUYỆN …), as
// placeKey keys them: a province's and those a date line's place may
// begin with.
var agencyUnits = append([]string{"tỉnh"}, unitPrefixes...)

// StartsWithUnit reports whether s begins with a unit's word, spelt with
// its marks (TỈNH, THÀNH PHỐ, TP.; not TĨNH), and goes on after it.
func StartsWithUnit(s string) bool {
	key := placeKey(s) + " "
	return slices.ContainsFunc(agencyUnits, func(u string) bool { return strings.HasPrefix(key, u+" ") && len(key) > len(u)+1 })
}

// EndsWithUnit reports whether s, its marks aside, ends with a unit's
// word (… XÃ, … HUYỆN, … THÀNH PHỐ).
func EndsWithUnit(s string) bool {
	key := " " + Fold(placeKey(s))
	return slices.ContainsFunc(agencyUnits, func(u string) bool { return strings.HasSuffix(key, " "+Fold(u)) })
}

// unitPrefixes are the words for a unit a date line may name its place
// with (Thành phố Hồ Chí Minh, TP. Hồ Chí Minh, Thị xã Sơn Tây, Quận 1),
// as placeKey keys them.
var unitPrefixes = []string{"thành phố", "tp", "thị xã", "tx", "thị trấn", "tt", "quận", "huyện", "xã", "phường"}

// placeAliases are the places date lines name by an abbreviation.
var placeAliases = map[string]bool{"hcm": true}

// PlaceNamed reports whether place, a date line's địa danh, is a name the
// document or the country has: the last words of a line of the header (a
// new unit's name ends its own header's line: UBND TỈNH BÌNH AN; not BỘ
// NỘI VỤ for Nội, nor a last word alone, but after a unit's word), a
// province's, or a district's or commune's
// (IsUnitName), a unit's word before it aside (TP. Hồ Chí Minh, Thị xã
// Sơn Tây) and dashes and dots between its words none. A place that is
// none was likely misread (Hà Nẵng, DĐúk Nông).
func PlaceNamed(place string, header []string) bool {
	name := placeKey(place)
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(name, p+" "); ok {
			if !strings.ContainsFunc(rest, unicode.IsLetter) {
				return true // Quận 1: a number, which no mark can change
			}
			name = rest
			break
		}
	}
	if name == "" {
		return false
	}
	if t := unitNames(); placeAliases[name] || t.names[name] || t.provinces[name] {
		return true
	}
	for _, line := range header {
		before, ok := strings.CutSuffix(" "+placeKey(line), " "+name)
		if !ok {
			continue
		}
		// A name of one word is a unit's when a unit's word stands before it
		// (XÃ IA): else it is a piece of a longer one (NGÃI of QUẢNG NGÃI).
		if strings.Contains(name, " ") || slices.ContainsFunc(unitPrefixes, func(p string) bool { return strings.HasSuffix(before, " "+p) }) {
			return true
		}
	}
	return false
}
