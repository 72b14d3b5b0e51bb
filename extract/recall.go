package extract

import (
	"fmt"
	"slices"
	"strings"
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
