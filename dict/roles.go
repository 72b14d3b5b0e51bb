package dict

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// officeKeys are the offices that sign by their letters without marks or
// spaces (CHUTICH), for RepairRole: two offices may share them (THỦ
// TRƯỞNG, the head of a body; THỨ TRƯỞNG, a minister's deputy).
var officeKeys = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, o := range offices {
		m[RoleKey(o)] = append(m[RoleKey(o)], o)
	}
	return m
})

// RoleKey is s's letters without marks, in capitals, with nothing between
// them: a role line as compared.
func RoleKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, Fold(s))
}

// RepairRole reads a role line that a seal or a signature garbled ("⁄%
// TS Ú TỊCH") as the office that signs nearest to it: at most one letter
// in three off, and nearer than any other office. Of two offices with the
// same letters, it is the one whose marks are nearer the line's (THỦ
// TRƯỜNG: THỦ TRƯỞNG, not THỨ TRƯỞNG). It reports whether it found one;
// a line no office is near is left to the clerk as read.
func RepairRole(line string) (string, bool) {
	key := RoleKey(line)
	if key == "" {
		return line, false
	}
	var best []string
	bestD, second := len(key)+1, len(key)+1
	for k, o := range officeKeys() {
		switch d := EditDistance(key, k); {
		case d < bestD:
			best, second, bestD = o, bestD, d
		case d < second:
			second = d
		}
	}
	if best == nil || 3*bestD > len([]rune(RoleKey(best[0]))) || second == bestD {
		return line, false
	}
	if office, ok := nearestSpelt(strings.ToUpper(NFC(line)), best); ok {
		return office, true
	}
	return line, false
}

// nearestSpelt returns the one of spellings nearest to read, mark for
// mark; false where two are as near.
func nearestSpelt(read string, spellings []string) (string, bool) {
	best, bestD, tie := "", -1, false
	for _, s := range spellings {
		switch d := EditDistance(read, s); {
		case bestD < 0 || d < bestD:
			best, bestD, tie = s, d, false
		case d == bestD:
			tie = true
		}
	}
	return best, best != "" && !tie
}

// Deputy is the title of the deputy who signs for the head titled office
// (KT. CHỦ TỊCH over PHÓ CHỦ TỊCH; a minister's deputy is THỨ TRƯỞNG).
// Of offices held together, the deputy is the last one's (PHÓ CHỦ NHIỆM
// for BỘ TRƯỞNG, CHỦ NHIỆM).
func Deputy(office string) string {
	if i := strings.LastIndex(office, ", "); i >= 0 {
		office = office[i+2:]
	}
	switch office {
	case "BỘ TRƯỞNG":
		return "THỨ TRƯỞNG"
	}
	return "PHÓ " + office
}

// OfficeLetters reports whether line has the letters of an office that
// signs, whatever its marks (THU TRUONG: THỦ TRƯỞNG or THỨ TRƯỞNG).
func OfficeLetters(line string) bool { return len(officeKeys()[RoleKey(line)]) > 0 }

// IsOffice reports whether line is an office that signs, as spelt: one,
// or two or more held together and printed with commas between them
// (BỘ TRƯỞNG, CHỦ NHIỆM: the head of a ministry-level office).
func IsOffice(line string) bool {
	for _, o := range strings.Split(line, ", ") {
		if !slices.Contains(officeKeys()[RoleKey(o)], o) {
			return false
		}
	}
	return true
}

// headByDeputy is each office's head by the title of its deputy.
var headByDeputy = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, o := range offices {
		if d := Deputy(o); d != o {
			m[d] = o
		}
	}
	return m
})

// HeadOf returns the office whose deputy is titled role (PHÓ CHỦ TỊCH:
// CHỦ TỊCH; THỨ TRƯỞNG: BỘ TRƯỞNG).
func HeadOf(role string) (string, bool) {
	head, ok := headByDeputy()[role]
	return head, ok
}
