package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// rank matches the military or police rank printed before a signer's
// name in the documents of the army and the police (Luật Sĩ quan, Luật
// Công an nhân dân): "Đại tá Nguyễn Văn Minh". The name is the signer.
var rank = regexp.MustCompile(`^(?i:(Đại|Thượng|Trung|Thiếu) (tướng|tá|úy|uý)|Chuẩn úy|(Phó |Chuẩn )?đô đốc)\s+`)

// rankLevels are the levels of a rank of officers (the first word of
// rank), folded.
var rankLevels = []string{"dai", "thuong", "trung", "thieu"}

// dropRank takes the rank off a signer's line, also as a coarse scan or a
// signature's stroke leaves it: its marks lost ("Đại ta"), a letter of its
// level ("[hương tá", the T read as a bracket) or the head of its level
// ("ILhượng tường", dict.StruckTail) misread. The grade (tướng, tá, úy)
// must be read whole, so that no name is cut.
func dropRank(t string) string {
	if r := rank.ReplaceAllString(t, ""); r != t {
		return r
	}
	ws := strings.Fields(t)
	if len(ws) < 4 { // the rank's two words and a name of two at least
		return t
	}
	switch strings.ToLower(dict.Fold(ws[1])) {
	case "tuong", "ta", "uy":
	default:
		return t
	}
	level := strings.ToLower(dict.Fold(strings.TrimFunc(ws[0], func(r rune) bool { return !unicode.IsLetter(r) })))
	struck, _ := dict.StruckTail(ws[0])
	struck = dict.Fold(struck)
	for _, l := range rankLevels {
		// Đại only as it is spelt: Đào, a family name, is one letter off.
		if level == l || len(l) > 3 && (dict.EditDistance(level, l) <= 1 || len(struck) > 3 && strings.HasSuffix(l, struck)) {
			return strings.Join(ws[2:], " ")
		}
	}
	return t
}

// signedNote is a copy's note after the signer's name that the original
// was signed: "(đã ký)", "(Đã ký)", "(ký)".
var signedNote = regexp.MustCompile(`(?i)\s*\((?:đã\s*)?ký\)\s*$`)

// degree matches the academic titles, degrees and honours printed before
// a signer's name in the documents of universities, hospitals and
// institutes, one or more, each after a stop or a space: "PGS.TS. Lê Văn
// Hùng", "BS.CKII Phan Văn Long", "ThS. Nguyễn Thị Lan", "NGƯT.TS Trần
// Văn Bình". The name is the signer. The level after CK (chuyên khoa I,
// II) is any few capitals or digits: OCR reads II as TI, THI or 11.
var degree = regexp.MustCompile(`^(?:(?:GS|PGS|TSKH|TS|ThS|THS|Ths|CN|KS|KTS|BS|DS|LS|NGND|NGƯT|TTND|TTƯT|NSND|NSƯT|(?:BS|DS)?CK[\p{Lu}0-9]{0,3})(?:\s*[.,]\s*|\s+))+`)

// nameLine is a line of the signature block without the marks a stroke of
// the signature leaves before the name when read as text ([, {, |, ', =)
// and before a later word (Phạm 'Thị Hòa), and with the capitals OCR read
// small where the stroke took their tops: the family name's (trấn Phước
// Hiền) and a given name's in common use (Phùng Tô long). Where the
// stroke did more, the name is guessed, and guessed reports it: capitals
// read before it are dropped (TP Trân Ngọc Căng), a family name whose head
// was read as capitals or figures is the one it ends as (XZuyên Hoàng
// Giang: dict.RepairStruckSurname), and a later word whose capital was
// read as a bracket or a bar is the given name it can only be (Phùng Tô
// [ong: dict.RepairNameInitial).
func nameLine(t string) (name string, guessed bool) {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	// A speck read as a stop after the name, or a copy's note that the
	// original was signed, is none of it.
	t = strings.TrimRight(signedNote.ReplaceAllString(t, ""), " .,;:~_-|")
	t = dropRank(t)
	t = degree.ReplaceAllString(t, "")
	ws := strings.Fields(t)
	// A stroke of the signature read as a letter or a sign apart from
	// the name, after it (Nguyễn Văn Minh ẩ) or before a name of the
	// family names whose given names are Vietnamese syllables (ý Nguyễn
	// Văn Minh: no Ê Đê's Y; mm Nguyễn …), is none of it.
	if len(ws) > 3 {
		if last := []rune(ws[len(ws)-1]); len(last) == 1 && !unicode.IsUpper(last[0]) && dict.LooksLikeName(strings.Join(ws[:len(ws)-1], " ")) {
			ws, guessed = ws[:len(ws)-1], true
		}
	}
	if len(ws) > 3 && utf8.RuneCountInString(ws[0]) <= 2 && !dict.IsSurname(ws[0]) && dict.IsSurname(ws[1]) && !dict.NamedOwnWay(ws[1]) &&
		dict.LooksLikeName(strings.Join(ws[1:], " ")) {
		ws, guessed = ws[1:], true
	}
	if len(ws) > 3 && capitals(ws[0]) {
		// A seal's or a stroke's letters read as capitals before the
		// name (TP Trân Ngọc Căng).
		if rest := strings.Join(ws[1:], " "); dict.LooksLikeName(rest) && dict.IsSurname(dict.RepairSurname(rest)) {
			ws, guessed = ws[1:], true
		}
	}
	if len(ws) > 1 {
		if s, ok := dict.RepairStruckSurname(ws[0]); ok {
			ws[0], guessed = s, true
		}
	}
	for i := 1; i < len(ws); i++ {
		if n, ok := dict.RepairNameInitial(ws[i]); ok {
			ws[i], guessed = n, true
		}
	}
	if guessed {
		t = strings.Join(ws, " ")
	}
	for i, w := range ws {
		if i > 0 {
			w = strings.TrimLeft(w, "'‘’`\"“”") // a stroke's mark before a word (Phạm 'Thị Hòa)
		}
		if first, size := utf8.DecodeRuneInString(w); unicode.IsLower(first) && (i == 0 || dict.IsGivenName(w)) {
			w = string(unicode.ToUpper(first)) + w[size:]
			// A family name read small from its vowel (ân for Trần
			// under a seal's rim) may have lost its consonants whole:
			// the few that begin with a vowel (Ân, Âu, Ông) are a guess.
			guessed = guessed || i == 0 && strings.ContainsAny(dict.Fold(string(first)), "aeiouy")
		}
		ws[i] = w
	}
	if up := strings.Join(ws, " "); up != t && dict.LooksLikeName(up) && dict.IsSurname(dict.RepairSurname(up)) {
		return up, guessed
	}
	return t, guessed
}

// capitals reports whether w is two or more capital letters and nothing
// else.
func capitals(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0
}

// nameShaped reports whether a line of the signature block reads as a
// person's name (nameLine, dict.LooksLikeName).
func nameShaped(t string) bool {
	n, _ := nameLine(t)
	return dict.LooksLikeName(n)
}

// unsureName reports whether a syllable of the signer's name, past the
// family name and as repaired, is no middle or given name in common use
// and was read unsure: faint print or a seal over it bends a name into
// another syllable (Hoàng → Hoane, Lê Vân → Lẻ Vận) that no rule can tell
// from a rare name, so the clerk checks it. line is the line it was read
// from.
func unsureName(name string, line layout.Segment) bool {
	for _, n := range strings.Fields(name)[1:] {
		if dict.IsGivenName(n) {
			continue
		}
		for _, w := range line.Words {
			if dict.Fold(dict.TrimSigns(w.Text)) == dict.Fold(n) && w.Confidence < sureConf*100 {
				return true
			}
		}
	}
	return false
}

// disputedName reports whether a word of the name, as line reads it, is
// disputed (read with another mark as likely; see disputed) and stands
// in the name as read: the names the register or the dictionary of given
// names know settle it otherwise (Tuần read for Tuấn, a given name).
func disputedName(name string, line layout.Segment) bool {
	for _, w := range line.Words {
		if disputed(w) && slices.Contains(strings.Fields(name), dict.TrimSigns(w.Text)) {
			return true
		}
	}
	return false
}
