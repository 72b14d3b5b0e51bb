package extract

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// readClosing reads the Nơi nhận and the signature from the last page
// that has them; a document without the list (a Biên bản) has its
// signature alone on its last page that has one. They are as sure as
// that page's lines.
func (r *reading) readClosing() {
	found := false
	for _, alone := range []bool{false, true} {
		for i := len(r.pages) - 1; i >= 0 && !found; i-- {
			b, ok := closing(beforeCopyBlock(r.segs(i)), alone)
			if !ok {
				continue
			}
			found = true
			segs := r.segsOf[i]
			r.md.Recipients, r.md.SignerTitle, r.md.Signer = b.recipients, b.title, b.signer
			var sum float64
			for _, s := range segs {
				sum += s.Conf
			}
			c := sum / float64(len(segs)) / 100
			for f, v := range map[string]string{"signer": b.signer, "signer_title": b.title} {
				if v != "" {
					r.conf[f] = c
				}
			}
			if b.signer != "" && (b.signerGuessed || unsureName(b.signer, b.signerLine) || disputedName(b.signer, b.signerLine)) {
				r.conf["signer"] = min(c, ReviewThreshold/2)
			}
			if b.title != "" && (b.titleGuessed || !roleShaped(b.title)) {
				r.conf["signer_title"] = min(c, ReviewThreshold/2) // marks of a seal read as letters
			}
			if len(b.recipients) > 0 {
				r.conf["recipients"] = c
			}
		}
	}
	if r.md.Recipients == nil {
		r.md.Recipients = []string{}
	}
}

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
	// The role lines may begin on the row of "Nơi nhận:" or just above;
	// a joint document's two signatures, side by side, leave the list no
	// room beside them, and it follows them.
	from, to := top, math.MaxInt
	if listed && !roleFrom(segs, top) {
		if i := signatureAlone(segs[:at]); i >= 0 {
			from, to = segs[i].Y0, segs[at].Y0
		}
	}
	var roles []string
	var last layout.Segment // the last role line
	for _, s := range segs {
		if s.Y1 < from || s.Y0 >= to || s.Zone != layout.Right && s.Zone != layout.Centre {
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
			if n := len(roles); n > 0 && brokenOffice(roles[n-1], role) {
				// PHÓ CHỦ / TỊCH: one line of the role that OCR read as
				// two, the page turned or its line bent.
				roles[n-1] += " " + role
				last = s
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
				// marks put back to make one of the rare family names of
				// namedOwnWay (Tân → Tẩn): the commoner names a letter
				// lost under the seal would make (Trần) are likelier
				read != repaired && dict.NamedOwnWay(repaired) ||
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
	// Each item opens with its bullet (a dash, which OCR may read as any
	// dash, or a plus or a dot); a line without one goes on with the item
	// above it, its comma kept ("UBND các huyện, thị xã, / thành phố").
	var items []string
	for _, s := range rows {
		t := strings.TrimSpace(s.Text)
		r, _ := utf8.DecodeRuneInString(t)
		bullet := strings.ContainsRune(bullets, r)
		t = strayLead.ReplaceAllString(strings.TrimLeft(t, bullets+" "), "")
		if strings.TrimRight(t, itemEnd) == "" {
			continue
		}
		if !bullet && len(items) > 0 {
			items[len(items)-1] = wrapped(items[len(items)-1], t)
			continue
		}
		items = append(items, t)
	}
	for _, t := range items {
		if t = dict.RepairRecipient(commaSpace.ReplaceAllString(strings.TrimRight(t, itemEnd), ", $1")); t != "" {
			b.recipients = append(b.recipients, t)
		}
	}
	return b, true
}

// wrapped joins the next line t of an item to the item's text so far. A
// comma at the end of the line goes with it ("thị xã, / thành phố"), but
// between the two words of a compound of the register, which no comma
// parts: a speck OCR read there ("Trung, / ương").
func wrapped(item, t string) string {
	if before, ok := strings.CutSuffix(item, ","); ok {
		ws, next := strings.Fields(before), strings.Fields(t)
		if len(ws) > 0 && len(next) > 0 && dict.IsCompound(strings.ToLower(ws[len(ws)-1]), strings.ToLower(strings.TrimRight(next[0], itemEnd))) {
			item = before
		}
	}
	return item + " " + t
}

// bullets are the marks an item of Nơi nhận opens with, as printed and as
// OCR reads its dash; itemEnd the signs an item ends with.
const (
	bullets = "-–—=+•*~"
	itemEnd = " ;,."
)

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
		if s.Zone != layout.Right || !opensRole(t) {
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

// roleFrom reports whether a line of a signer's role stands right of the
// centre from y down.
func roleFrom(segs []layout.Segment, y int) bool {
	return slices.ContainsFunc(segs, func(s layout.Segment) bool {
		return s.Y1 >= y && (s.Zone == layout.Right || s.Zone == layout.Centre) && opensRole(cleanLine(s.Text))
	})
}

// opensRole reports whether line t may open a signer's role: a line of
// role that begins with a signing authority (TM., KT., …) or is an office.
func opensRole(t string) bool {
	return isRole(t) && (authority.MatchString(t) || dict.IsOffice(t))
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
			if r.Zone != layout.Left && sameRow(s, r) && opensRole(t) {
				return i
			}
		}
	}
	return -1
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

// sameRow reports whether a and b overlap vertically by half the smaller
// height: two parts of one printed line.
func sameRow(a, b layout.Segment) bool {
	overlap := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
	return 2*overlap >= min(a.Y1-a.Y0, b.Y1-b.Y0)
}

// copyMark matches (in folded capitals) the heading of a copy's block (NĐ
// 30, Điều 25–27): a copy carries the original whole, then, under it,
// "SAO Y BẢN CHÍNH" (or TRÍCH SAO, SAO LỤC) with the copying office's own
// number, Nơi nhận and signature.
var copyMark = regexp.MustCompile(`^(SAO Y( BAN CHINH)?|TRICH SAO|SAO LUC)$`)

// beforeCopyBlock returns segs above a copy's block (from the row of its
// heading, where the copying office's name stands on the left), whose Nơi
// nhận and signature are the copying office's, not the document's.
func beforeCopyBlock(segs []layout.Segment) []layout.Segment {
	for i, s := range segs {
		if !copyMark.MatchString(strings.Join(strings.Fields(dict.TrimSigns(foldUpper(s.Text))), " ")) {
			continue
		}
		for i > 0 && sameRow(segs[i-1], s) {
			i--
		}
		return segs[:i]
	}
	return segs
}
