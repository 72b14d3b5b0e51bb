package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// signatureBlock is what closing reads at the foot of a document.
type signatureBlock struct {
	recipients    []string
	title, signer string
	// signerGuessed is whether the signer's family name was not read as
	// one and is a guess (see dict.RepairSurname); titleGuessed whether a
	// line of the role was garbled and is read as the office nearest to
	// it (dict.RepairRole).
	signerGuessed, titleGuessed bool
	// signerLine is the line the signer's name was read from.
	signerLine layout.Segment
}

// closing reads "Nơi nhận:" with its list (left) and the signature block
// (right) at the foot of a page. With alone, a page without the list
// gives its signature block alone, as a Biên bản's or a Giấy mời's foot
// has it (see signatureAlone).
func closing(segs []layout.Segment, alone bool) (signatureBlock, bool) {
	var b signatureBlock
	at := slices.IndexFunc(segs, func(s layout.Segment) bool { return dict.IsRecipientsLabel(s.Text) })
	if at < 0 {
		at = labelBesideRole(segs)
	}
	listed := at >= 0
	if !listed && alone {
		at = signatureAlone(segs)
	}
	if at < 0 {
		return b, false
	}
	top := segs[at].Y0 - (segs[at].Y1 - segs[at].Y0)
	// The role lines may begin on the row of "Nơi nhận:" or just above.
	var roles []string
	var last layout.Segment // the last role line
	for _, s := range segs {
		if s.Y1 < top || s.Zone != layout.Right && s.Zone != layout.Centre {
			continue
		}
		t := cleanLine(s.Text)
		name, initialGuessed := nameLine(t)
		switch {
		case isRole(t) && roleDone(roles):
			// The role ended on the signer's own office: capitals under
			// it are the name printed in capitals, the rest of the
			// office's name (TRƯỞNG PHÒNG / TỔ CHỨC CÁN BỘ), or a seal's
			// or a signature's strokes read as letters.
			if n, initial := nameLine(titleCase(t)); dict.LooksLikeName(n) && dict.IsSurname(n) {
				b.signer, b.signerGuessed = dict.RepairGivenName(n)
				b.signerGuessed = b.signerGuessed || initial
				b.signerLine = s
				continue
			}
			if officeGoesOn(last, s, t) {
				roles[len(roles)-1] += " " + dict.RepairHeader(t)
				last = s
				continue
			}
			b.titleGuessed = true
		case isRole(t):
			role, guessed := readRole(t)
			guessed = guessed || strangeRoleWord(role)
			if !roleShaped(role) && s.Conf < sealConf {
				// A seal's lettering read as a line: no office is near
				// it, and OCR was nearly sure of nothing in it.
				b.titleGuessed = true
				continue
			}
			roles = append(roles, role)
			last = s
			b.titleGuessed = b.titleGuessed || guessed
		case dict.LooksLikeName(name):
			// The last name-like line is the signer.
			var markLost bool
			b.signer, markLost = dict.RepairGivenName(dict.RepairSurname(name))
			b.signerLine = s
			read, _, _ := strings.Cut(name, " ")
			repaired, _, _ := strings.Cut(b.signer, " ")
			b.signerGuessed = foldUpper(read) != foldUpper(repaired) || // more than marks put back
				!dict.IsSurname(b.signer) || markLost || initialGuessed
		}
	}
	roles, incomplete := completeRoles(roles)
	b.titleGuessed = b.titleGuessed || incomplete
	b.recipients = []string{}
	b.title = strings.Join(roles, " / ")
	if !listed {
		return b, true
	}
	// The list is the column under "Nơi nhận:", left of the signature
	// block; a line OCR split in two on one row ("Trung" | "ương;") is
	// joined again.
	edge := math.MaxInt
	for _, s := range segs {
		if t := cleanLine(s.Text); s.Y1 >= top && s.Zone != layout.Left && (isRole(t) || nameShaped(t)) {
			edge = min(edge, s.X0)
		}
	}
	// It ends where a gap of four lines or more parts it from what follows
	// (a line OCR did not read leaves one of one or two), or at the
	// office's address printed as a footer under it.
	var rows []layout.Segment
	for _, s := range segs[at+1:] {
		n := len(rows)
		last := segs[at]
		if n > 0 {
			last = rows[n-1]
		}
		if s.Y0-last.Y1 > 4*(last.Y1-last.Y0) && len(s.Words) > 0 || footer.MatchString(foldUpper(s.Text)) {
			if s.Zone != layout.Right {
				break
			}
			continue // the signature block beside the list's end
		}
		switch {
		case s.Zone == layout.Left && s.X0 <= segs[at].X0+(segs[at].X1-segs[at].X0):
		case n > 0 && s.X0 >= rows[n-1].X1 && s.X0 < edge && sameRow(rows[n-1], s) &&
			s.X0-rows[n-1].X1 < 3*(s.Y1-s.Y0) && letterShare(s.Text) > 0.5:
		default:
			continue
		}
		if n > 0 && sameRow(rows[n-1], s) && s.X0 >= rows[n-1].X1 && s.X0 < edge {
			rows[n-1].Text += " " + s.Text
			rows[n-1].X1 = s.X1
			continue
		}
		rows = append(rows, s)
	}
	for _, s := range rows {
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		bullet := strings.IndexAny(t[:1], "-–—=+•*~") == 0
		t = strings.TrimLeft(t, "-–—=+•*~ ")
		t = strings.TrimRight(t, " ;,.")
		t = strayLead.ReplaceAllString(t, "")
		t = dict.RepairRecipient(commaSpace.ReplaceAllString(t, ", $1"))
		if t == "" {
			continue
		}
		if !bullet && len(b.recipients) > 0 {
			b.recipients[len(b.recipients)-1] += " " + t // a wrapped line
			continue
		}
		b.recipients = append(b.recipients, t)
	}
	return b, true
}

// signatureAlone finds the signature block of a page that has no Nơi
// nhận: the first line of an office or an authority (TM., KT., …) right
// of the centre and below the body (the last line set across the page),
// with a name under it on its side. It returns the line's index, or -1.
// Beside it on the left may stand another signer's (a Biên bản's thư
// ký): the block on the right is the one who answers for the document.
func signatureAlone(segs []layout.Segment) int {
	body := -1
	for i, s := range segs {
		if s.Zone == layout.Full {
			body = i
		}
	}
	if body < 0 {
		return -1
	}
	for i, s := range segs[body+1:] {
		t := cleanLine(s.Text)
		if s.Zone != layout.Right || !isRole(t) || !authority.MatchString(t) && !dict.IsOffice(t) {
			continue
		}
		for _, n := range segs[body+1+i+1:] {
			if n.Zone != layout.Left && n.Y0 > s.Y1 && nameShaped(cleanLine(n.Text)) {
				return body + 1 + i
			}
		}
	}
	return -1
}

// labelBesideRole returns the index of a "Nơi nhận:" whose first word OCR
// misread beyond what dict.IsRecipientsLabel takes (Mỹ nhận:), known by
// where NĐ 30 prints it: flush left on the row of the signer's role. -1
// if there is none.
func labelBesideRole(segs []layout.Segment) int {
	for i, s := range segs {
		if s.Zone != layout.Left || !looseLabel.MatchString(foldUpper(s.Text)) {
			continue
		}
		for _, r := range segs {
			t := cleanLine(r.Text)
			if r.Zone != layout.Left && sameRow(s, r) && isRole(t) && (authority.MatchString(t) || dict.IsOffice(t)) {
				return i
			}
		}
	}
	return -1
}

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
	line := dict.RepairHeader(t)
	guessed := false
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
	rest := line[len(lead):]
	if lead == "TM. " || dict.IsOffice(rest) {
		return line, guessed
	}
	if office, ok := dict.RepairRole(rest); ok && office != rest {
		return lead + office, true
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
// executive committee (BAN THƯỜNG TRỰC, BAN THƯỜNG VỤ, BAN CHẤP HÀNH), for
// which each member signs in their own office (TM. BAN THƯỜNG TRỰC / PHÓ
// CHỦ TỊCH), with no KT. of the head between.
func membersSign(role string) bool {
	for _, c := range []string{"BAN THƯỜNG TRỰC", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH"} {
		if strings.HasPrefix(strings.TrimPrefix(role, "TM. "), c) {
			return true
		}
	}
	return false
}

var (
	// authority is a signing-authority prefix (NĐ 30: TM., KT., Q., TL.,
	// TUQ.), always written with a dot; OCR reads the dot as : , or ;.
	authority = regexp.MustCompile(`^(TM|KT|TL|TUQ|Q)\s*[.:,;]+\s*`)
	// looseLabel is "Nơi nhận:" (folded capitals) with any short first
	// word.
	looseLabel = regexp.MustCompile(`^\S{1,4}\s+NHAN\s*[:;]`)
	// misreadAuthority is a prefix whose letters OCR misread: the foot of
	// the L lost (TI.), a T read as 1 (K1.), an L or an M under a seal's
	// ink read as H (TH.).
	misreadAuthority = regexp.MustCompile(`^(TI|T1|K1|KI|TH)\s*[.:,;]+\s*`)
	authorityRead    = map[string]string{"TI": "TL", "T1": "TL", "K1": "KT", "KI": "KT"}
	// strayLead is OCR debris before a recipient: a lone digit or mark.
	strayLead = regexp.MustCompile(`^([0-9]|[^\pL\pN\s(])\s+`)
	// footer matches (in folded capitals) a line of the office's address
	// that some print at the foot of the page: Địa chỉ, Điện thoại, Fax,
	// Email, Website.
	footer = regexp.MustCompile(`^(?:DIA CHI|DIEN THOAI|DT|FAX|E-?MAIL|WEBSITE)\s*:`)
	// commaSpace finds a comma with no space after it before a letter.
	commaSpace = regexp.MustCompile(`,(\pL)`)
)

// isRole reports whether t reads like a line of the signer's role: upper
// case, or one of the authority prefixes (TM., KT., Q., TL., TUQ.).
func isRole(t string) bool {
	f := foldUpper(t)
	for _, p := range []string{"TM.", "KT.", "Q.", "TL.", "TUQ.", "TM ", "KT "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return isUpperish(t) && len([]rune(t)) >= 4 && letterShare(t) > 0.7
}

// sameRow reports whether a and b overlap vertically by half the smaller
// height: two parts of one printed line.
func sameRow(a, b layout.Segment) bool {
	overlap := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
	return 2*overlap >= min(a.Y1-a.Y0, b.Y1-b.Y0)
}

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
	t = dropRank(t)
	t = degree.ReplaceAllString(t, "")
	ws := strings.Fields(t)
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
			if dict.Fold(stripPunct(w.Text)) == dict.Fold(n) && w.Confidence < sureConf*100 {
				return true
			}
		}
	}
	return false
}

// roleAbbrevs are the abbreviations a role line prints in capitals: the
// bodies a TM. line signs for (TM. UBND, TM. BCH) and their parts.
var roleAbbrevs = map[string]bool{
	"UBND": true, "HĐND": true, "UBMTTQ": true, "MTTQ": true, "BCH": true, "BTV": true, "BTC": true,
	"ĐBQH": true, "TW": true, "TƯ": true, "LĐLĐ": true, "HĐQT": true, "HĐTV": true, "BQL": true,
	"BHXH": true, "KBNN": true, "NHNN": true, "TAND": true, "VKSND": true, "UBKT": true, "CA": true,
	"BCHQS": true, "HTX": true, "THPT": true, "THCS": true, "TNCS": true,
}

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
