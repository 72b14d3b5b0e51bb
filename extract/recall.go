package extract

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// RecalledWarning says that the signer's name, read garbled, was taken
// from the signers the register knows for the issuer.
const RecalledWarning = "Tên người ký đọc được là %q; đã điền %q, người ký của cơ quan này trong sổ, hãy kiểm tra (signer read as a known signer)"

// RecallSigner reads a signer's name that a seal or a signature garbled
// as the one of the issuer's known signers (known, as the register names
// them) that the reading can be. The seal is pressed over the left of
// the signature and the name under it, so what it leaves is the end of
// the name: the reading must end in the known name's last two syllables,
// and each syllable before them be at most two letters off the known
// name's, or lost; the family name may be read as anything that is no
// family name (Xin Hoàng Tuấn). It applies only to a name under review of
// an issuer not under review, and only when one known signer fits; the
// name stays under review, with a warning of what was read. It reports
// whether it changed the name.
func (r *Result) RecallSigner(known []vanthu.Signer) bool {
	md := &r.Metadata
	if md.Signer == "" || !slices.Contains(r.Review, "signer") || slices.Contains(r.Review, "issuer") {
		return false
	}
	read := words(md.Signer)
	if len(read) < 2 {
		return false
	}
	return r.recall(&md.Signer, RecalledWarning, known, func(k vanthu.Signer) string { return k.Name },
		func(name string) bool { return endsAs(read, name) })
}

// recall sets *field to the one value of the known signers (of) that
// fits what was read, with warning (a format of what was read and what
// was set), and reports whether it changed it; two that fit, or none,
// leave it to the clerk.
func (r *Result) recall(field *string, warning string, known []vanthu.Signer, of func(vanthu.Signer) string, fits func(string) bool) bool {
	var fit string
	for _, k := range known {
		v := of(k)
		if v == "" || v == fit || !fits(v) {
			continue
		}
		if fit != "" {
			return false
		}
		fit = v
	}
	if fit == "" || fit == *field {
		return false
	}
	r.Warnings = append(r.Warnings, fmt.Sprintf(warning, *field, fit))
	*field = fit
	return true
}

// words are the words of a name, its letters only.
func words(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) })
}

// endsAs reports whether read (words) can be a garbled reading of name:
// read is no longer, ends in name's last two syllables, and each syllable
// before them is at most two letters off name's in its place, or, in the
// place of the family name, no family name.
func endsAs(read []string, name string) bool {
	k := words(name)
	if len(read) > len(k) || len(k) < 2 {
		return false
	}
	off := len(k) - len(read)
	for i, w := range read {
		a, b := fold(w), fold(k[off+i])
		switch {
		case i >= len(read)-2:
			if a != b {
				return false
			}
		case dict.EditDistance(a, b) <= 2:
		case off+i == 0 && !dict.IsSurname(w):
		default:
			return false
		}
	}
	return true
}

// fold is a word without marks, in small letters.
func fold(w string) string { return strings.ToLower(dict.Fold(w)) }

// RecalledTitleWarning says that the signer's role, read garbled, was
// taken from the roles of the signers the register knows for the issuer.
const RecalledTitleWarning = "Chức vụ người ký đọc được là %q; đã điền %q, chức vụ đã có trong sổ của cơ quan này, hãy kiểm tra (signer_title read as a known role)"

// RecallTitle reads a signer's role that a seal garbled as the one role
// of the issuer's known signers (known) that the reading can be: as many
// lines, each read as the known role's line, or garbled (a word that is
// neither a syllable nor an abbreviation roles print) and ending in the
// same word, with the same signing authority (TL. .CIHIUL TỊCH → TL. CHỦ
// TỊCH; L TỊCH → CHỦ TỊCH). A line read as a role unlike the known one's
// rules the known one out. It applies only to a role under review of an
// issuer not under review; the role stays under review, with a warning
// of what was read. It reports whether it changed the role.
func (r *Result) RecallTitle(known []vanthu.Signer) bool {
	md := &r.Metadata
	if md.SignerTitle == "" || !slices.Contains(r.Review, "signer_title") || slices.Contains(r.Review, "issuer") {
		return false
	}
	read := strings.Split(md.SignerTitle, " / ")
	return r.recall(&md.SignerTitle, RecalledTitleWarning, known, func(k vanthu.Signer) string { return k.Title },
		func(title string) bool { return rolesFit(read, strings.Split(title, " / ")) })
}

// rolesFit reports whether the role lines read can be a garbled reading
// of the lines of a known role (see RecallTitle).
func rolesFit(read, known []string) bool {
	if len(read) != len(known) {
		return false
	}
	for i, l := range read {
		k := known[i]
		if dict.RoleKey(l) == dict.RoleKey(k) {
			continue
		}
		if !strangeRoleWord(l) || dict.RoleKey(roleLead.FindString(l)) != dict.RoleKey(roleLead.FindString(k)) || dict.RoleKey(lastWord(l)) != dict.RoleKey(lastWord(k)) {
			return false
		}
	}
	return true
}

func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// RecalledHolderWarning says that the signer's name, not read, was taken
// as the one who held the signer's office at the time, by the register.
const RecalledHolderWarning = "Không đọc được tên người ký; đã điền %q, người giữ chức %s của cơ quan vào thời gian này theo sổ, hãy kiểm tra (signer read as the office's holder)"

// holderNear and holderApart bound RecallHolder: the holder's known span
// of documents must come within holderNear of the date, and every other
// holder's stay further than holderApart from it.
const (
	holderNear  = 180 * 24 * time.Hour
	holderApart = 365 * 24 * time.Hour
)

// RecallHolder fills a signer's name that was not read at all with the
// one who held the signer's office at the document's date, as the
// register knows it (known, with the span of the dates of the documents
// each signed). An agency has one holder of an office at a time (CHỦ
// TỊCH, GIÁM ĐỐC, CHÁNH VĂN PHÒNG), and several of a deputy's (PHÓ …,
// THỨ TRƯỞNG) or a member's, which it leaves alone. The office is the
// last line of the role, read without doubt, or read whole as one of the
// known roles. The holder is the one of that office whose span comes
// within half a year of the document's month (its day is the văn thư's
// handwriting, often unsure), no other within a year of it. The name
// stays under review, with a warning. It reports whether it filled the
// name.
func (r *Result) RecallHolder(known []vanthu.Signer) bool {
	md := &r.Metadata
	if md.Signer != "" || !slices.Contains(r.Review, "signer") || slices.Contains(r.Review, "issuer") || md.SignerTitle == "" {
		return false
	}
	if slices.Contains(r.Review, "signer_title") && !slices.ContainsFunc(known, func(k vanthu.Signer) bool {
		return dict.RoleKey(k.Title) == dict.RoleKey(md.SignerTitle)
	}) {
		return false // an unsure role, none of the issuer's known ones
	}
	// The month and year are printed; a day written by hand, unsure or
	// not read, moves the date by less than the bounds care about.
	if len(md.IssuedDate) < len("2006-01") {
		return false
	}
	date, err := time.Parse("2006-01", md.IssuedDate[:len("2006-01")])
	if err != nil {
		return false
	}
	date = date.AddDate(0, 0, 14)
	office := lastLine(md.SignerTitle)
	if !soleHolder(office) {
		return false
	}
	best, bestD, second := "", time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	for _, k := range known {
		if k.Name == best || dict.RoleKey(lastLine(k.Title)) != dict.RoleKey(office) {
			continue
		}
		d, ok := spanDistance(date, k.First, k.Last)
		switch {
		case !ok:
		case d < bestD:
			best, second, bestD = k.Name, bestD, d
		case d < second:
			second = d
		}
	}
	if best == "" || bestD > holderNear || second <= holderApart {
		return false
	}
	r.Warnings = append(r.Warnings, fmt.Sprintf(RecalledHolderWarning, best, office))
	md.Signer = best
	return true
}

// soleHolder reports whether an office has one holder at a time: not a
// deputy's (PHÓ …, THỨ TRƯỞNG) nor a member's (ỦY VIÊN, THÀNH VIÊN).
func soleHolder(office string) bool {
	k := dict.RoleKey(office)
	for _, p := range []string{"PHO", "THUTRUONG", "UYVIEN", "THANHVIEN"} {
		if strings.HasPrefix(k, p) {
			return false
		}
	}
	return k != ""
}

// spanDistance is how far date lies from the span first–last (0 within
// it); ok is false when the span is unknown.
func spanDistance(date time.Time, first, last string) (time.Duration, bool) {
	f, err1 := time.Parse("2006-01-02", first)
	l, err2 := time.Parse("2006-01-02", last)
	switch {
	case err1 != nil || err2 != nil:
		return 0, false
	case date.Before(f):
		return f.Sub(date), true
	case date.After(l):
		return date.Sub(l), true
	}
	return 0, true
}

func lastLine(title string) string {
	lines := strings.Split(title, " / ")
	return lines[len(lines)-1]
}
