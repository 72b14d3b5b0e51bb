package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// The code of the unit that drafted a document stands twice on it: after
// the issuing code in its number (KTTH in 575/UBND-KTTH: NĐ 30, Phụ lục
// VI, the ký hiệu of a công văn) and after the văn thư's VT in the last
// item of its Nơi nhận, "Lưu: VT, KTTH." (Phụ lục I: the drafting unit
// keeps a copy). No agency's name checks the unit's code; the other
// reading of it does.

// unitCode returns where in canonical number n the drafting unit's code
// stands: KTTH in 575/UBND-KTTH, VP in 45-TB/TĐTN-VP, the code after the
// issuing code's hyphen; in a công văn whose first code names a type and
// is the issuer's (1234/CT-TTHT: Cục Thuế, see typeCodeIsIssuers), the
// code after it. An empty span where there is none (45/QĐ-UBND).
func unitCode(n string, issuersTypeCode bool) (start, end int) {
	i, j := issuingCode(n)
	switch {
	case issuersTypeCode && i > 0 && n[i-1] == '-':
		start, end = i, j
	case j < len(n) && n[j] == '-':
		start = j + 1
		end = len(n)
		if k := strings.IndexAny(n[start:], "-."); k >= 0 {
			end = start + k
		}
	default:
		return len(n), len(n)
	}
	return start, end
}

// keptCodes are the codes the "Lưu:" item of recipients names after the
// văn thư's VT (its colon read or not), as read: each item's capitals up
// to the first other sign (KTTH in "Lưu: VT, KTTHa4", the copies' count
// written by hand after it; TCHC in "TCHC(Ng)", the drafter's initials),
// of two letters or more.
func keptCodes(recipients []string) []string {
	var out []string
	for _, r := range recipients {
		r = strings.TrimSpace(dict.NFC(r))
		end := strings.IndexAny(r, " :;.")
		if end < 0 || strings.ToUpper(dict.Fold(r[:end])) != "LUU" {
			continue
		}
		rest := r[end:]
		for _, item := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			if c := leadingCapitals.FindString(item); len([]rune(c)) >= 2 && c != "VT" {
				out = append(out, c)
			}
		}
	}
	return out
}

var leadingCapitals = regexp.MustCompile(`^[A-ZĐ]+`)

// checkUnitCode checks the drafting unit's code in the number against
// the codes of the "Lưu:" item. Where the number's is none of them but
// one letter from one of three letters or more (two, from one of five or
// more: a code of two is too short to tell a misreading from another
// unit's, VP from VE) and nearer no other, the two readings disagree:
// the number is flagged, and, where it was not read surely (sureConf),
// its code is put right by the other reading (315/SNV-CCVCG with "Lưu:
// VT, CCVC."). A code far from every
// code kept is another unit's, and left; so is one the other reading
// holds a Đ fewer than, or, with a Q, a U more (qWithU).
func checkUnitCode(md *vanthu.Metadata, conf map[string]float64) {
	c, ok := conf["number"]
	if !ok {
		return
	}
	i, j := unitCode(md.Number, md.DocType == "Công văn" && typeCodeIsIssuers(md.Number, md.Issuer))
	code := md.Number[i:j]
	kept := keptCodes(md.Recipients)
	if code == "" || len(kept) == 0 {
		return
	}
	if slices.Contains(kept, code) {
		return
	}
	best, ok := nearestOf(code, kept, func(k string) int { return dict.EditDistance(code, k) },
		func(d, n int) bool { return d <= 1+n/5 && 2*d < n })
	if !ok || qWithU(best, code) || strings.Count(best, "Đ") < strings.Count(code, "Đ") {
		// A scan loses the stroke of a Đ; it adds none.
		return
	}
	if c < sureConf {
		md.Number = md.Number[:i] + best + md.Number[j:]
	}
	conf["number"] = min(c, ReviewThreshold/2)
}

// qWithU reports whether reading a of a code holds a U more than reading
// b, which has a Q. Tesseract learnt Vietnamese, where a Q is always
// followed by a U (the onset qu): in a code, where the Q is a word's
// initial (QLNS, Quản lý ngân sách), it reads a U into it or after it
// (QUNS, QLUNS), in the small print of the Lưu line most.
func qWithU(a, b string) bool {
	return strings.Contains(b, "Q") && strings.Count(a, "U") > strings.Count(b, "U")
}
