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
// name's, or lost. It applies only to a name under review of an issuer
// not under review, and only when one known signer fits; the name stays
// under review, with a warning of what was read. It reports whether it
// changed the name.
func (r *Result) RecallSigner(known []vanthu.Signer) bool {
	md := &r.Metadata
	if md.Signer == "" || !slices.Contains(r.Review, "signer") || slices.Contains(r.Review, "issuer") {
		return false
	}
	read := syllables(md.Signer)
	if len(read) < 2 {
		return false
	}
	var fit string
	for _, k := range known {
		if k.Name == fit || !endsAs(read, syllables(k.Name)) {
			continue
		}
		if fit != "" {
			return false // two fit: the clerk decides
		}
		fit = k.Name
	}
	if fit == "" || fit == md.Signer {
		return false
	}
	r.Warnings = append(r.Warnings, fmt.Sprintf(RecalledWarning, md.Signer, fit))
	md.Signer = fit
	return true
}

// syllables are the words of a name, folded, in small letters.
func syllables(name string) []string {
	return strings.FieldsFunc(strings.ToLower(dict.Fold(name)), func(r rune) bool { return !unicode.IsLetter(r) })
}

// endsAs reports whether read can be a garbled reading of name: read is
// no longer, ends in name's last two syllables, and each syllable before
// them is at most two letters off name's in its place.
func endsAs(read, name []string) bool {
	if len(read) > len(name) || len(name) < 2 {
		return false
	}
	off := len(name) - len(read)
	for i, s := range read {
		k := name[off+i]
		if i >= len(read)-2 {
			if s != k {
				return false
			}
		} else if dict.EditDistance(s, k) > 2 {
			return false
		}
	}
	return true
}
