package dict

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// DocType is a kind of administrative document.
type DocType struct {
	Name   string // canonical name, e.g. "Quyết định"
	Abbrev string // ký hiệu in the document number, e.g. "QĐ"; "" for công văn and thư công
}

// DocTypes lists the 29 types of văn bản hành chính of Nghị định
// 30/2020/NĐ-CP Điều 7 with the abbreviations of its Phụ lục III, then the
// types of legal normative documents (văn bản quy phạm pháp luật) whose
// numbers offices also register.
var DocTypes = []DocType{
	{"Nghị quyết", "NQ"}, {"Quyết định", "QĐ"}, {"Chỉ thị", "CT"}, {"Quy chế", "QC"},
	{"Quy định", "QyĐ"}, {"Thông cáo", "TC"}, {"Thông báo", "TB"}, {"Hướng dẫn", "HD"},
	{"Chương trình", "CTr"}, {"Kế hoạch", "KH"}, {"Phương án", "PA"}, {"Đề án", "ĐA"},
	{"Dự án", "DA"}, {"Báo cáo", "BC"}, {"Biên bản", "BB"}, {"Tờ trình", "TTr"},
	{"Hợp đồng", "HĐ"}, {"Công văn", ""}, {"Công điện", "CĐ"}, {"Bản ghi nhớ", "BGN"},
	{"Bản thỏa thuận", "BTT"}, {"Giấy ủy quyền", "GUQ"}, {"Giấy mời", "GM"},
	{"Giấy giới thiệu", "GGT"}, {"Giấy nghỉ phép", "GNP"}, {"Phiếu gửi", "PG"},
	{"Phiếu chuyển", "PC"}, {"Phiếu báo", "PB"}, {"Thư công", ""},
	// Legal normative documents.
	{"Nghị định", "NĐ"}, {"Thông tư", "TT"}, {"Thông tư liên tịch", "TTLT"},
	{"Luật", ""}, {"Bộ luật", ""}, {"Pháp lệnh", ""}, {"Lệnh", "L"}, {"Nghị quyết liên tịch", "NQLT"},
	{"Văn bản hợp nhất", "VBHN"},
	// A thanh tra's conclusions (…/KL-TTr), and the Party's types that
	// Phụ lục III has not.
	{"Kết luận", "KL"}, {"Thông tri", ""},
	// The papers a People's Committee or a department grants under a
	// specialised law, which its văn thư numbers and registers too.
	{"Giấy phép", "GP"}, {"Giấy chứng nhận", "GCN"}, {"Giấy xác nhận", "GXN"},
	// The types of Thông tư 01/2011/TT-BNV that Nghị định 30/2020 dropped
	// (their codes of 2011 in legacyAbbrevs).
	{"Bản cam kết", ""}, {"Giấy đi đường", ""}, {"Giấy biên nhận hồ sơ", ""},
}

// noSubject are the types whose forms print no trích yếu (Phụ lục III of
// Nghị định 30/2020, and Thông tư 01/2011's Giấy đi đường): the heading
// is followed by the body.
var noSubject = []string{"Giấy giới thiệu", "Giấy nghỉ phép", "Giấy đi đường"}

// HasSubject reports whether a document of the type named name carries a
// trích yếu: every type but those whose forms print none.
func HasSubject(name string) bool { return !slices.Contains(noSubject, name) }

// legacyAbbrevs are the codes Thông tư 01/2011/TT-BNV (Phụ lục I) gave
// the types whose code Nghị định 30/2020 changed or dropped: the numbers
// of 2011 to 2020 carry them under the type's heading (12/GT-UBND under
// GIẤY GIỚI THIỆU). They name a type only under its heading: without
// one, CN or GT in a number's first code may be a công văn's unit.
var legacyAbbrevs = []DocType{
	{"Bản ghi nhớ", "GN"}, {"Bản cam kết", "CK"}, {"Bản thỏa thuận", "TTh"}, {"Giấy chứng nhận", "CN"},
	{"Giấy ủy quyền", "UQ"}, {"Giấy giới thiệu", "GT"}, {"Giấy nghỉ phép", "NP"}, {"Giấy đi đường", "ĐĐ"},
	{"Giấy biên nhận hồ sơ", "BN"},
}

// IsLegacyAbbrev reports whether code, as spelt, is a type's code of
// Thông tư 01/2011/TT-BNV that Nghị định 30/2020 has not (GT, UQ, TTh).
func IsLegacyAbbrev(code string) bool {
	return slices.ContainsFunc(legacyAbbrevs, func(t DocType) bool { return t.Abbrev == code })
}

// LegacyAbbrev reports whether code is the code Thông tư 01/2011/TT-BNV
// gave the type named name (GT, a Giấy giới thiệu's), as spelt or with
// its marks lost.
func LegacyAbbrev(name, code string) bool {
	return slices.ContainsFunc(legacyAbbrevs, func(t DocType) bool {
		return t.Name == name && strings.EqualFold(Fold(t.Abbrev), Fold(NFC(code)))
	})
}

// partyAbbrevs are the abbreviations of the Party's document types
// (Hướng dẫn 36-HD/VPTW) that differ from Phụ lục III's: its công văn has
// one, TT is a thông tri there, not a thông tư, and QĐi a quy định.
var partyAbbrevs = []DocType{{"Công văn", "CV"}, {"Thông tri", "TT"}, {"Quy định", "QĐi"}}

// PartyDocTypeByAbbrev is DocTypeByAbbrev for the type code of a Party
// number ("125-QĐ/TU", "14514-CV/VPTW").
func PartyDocTypeByAbbrev(a string) (DocType, bool) {
	k := strings.ToUpper(Fold(a))
	for _, t := range partyAbbrevs {
		if strings.ToUpper(Fold(t.Abbrev)) == k {
			return t, true
		}
	}
	return DocTypeByAbbrev(a)
}

// Copy kinds (bản sao) share their own numbering: sao y, trích sao, sao lục.
var CopyAbbrevs = []string{"SY", "TrS", "SL"}

// DocTypeByAbbrev returns the type whose abbreviation is a, compared without
// case or diacritics (QĐ, QD, qđ). Where two types' abbreviations differ
// by a Đ alone (HĐ a Hợp đồng's, HD a Hướng dẫn's; ĐA an Đề án's, DA a
// Dự án's), the one spelt as a is. A type's code with LT after it is a
// joint document's of that type.
func DocTypeByAbbrev(a string) (DocType, bool) {
	for _, t := range DocTypes {
		if t.Abbrev != "" && strings.EqualFold(t.Abbrev, NFC(a)) {
			return t, true
		}
	}
	k := strings.ToUpper(Fold(a))
	for _, t := range DocTypes {
		if t.Abbrev != "" && strings.ToUpper(Fold(t.Abbrev)) == k {
			return t, true
		}
	}
	// A joint document's code: a type's with LT after it, as bodies of a
	// province write their joint Hướng dẫn, Kế hoạch, Quyết định (HDLT,
	// KHLT, QĐLT), which Phụ lục III has not: that type, its code as read.
	if base, ok := strings.CutSuffix(NFC(a), "LT"); ok && base != "" {
		if t, ok := DocTypeByAbbrev(base); ok {
			return DocType{t.Name, t.Abbrev + "LT"}, true
		}
	}
	return DocType{}, false
}

// IsJointAbbrev reports whether a is the code of a joint document (liên
// tịch): TTLT, NQLT, or a type's code with LT after it (HDLT, KHLT).
func IsJointAbbrev(a string) bool {
	t, ok := DocTypeByAbbrev(a)
	return ok && strings.HasSuffix(t.Abbrev, "LT")
}

// RepairTypeCode gives back the Đ of a document type's code that OCR
// read as D: where code is no type's and one type's code alone is it with
// a Đ for a D (QD → QĐ, ND → NĐ, CD → CĐ). HD, a Hướng dẫn's, and DA, a
// Dự án's, stay. A Đ read as both letters, the bare one beside it (NDĐ,
// QĐD), is one Đ where that makes a type's code.
func RepairTypeCode(code string) (string, bool) {
	if !strings.Contains(code, "D") {
		return code, false
	}
	if _, ok := DocTypeByAbbrev(code); !ok {
		if c := bothStrokes.Replace(code); c != code && slices.ContainsFunc(DocTypes, func(t DocType) bool { return t.Abbrev == c }) {
			return c, true
		}
	}
	var found string
	for _, t := range DocTypes {
		switch {
		case t.Abbrev == code:
			return code, false
		case t.Abbrev != "" && strings.ReplaceAll(t.Abbrev, "Đ", "D") == code:
			if found != "" && found != t.Abbrev {
				return code, false
			}
			found = t.Abbrev
		}
	}
	if found == "" {
		return code, false
	}
	return found, true
}

// bothStrokes reads a D beside a Đ as the Đ alone.
var bothStrokes = strings.NewReplacer("DĐ", "Đ", "ĐD", "Đ")

// DocTypeByName returns the type whose name is n, compared folded,
// without case or spaces (so "QUYET DINH", "Quyết định" and a heading
// printed letter-spaced, "Q U Y Ế T  Đ Ị N H", all match).
func DocTypeByName(n string) (DocType, bool) {
	t, ok := docTypesByName()[nameKey(n)]
	return t, ok
}

// docTypesByName are DocTypes by their names' keys (nameKey).
var docTypesByName = sync.OnceValue(func() map[string]DocType {
	m := map[string]DocType{}
	for _, t := range DocTypes {
		if _, dup := m[nameKey(t.Name)]; !dup {
			m[nameKey(t.Name)] = t
		}
	}
	return m
})

// nameKey is a type's name folded, in small letters, without spaces.
func nameKey(n string) string {
	return strings.ToLower(Fold(NFC(strings.Join(strings.Fields(n), ""))))
}

// SlashLookalikes are the thin marks OCR reads the slash of a number
// ("Số: 45/QĐ-UBND") as in a coarse or 1-bit scan, where a slash is a
// stroke or two of pixels: "Số: 08 ;CT-UBND", "Số: “UBND-KGVX".
const SlashLookalikes = ";:,.'\"“”‘’|!_"

// Leaders matches a run of dotted leaders, the fill of a form's slot
// ("Số: ……/QĐ-UBND", "ngày ....... tháng"): two stops or more, low
// lines, or an ellipsis.
const Leaders = `[._…]{2,}|…`

// NumberKey is the search key of a document number (số và ký hiệu): its
// letters and digits without marks or case, leading zeros dropped, joined by
// single spaces. "45/QĐ-UBND", "45/qd-ubnd", "045/QD-UBND" and "45 QĐ UBND"
// share one key.
func NumberKey(s string) string {
	f := strings.ToUpper(Fold(NFC(s)))
	parts := strings.FieldsFunc(f, func(r rune) bool {
		return !('0' <= r && r <= '9' || 'A' <= r && r <= 'Z')
	})
	for i, p := range parts {
		if strings.Trim(p, "0123456789") == "" {
			if t := strings.TrimLeft(p, "0"); t != "" {
				parts[i] = t
			} else {
				parts[i] = "0"
			}
		}
	}
	return strings.Join(parts, " ")
}

// Mark is a mark of urgency (độ khẩn) or secrecy (độ mật): its name and
// its letters without marks, in capitals. Timed is a mark after which the
// văn thư writes the hour (HỎA TỐC HẸN GIỜ 10 giờ 00).
type Mark struct {
	Folded, Name string
	Timed        bool
}

// MarkNames are the names of marks, in their order.
func MarkNames(marks []Mark) []string {
	names := make([]string, len(marks))
	for i, m := range marks {
		names[i] = m.Name
	}
	return names
}

// Urgencies and Secrecies are the marks of Nghị định 30/2020, most
// specific first, with Hỏa tốc hẹn giờ, the fourth urgency of Thông tư
// 01/2011/TT-BNV (documents of 2011 to 2020), which it dropped.
var (
	Urgencies = []Mark{{Folded: "HOA TOC HEN GIO", Name: "Hỏa tốc hẹn giờ", Timed: true}, {Folded: "HOA TOC", Name: "Hỏa tốc"},
		{Folded: "THUONG KHAN", Name: "Thượng khẩn"}, {Folded: "KHAN", Name: "Khẩn"}}
	Secrecies = []Mark{{Folded: "TUYET MAT", Name: "Tuyệt mật"}, {Folded: "TOI MAT", Name: "Tối mật"}, {Folded: "MAT", Name: "Mật"}}
)

// ReadMarks reads the marks on a line of a page: an urgency mark or a
// secrecy mark alone, or the two side by side, in either order, with a
// dash or a stroke between them or none ("KHẨN  MẬT", "HỎA TỐC - TỐI
// MẬT": two stamps set on one row, which OCR reads as one line).
func ReadMarks(line string) (urgency, secrecy string) {
	if urgency, secrecy = ReadMark(line, Urgencies), ReadMark(line, Secrecies); urgency != "" || secrecy != "" {
		return urgency, secrecy
	}
	var ws []string
	for _, w := range strings.Fields(line) {
		if TrimSigns(w) != "" {
			ws = append(ws, w)
		}
	}
	for k := 1; k < len(ws); k++ {
		left, right := strings.Join(ws[:k], " "), strings.Join(ws[k:], " ")
		if u, c := ReadMark(left, Urgencies), ReadMark(right, Secrecies); u != "" && c != "" {
			return u, c
		}
		if c, u := ReadMark(left, Secrecies), ReadMark(right, Urgencies); u != "" && c != "" {
			return u, c
		}
	}
	return "", ""
}

// ReadMark reads line as one of marks, in capitals as marks are set: as
// it is spelt, or, for a mark of eight letters or more, one letter off
// (HỎA TỐC HN GIỜ, the Ẹ of a red stamp lost in 1 bit; no two marks are
// as near each other). A Timed mark may have the hour written after it,
// which is not in capitals.
func ReadMark(line string, marks []Mark) string {
	words := strings.Fields(TrimSigns(strings.ToUpper(Fold(NFC(strings.TrimSpace(line))))))
	read := strings.Fields(line)
	for _, m := range marks {
		n := len(strings.Fields(m.Folded))
		if len(words) < n || len(words) > n && !m.Timed {
			continue
		}
		if !Capitals(line) && (len(words) == n || !Capitals(strings.Join(read[:min(n, len(read))], " "))) {
			continue
		}
		switch f := strings.Join(words[:n], " "); {
		case f == m.Folded:
			return m.Name
		case len(m.Folded)-(n-1) >= 8 && EditDistance(f, m.Folded) <= 1: // its letters, without the spaces
			return m.Name
		}
	}
	return ""
}

// TrimSigns is s without the signs and marks at its ends: letters and
// figures first and last.
func TrimSigns(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Capitals reports whether t is set in capitals, a small letter in five
// at most.
func Capitals(t string) bool {
	var up, low int
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up > 0 && up >= 4*low
}
