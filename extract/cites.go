package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
)

// Citation is a document a text cites by its number: the number as
// printed, and the day the text says it was issued on, right after it
// ("Quyết định số 45/QĐ-UBND ngày 12/3/2024"), YYYY-MM-DD, or "".
type Citation struct {
	Number string `json:"number"`
	Date   string `json:"date,omitempty"`
}

// maxCitations bounds what Citations returns: a law's preamble cites a
// dozen, a page of OCR debris should not give hundreds.
const maxCitations = 50

// citationRe matches a number a text cites: figures, a year maybe, and
// codes beginning with a capital (45/QĐ-UBND, 104/2024/NĐ-CP), or the
// Party's figures, type and body (12-NQ/TW, 45-QĐ/TU). A fraction or a
// date has no code; "2 lần/năm" no capital. It stands after a space, a
// bracket or a quote, or after "số" where OCR lost the space
// (số45/QĐ-UBND): not after what OCR made of a figure it could not read
// (2§7/STC-HCSN is no 7/STC-HCSN). A space may stand before its slash,
// as in a slot typed for the figures (số 23 /QĐ-UBND); its codes may wrap
// after a hyphen (131/CĐ-⏎TTg) or be read with a space after one.
var citationRe = regexp.MustCompile(`(?:^|[\s(“"'‘]|(?i:số|so))(\d{1,5} ?(?:/\d{4})?/\p{Lu}[\pL\d&]*` + codes +
	`|\d{1,5}-\p{Lu}[\pL\d&]*/\pL[\pL\d&]*` + codes + `)`)

// codes is the rest of a cited number's codes: each after a hyphen, the
// line broken after one of them, or a space read after it (17/NQ- CP).
const codes = `(?:-[\pL\d&]+)*(?:-[ \t]*\n?[ \t]*\p{Lu}[\pL\d&]*(?:-[\pL\d&]+)*)?`

// numberLabel matches the label of a header's number, "Số:" opening its
// line, before a number: the document's own, or an attachment's. A
// sentence's "các Quyết định số: 1743/QĐ-BGTVT" cites.
var numberLabel = regexp.MustCompile(`^\s*S[ốoô]\s*[:.;]\s*$`)

// citedDayAfter matches, in folded capitals, the day of issue right after
// a cited number ("NGAY 12/3/2024", ", NGAY 30 THANG 12 NAM 2024").
var citedDayAfter = regexp.MustCompile(`^,?\s*` + citedDay)

// Citations returns the documents text cites by number, each once, in the
// order first cited, other than self (the number of the document that
// text is of, compared as dict.NumberKey compares numbers). A number cited
// with a day and without is the one cited with it; cited with two days,
// it is two documents (two years' 45/QĐ-UBND).
func Citations(text, self string) []Citation {
	text = dict.NFC(text)
	selfKey := ""
	if self != "" {
		selfKey = dict.NumberKey(self)
	}
	var out []Citation
	keys := map[string][]int{} // NumberKey → indices in out
	for _, m := range citationRe.FindAllStringSubmatchIndex(text, -1) {
		number := strings.Join(strings.Fields(text[m[2]:m[3]]), "")
		key := dict.NumberKey(number)
		if key == selfKey || numberLabel.MatchString(text[strings.LastIndexByte(text[:m[2]], '\n')+1:m[2]]) {
			continue // its own number, or a number no one cites: the Số: of a header
		}
		c := Citation{Number: number, Date: dayAfter(text[m[3]:])}
		at := keys[key]
		switch {
		case slices.ContainsFunc(at, func(i int) bool { return out[i].Date == c.Date || c.Date == "" }):
			continue // cited again, or again without its day
		case len(at) == 1 && out[at[0]].Date == "":
			out[at[0]].Date = c.Date // first cited without its day
			continue
		}
		if len(out) == maxCitations {
			break
		}
		keys[key] = append(at, len(out))
		out = append(out, c)
	}
	return out
}

// dayAfter returns the day of issue (YYYY-MM-DD) that rest, the text after
// a cited number, begins with, or "".
func dayAfter(rest string) string {
	const span = 48 // ", ngày 30 tháng 12 năm 2024" and spaces
	if len(rest) > span {
		cut := span
		for cut > 0 && !utf8.RuneStart(rest[cut]) {
			cut--
		}
		rest = rest[:cut]
	}
	m := citedDayAfter.FindStringSubmatch(foldUpper(strings.Join(strings.Fields(rest), " ")))
	if m == nil {
		return ""
	}
	d, _ := isoDate(m[1], m[2], m[3])
	return d
}
