package dict

import (
	_ "embed"
	"strings"
	"sync"
)

// syllablesText holds the syllables of Vietnamese in use (syllables.txt,
// written by internal/tools/syllables from Hồ Ngọc Đức's word list).
//
//go:embed syllables.txt
var syllablesText string

var attested = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 6600)
	for line := range strings.Lines(syllablesText) {
		if s := strings.TrimSpace(line); s != "" && !strings.HasPrefix(s, "#") {
			m[s] = true
		}
	}
	return m
})

// IsAttested reports whether w (any case, NFC or NFD, the tone on either
// vowel that custom allows) is a syllable of Vietnamese in use: of the
// 6,589 of a dictionary's list, where IsSyllable lets through every
// syllable the writing system can spell. "địp", "lậc" and "khuyếc" can be
// spelt but are no one's words; OCR makes them of dịp, lạc and khuyết by
// a stroke or a mark too many. The names of the peoples of the highlands
// and their places (Đắk, Lắk, Kpă) are not in the list: a word that begins
// with a capital may be a name the list does not hold.
func IsAttested(w string) bool { return attested()[Canon(w)] }
