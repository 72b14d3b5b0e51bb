package dict

import (
	"strings"
	"unicode"
)

// LooksLikeName reports whether t is written like a person's full name:
// two to six words, each a capital followed by small letters (Nguyễn Văn
// An). It says nothing of whether the name exists.
func LooksLikeName(t string) bool {
	ws := strings.Fields(t)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if !unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}
