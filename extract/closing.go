package extract

import (
	"math"
	"regexp"
	"strings"
	"unicode"

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
}

// closing reads "Nơi nhận:" with its list (left) and the signature block
// (right) at the foot of a page.
func closing(segs []layout.Segment) (signatureBlock, bool) {
	var b signatureBlock
	at := -1
	for i, s := range segs {
		if dict.IsRecipientsLabel(s.Text) {
			at = i
			break
		}
	}
	if at < 0 {
		return b, false
	}
	top := segs[at].Y0 - (segs[at].Y1 - segs[at].Y0)
	// The role lines may begin on the row of "Nơi nhận:" or just above.
	var roles []string
	for _, s := range segs {
		if s.Y1 < top || s.Zone != layout.Right && s.Zone != layout.Centre {
			continue
		}
		t := cleanLine(s.Text)
		switch {
		case isRole(t):
			role, guessed := repairRole(authority.ReplaceAllString(dict.RepairHeader(t), "$1. "))
			roles = append(roles, role)
			b.titleGuessed = b.titleGuessed || guessed
		case dict.LooksLikeName(nameLine(t)):
			// The last name-like line is the signer.
			b.signer = dict.RepairGivenName(dict.RepairSurname(nameLine(t)))
			read, _, _ := strings.Cut(nameLine(t), " ")
			repaired, _, _ := strings.Cut(b.signer, " ")
			b.signerGuessed = foldUpper(read) != foldUpper(repaired) // more than marks put back
		}
	}
	b.recipients = []string{}
	// The list is the column under "Nơi nhận:", left of the signature
	// block; a line OCR split in two on one row ("Trung" | "ương;") is
	// joined again.
	edge := math.MaxInt
	for _, s := range segs {
		if t := cleanLine(s.Text); s.Y1 >= top && s.Zone != layout.Left && (isRole(t) || dict.LooksLikeName(nameLine(t))) {
			edge = min(edge, s.X0)
		}
	}
	var rows []layout.Segment
	for _, s := range segs[at+1:] {
		n := len(rows)
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
	b.title = strings.Join(roles, " / ")
	return b, true
}

// repairRole reads a role line that is not shaped as roles are printed
// (see roleShaped) as the office nearest to it, keeping its signing
// authority, and reports whether it did.
func repairRole(line string) (string, bool) {
	if roleShaped(line) {
		return line, false
	}
	lead := authority.FindString(line)
	office, ok := dict.RepairRole(line[len(lead):])
	if !ok {
		return line, false
	}
	return lead + office, true
}

var (
	// authority is a signing-authority prefix (NĐ 30: TM., KT., Q., TL.,
	// TUQ.), always written with a dot; OCR reads the dot as : , or ;.
	authority = regexp.MustCompile(`^(TM|KT|TL|TUQ|Q)\s*[.:,;]\s*`)
	// strayLead is OCR debris before a recipient: a lone digit or mark.
	strayLead = regexp.MustCompile(`^([0-9]|[^\pL\pN\s(])\s+`)
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

// nameLine is a line of the signature block without the marks a stroke of
// the signature leaves before the name when read as text ([, {, |, ').
func nameLine(t string) string {
	return strings.TrimLeft(t, "[](){}|!/\\'\"`‘’“”*^#%@ ")
}

// roleShaped reports whether a signer's role reads as roles are printed:
// capitals, spaces, the dots of TM., KT., TL. and the slashes that join
// its lines. Anything else ("⁄% TS Ú TỊCH") is a seal or a signature read
// as letters.
func roleShaped(title string) bool {
	for _, r := range title {
		if !unicode.IsUpper(r) && r != ' ' && r != '.' && r != '/' {
			return false
		}
	}
	return true
}
