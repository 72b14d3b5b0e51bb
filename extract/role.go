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

// sealConf is the OCR confidence (0–100) under which a role line that no
// office is near is taken for the lettering of a seal.
const sealConf = 30

// readRole reads a line of the signer's role: its signing authority
// (TM., KT., Q., TL., TUQ.) spelt as printed, and an office that is not
// spelt as one, or not shaped as roles are printed (see roleShaped), read
// as the office nearest to it. It reports whether it guessed: an
// authority whose letters were misread (TI. for TL.), or an office put in
// place of what was read. A collective's name after TM. is left as read.
func readRole(t string) (string, bool) {
	// A quote OCR made of a speck before the line is none of it.
	line, guessed := dotted(dict.RepairHeader(strings.TrimLeft(t, "“”‘’\"'`")))
	if m := misreadAuthority.FindStringSubmatch(line); m != nil {
		read := authorityRead[m[1]]
		if read == "" {
			// The second letter lost under a seal's ink (TH.): thay mặt
			// a collective body, thừa lệnh (for) a person's office.
			read = "TM"
			if dict.IsOffice(line[len(m[0]):]) {
				read = "TL"
			}
		}
		line = read + ". " + line[len(m[0]):]
		guessed = true
	}
	line = authority.ReplaceAllString(line, "$1. ")
	lead := authority.FindString(line)
	if lead == "" {
		lead = partyAuthority.FindString(line) // K/T BÍ THƯ, as printed
	}
	rest := line[len(lead):]
	if lead == "TM. " || strings.HasPrefix(lead, "T/M") || dict.IsOffice(rest) || qualifiedOffice(rest) {
		return line, guessed
	}
	if office, ok := dict.RepairRole(rest); ok && office != rest {
		return lead + office, true
	}
	if dict.OfficeLetters(rest) {
		return line, true // THÚ TRƯỞNG: THỦ or THỨ TRƯỞNG, for completeRoles or the clerk
	}
	if !roleShaped(rest) {
		// A signature's or a seal's strokes read as marks and letters
		// before the office (An TRÓ CHỦ TỊCH, SẴN ' NỦ TỊCH), or joined
		// to its first word (ụ`JÊHỦ TỊCH: its last two letters): the
		// office nearest to what follows them. What has a dot is a
		// signing authority misread (Rkf.( for KT.), which completeRoles
		// reads from the line under it.
		ws := strings.Fields(rest)
		for i := 0; i < len(ws) && (i == 0 || !strings.Contains(ws[i-1], ".")); i++ {
			if i > 0 {
				if office, ok := dict.RepairRole(strings.Join(ws[i:], " ")); ok {
					return lead + office, true
				}
			}
			if rs := []rune(ws[i]); len(rs) > 2 && i+1 < len(ws) && !strings.Contains(ws[i], ".") {
				if office, ok := dict.RepairRole(string(rs[len(rs)-2:]) + " " + strings.Join(ws[i+1:], " ")); ok {
					return lead + office, true
				}
			}
		}
	}
	return line, guessed
}

// qualifiedOffice reports whether role line t is an office as spelt
// followed by its body's name (THỦ TRƯỞNG CƠ QUAN, TRƯỞNG TRẠM KHUYẾN
// NÔNG): two words or more, each a syllable, a word of the register among
// them; or the one word of a body's kind (GIÁM ĐỐC SỞ). Such a line is
// printed so, and no office is to be put in its place.
func qualifiedOffice(t string) bool {
	ws := strings.Fields(t)
	for n := len(ws) - 1; n >= 1; n-- {
		if !dict.IsOffice(strings.Join(ws[:n], " ")) {
			continue
		}
		body := ws[n:]
		if len(body) == 1 {
			return dict.IsBodyWord(body[0])
		}
		if slices.ContainsFunc(body, func(w string) bool { return !dict.IsSyllable(w) }) {
			return false
		}
		for i := 1; i < len(body); i++ {
			if dict.IsCompound(body[i-1], body[i]) {
				return true
			}
		}
		return false
	}
	return false
}

// officeGoesOn reports whether line s (its text t) is the rest of the
// office's name whose first line is last, broken as a long name is
// (TRƯỞNG PHÒNG / TỔ CHỨC CÁN BỘ, GIÁM ĐỐC / TRUNG TÂM Y TẾ): set right
// under it, less than a line between, across its centre, in capitals of
// Vietnamese syllables that OCR read with some confidence, with a word of
// the register among them (tổ chức, trung tâm). A seal's or a signature's
// strokes read as letters (SEN YỆN) are none of that; a name in capitals
// was taken before.
func officeGoesOn(last, s layout.Segment, t string) bool {
	if len(last.Words) == 0 || len(s.Words) == 0 || !roleShaped(t) || s.Conf < sealConf*2 {
		return false
	}
	h := last.Y1 - last.Y0
	centre := (last.X0 + last.X1) / 2
	if s.Y0 < last.Y1-h/2 || s.Y0-last.Y1 > h || s.X0 > centre || s.X1 < centre {
		return false
	}
	ws := strings.Fields(t)
	for _, w := range ws {
		if !dict.IsSyllable(w) {
			return false
		}
	}
	for i := 1; i < len(ws); i++ {
		if dict.IsCompound(ws[i-1], ws[i]) {
			return true
		}
	}
	return false
}

// roleDone reports whether the role lines read so far end on the
// signer's own office, which NĐ 30 prints last (CHỦ TỊCH, PHÓ GIÁM ĐỐC),
// with no authority before it.
func roleDone(roles []string) bool {
	return len(roles) > 0 && authority.FindString(roles[len(roles)-1]) == "" && dict.IsOffice(roles[len(roles)-1])
}

// brokenOffice reports whether role line next ends the office that line
// prev began: prev, after its authority, is no office, and the two read
// together are one (PHÓ CHỦ and TỊCH, KT. CHỦ and TỊCH).
func brokenOffice(prev, next string) bool {
	office := prev[len(authority.FindString(prev)):]
	return !dict.IsOffice(office) && dict.IsOffice(office+" "+next)
}

// titleCase writes each word of t with a capital and small letters after
// it: a name printed in capitals as names are written.
func titleCase(t string) string {
	ws := strings.Fields(strings.ToLower(t))
	for i, w := range ws {
		r, size := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(ws, " ")
}

// completeRoles checks the role's lines against the order NĐ 30 prints
// them in: a line with an authority (KT. CHỦ TỊCH) stands over the
// signer's own office, and a deputy signs for the head (KT.). A role that
// ends on KT. of an office gets the deputy's title under it; a deputy's
// title with no authority over it gets KT. of the head. Either is a
// guess, as is a role that ends on any other authority (the signer's own
// office not read): it reports whether the role is incomplete.
func completeRoles(roles []string) ([]string, bool) {
	if len(roles) == 0 {
		return roles, false
	}
	last := roles[len(roles)-1]
	switch lead := authority.FindString(last); {
	case lead == "KT. " && dict.IsOffice(last[len(lead):]):
		return append(roles, dict.Deputy(last[len(lead):])), true
	case lead != "" && lead != "Q. ": // Q.: the acting head signs as such
		return roles, true
	}
	incomplete := false
	for i := 1; i < len(roles); i++ {
		if office, ok := strings.CutPrefix(roles[i-1], "TM. "); ok && dict.IsOffice(strings.TrimRight(office, ". ")) {
			// TM. stands before a collective (TM. ỦY BAN NHÂN DÂN), never
			// a person's office: its letters were misread under a seal.
			// Over the office's deputy it is KT., over another office TL.
			office = strings.TrimRight(office, ". ")
			lead := "TL. "
			if roles[i] == dict.Deputy(office) {
				lead = "KT. "
			}
			roles[i-1], incomplete = lead+office, true
		}
		if office, ok := strings.CutPrefix(roles[i-1], "KT. "); ok && roles[i] != dict.Deputy(office) && dict.RoleKey(roles[i]) == dict.RoleKey(dict.Deputy(office)) {
			// Under KT. BỘ TRƯỞNG, a line with the letters of THỨ
			// TRƯỞNG is the minister's deputy, whatever tone OCR
			// read on it (THỦ TRƯỞNG heads a body of its own).
			roles[i] = dict.Deputy(office)
		}
		if roles[i-1] == "KT. "+roles[i] {
			// Who signs for the head is the deputy: the PHÓ of PHÓ CHỦ
			// TỊCH was lost.
			roles[i], incomplete = dict.Deputy(roles[i]), true
		}
		head, ok := dict.HeadOf(roles[i])
		switch {
		case !ok:
		case !roleShaped(roles[i-1]):
			// A line over a deputy's title that is no role as printed
			// (a seal over it) is KT. of the head.
			roles[i-1], incomplete = "KT. "+head, true
		case strings.HasPrefix(roles[i-1], "TM. ") && head != "BÍ THƯ" && !membersSign(roles[i-1]):
			// For a collective, a deputy signs for its head: the KT.
			// line between was not read. (A party committee's deputy
			// secretary signs for it as such, and so does each member of
			// the standing committees of the Front and the unions.)
			roles = slices.Insert(roles, i, "KT. "+head)
			incomplete = true
		}
	}
	for _, r := range roles {
		if authority.MatchString(r) {
			return roles, incomplete
		}
	}
	if head, ok := dict.HeadOf(roles[0]); ok {
		return append([]string{"KT. " + head}, roles...), true
	}
	return roles, incomplete
}

// membersSign reports whether a role line is TM. of a standing or
// executive committee (BAN THƯỜNG TRỰC, BAN THƯỜNG VỤ, BAN CHẤP HÀNH, a
// council's THƯỜNG TRỰC), for which each member signs in their own office
// (TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH), with no KT. of the head between.
func membersSign(role string) bool {
	for _, c := range []string{"BAN THƯỜNG TRỰC", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "THƯỜNG TRỰC"} {
		if strings.HasPrefix(strings.TrimPrefix(role, "TM. "), c) {
			return true
		}
	}
	return false
}

// isRole reports whether t reads like a line of the signer's role: upper
// case, or one of the authority prefixes (TM., KT., Q., TL., TUQ.).
func isRole(t string) bool {
	f := foldUpper(t)
	for _, p := range []string{"TM.", "KT.", "Q.", "TL.", "TUQ.", "TM ", "KT "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if dict.Capitals(t) && len([]rune(t)) >= 4 && letterShare(t) > 0.7 {
		return true
	}
	// A seal's strokes read as a short word or two in small letters
	// before an office as spelt (sac CHỦ TỊCH): readRole reads past them.
	ws := strings.Fields(t)
	for i := 1; i <= 2 && i < len(ws) && utf8.RuneCountInString(ws[i-1]) <= 3; i++ {
		if rest := strings.Join(ws[i:], " "); dict.IsOffice(rest) {
			return true
		}
	}
	return false
}

// roleShaped reports whether a signer's role reads as roles are printed:
// capitals, spaces, the dots of TM., KT., TL., the slashes that join its
// lines and the comma between offices held together. Anything else ("⁄%
// TS Ú TỊCH") is a seal or a signature read as letters.
func roleShaped(title string) bool {
	for _, r := range title {
		if !unicode.IsUpper(r) && r != ' ' && r != '.' && r != '/' && r != ',' {
			return false
		}
	}
	return true
}

// roleAbbrevs are the abbreviations a role line prints in capitals: the
// bodies a TM. line signs for (TM. UBND, TM. BCH) and their parts.
var roleAbbrevs = map[string]bool{
	"UBND": true, "HĐND": true, "UBMTTQ": true, "MTTQ": true, "BCH": true, "BTV": true, "BTC": true,
	"ĐBQH": true, "TW": true, "TƯ": true, "LĐLĐ": true, "HĐQT": true, "HĐTV": true, "BQL": true,
	"BHXH": true, "KBNN": true, "NHNN": true, "TAND": true, "VKSND": true, "UBKT": true, "CA": true,
	"BCHQS": true, "HTX": true, "THPT": true, "THCS": true, "TNCS": true,
}

// dotted gives back the dot of a signing authority that OCR lost or
// misplaced (see dotless). It reports whether that is a guess: before a
// collective the mark lost may have been the Party's slash (T/M BAN
// THƯỜNG VỤ).
func dotted(line string) (string, bool) {
	m := dotless.FindStringSubmatch(line)
	if m == nil || authority.MatchString(line) {
		return line, false
	}
	lead, rest := strings.ReplaceAll(m[1], ".", ""), line[len(m[0]):]
	if lead == "Q" && !dict.IsOffice(rest) {
		return line, false // a Q alone may be a speck's
	}
	f := foldUpper(rest)
	ws := strings.Fields(f)
	party := strings.HasPrefix(f, "BAN ") || slices.Contains(ws, "DANG") || slices.Contains(ws, "UY") && !strings.Contains(f, "UY BAN")
	return lead + ". " + rest, lead == "TM" && party
}

// dotless matches a signing authority (TM., KT., TL., TUQ., Q.) whose
// dot OCR lost (KT GIÁM ĐỐC), read as a slash (KT/ GIÁM ĐỐC) or put
// between its letters (K.T GIÁM ĐỐC). No word of a role is spelt so.
var dotless = regexp.MustCompile(`^(T\.?M|K\.?T|T\.?L|TUQ|Q)(?:\s*/\s*|\s+)`)

// partyAuthority matches the Party's signing authorities (Hướng dẫn
// 36-HD/VPTW), written with a slash: T/M, K/T, T/L, T/UQ.
var partyAuthority = regexp.MustCompile(`^(T/M|K/T|T/L|T/UQ)\s+`)

// roleLead matches a role line's authority as printed, the Party's T/M
// too.
var roleLead = regexp.MustCompile(`^(T/M|TM|KT|TL|TUQ|Q)\s*[.:,;]*\s+|^(TM|KT|TL|TUQ|Q)\.`)

// strangeRoleWord reports whether a word of a role line, past its
// authority (TM., KT., TL., TUQ., Q.), is neither a syllable of
// Vietnamese nor an abbreviation roles print: the lettering of a seal or
// a faint line OCR made into letters ("TM. EVW BANSNHANDAS", "TTN Z").
func strangeRoleWord(role string) bool {
	rest := role[len(roleLead.FindString(role)):]
	for _, w := range strings.Fields(rest) {
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == ',' || r == '/' || r == '.' }) {
			if !dict.IsSyllable(p) && !roleAbbrevs[dict.NFC(p)] {
				return true
			}
		}
	}
	return false
}
