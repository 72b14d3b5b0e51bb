package dict

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The parts of a Vietnamese syllable: onset? medial? nucleus coda? tone.
var (
	onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	nuclei = []string{"iê", "yê", "uô", "ươ", "ia", "ya", "ua", "ưa", "oo",
		"a", "ă", "â", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư"}
	codas = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u", ""}
)

// IsSyllable reports whether w (any case, NFC or NFD) can be one Vietnamese
// syllable by the rules of the writing system: onset, medial, nucleus and
// coda in the combinations Vietnamese allows, at most one tone, and only
// sắc or nặng on a syllable closed by p, t, c or ch. It knows no words:
// "lịnh" passes (a valid syllable, though rare), "ưung" and "quyet" with a
// stop and no tone do not.
func IsSyllable(w string) bool {
	var tone rune
	var base []rune
	for _, r := range norm.NFD.String(strings.ToLower(NFC(w))) {
		switch {
		case isTone(r):
			if tone != 0 {
				return false
			}
			tone = r
		case unicode.Is(unicode.Mn, r):
			base = append(base, r)
		case unicode.IsLetter(r):
			base = append(base, r)
		default:
			return false
		}
	}
	s := norm.NFC.String(string(base))
	if s == "" {
		return false
	}
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		if rhymeOK(on, s[len(on):], tone) {
			return true
		}
		// gi- before i: "gì", "gìn" are g + i.
		if on == "gi" && rhymeOK("g", s[1:], tone) {
			return true
		}
	}
	return false
}

// rhymeOK checks medial? nucleus coda after the onset on.
func rhymeOK(on, rest string, tone rune) bool {
	if rest == "" {
		return false
	}
	for _, med := range []string{"", "o", "u"} {
		if !strings.HasPrefix(rest, med) {
			continue
		}
		r := rest[len(med):]
		for _, nu := range nuclei {
			if !strings.HasPrefix(r, nu) {
				continue
			}
			co := r[len(nu):]
			if !isCoda(co) {
				continue
			}
			if valid(on, med, nu, co, tone) {
				return true
			}
		}
	}
	return false
}

func isCoda(c string) bool {
	for _, k := range codas {
		if c == k {
			return true
		}
	}
	return false
}

func first(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// valid applies the combination rules.
func valid(on, med, nu, co string, tone rune) bool {
	f := first(nu)
	if med != "" {
		f = first(med)
	}
	front := f == 'i' || f == 'y' || f == 'e' || f == 'ê'
	switch on {
	case "k", "gh", "ngh":
		if !front || med != "" {
			return false
		}
	case "c", "ng", "g":
		if front && !(on == "g" && f == 'i') {
			return false
		}
	case "qu":
		if med == "u" {
			return false // the u is the onset's
		}
	case "gi":
		if first(nu) == 'i' && med == "" {
			return false // written g + i
		}
	}
	switch med {
	case "o":
		if nu != "a" && nu != "ă" && nu != "e" {
			return false
		}
	case "u":
		switch first(nu) {
		case 'â', 'ê', 'y', 'ơ':
		default:
			return false
		}
	}
	// iê is yê at the start of a syllable and after medial u; ya only after u.
	if (nu == "yê" || nu == "ya") && med != "u" && on != "" && on != "qu" {
		return false
	}
	if nu == "iê" && on == "" && med == "" {
		return false
	}
	if nu == "ya" && med != "u" && on != "qu" {
		return false
	}
	// Nuclei that need a coda, and ones that take none.
	switch nu {
	case "ă", "â", "iê", "yê", "uô", "ươ", "oo":
		if co == "" {
			return false
		}
	case "ia", "ya", "ua", "ưa":
		if co != "" {
			return false
		}
	}
	// Semivowel codas follow only some nuclei.
	switch co {
	case "i":
		switch nu {
		case "a", "o", "ô", "ơ", "u", "ư", "uô", "ươ", "e":
		default:
			return false
		}
	case "y":
		if nu != "a" && nu != "â" && !(nu == "u" && med == "") {
			return false
		}
	case "o":
		if nu != "a" && nu != "e" {
			return false
		}
	case "u":
		switch nu {
		case "a", "â", "ê", "i", "iê", "yê", "ư", "ươ", "e":
		case "y": // khuỷu
			if med != "u" {
				return false
			}
		default:
			return false
		}
	case "ch", "nh":
		if nu != "a" && nu != "ê" && nu != "i" && nu != "y" {
			return false
		}
	case "c", "ng":
		if nu == "i" || nu == "ê" || nu == "y" {
			return false
		}
	}
	// A stop coda takes only sắc or nặng.
	switch co {
	case "p", "t", "c", "ch":
		if tone != toneAcute && tone != toneDot {
			return false
		}
	}
	return true
}
