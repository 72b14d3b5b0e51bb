package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vanthu/vanthu/dict"
)

// placeCut is what ends text that OCR carried over from the left column
// onto the date line, before the place: a run of dots or underscores, a
// colon, a bar, or a word with a slash (the number's code, when the
// number and the date line were read as one line).
var placeCut = regexp.MustCompile(`\.{2,}|…|_{2,}|[:|]|[^\s…]*/[^\s…]*`)

// dateRe finds "ngày DD tháng MM năm YYYY" in folded capitals. The day
// and month slots may be blank or hold what OCR made of handwriting; the
// year is print, whose digits a coarse scan may read as the capitals they
// look like (202S), a 0 as its two sides (2()25), after a speck read as
// a colon. The first ten days may be written as people say them, "mồng
// 5", "mùng 10". "tháng" set in italic (NĐ 30 sets the date line so) and
// scanned in 1 bit loses the foot of its a: "thủng", "thúng"; its h may
// lose the top of its stem: "tbáng".
var dateRe = regexp.MustCompile(ngayRead + `(?:\s*M[OU]NG\b)?(.{0,8}?)T[HB][AU]NG(.{0,8}?)NAM[\s:;.,]*([0-9OLI|SZBG][0-9OLI|SZBG()\s]{3,7})`)

// ngayRead is "ngày" in folded capitals, also with the n or v a coarse
// scan makes of its y (ngàn, ngàv): where "tháng … năm" follows, or at a
// line's end before the rest of the date line (dateLine), nothing else.
const ngayRead = `NGA[YNV]`

// bareDateRe is a date line whose "ngày" is not there to find: some
// offices print none ("Hà Nội, 15 tháng 10 năm 2024"), and OCR may read
// it as no word (ng?y, rgày). It starts at the place's comma, and the word
// that stands for "ngày" is one that is not a figure. It is a date line
// only after a place alone (findDate), and only with a month.
var bareDateRe = regexp.MustCompile(`,\s*([^\s0-9]\S{0,4}\s+)?([^,]{0,8}?)T[HB][AU]NG(.{0,8}?)NAM[\s:;.,]*([0-9OLI|SZBG][0-9OLI|SZBG()\s]{3,7})`)

// bareNumericRe is numericDateRe without "ngày", as some offices print it
// ("Hà Nội, 05/01/2011"): a date line only after a place alone.
var bareNumericRe = regexp.MustCompile(`,\s*([0-9OLI|]{1,2})\s*[/.-]\s*([0-9OLI|]{1,2})\s*[/.-]\s*([0-9OLI|SZBG]{4})\b`)

// numericDateRe is the date line some offices print in figures, outside
// NĐ 30's form: "Hà Nội, ngày 05/01/2011", "ngày 29.6.2011". Citations
// give their dates so ("Công văn số 1060/BTC ngày 05/01/2011"): the form is
// a date line only after a place alone (see placeAlone).
var numericDateRe = regexp.MustCompile(`NGAY\s*([0-9OLI|]{1,2})\s*[/.-]\s*([0-9OLI|]{1,2})\s*[/.-]\s*([0-9OLI|SZBG]{4})\b`)

var (
	// zeroFix reads a printed month as digitFix does, "(" as the 0 it is
	// the left side of, and "U" as the 0 it is without its top.
	zeroFix = strings.NewReplacer(append(slices.Clone(digitLookalikes), "(", "0", "U", "0")...)
	// yearFix reads the printed year's digits (and a code's, see
	// codeFigures): as digitFix does, and the capitals a digit looks like
	// in small print.
	yearFix = strings.NewReplacer(append(slices.Clone(digitLookalikes), "S", "5", "Z", "2", "B", "8", "G", "6")...)
)

// ParseDateLine reads "<địa danh>, ngày DD tháng MM năm YYYY" and returns the
// place and the date as YYYY-MM-DD. When the day (or the month) cannot be
// read, because the slot is blank, its handwriting was not read, or what
// was read is no day of the month, the date is the part that can: YYYY-MM
// (or YYYY).
func ParseDateLine(line string) (place, date string, ok bool) {
	place, date, _, ok = readDateLine(line)
	return place, date, ok
}

// italicMonth reads a printed month as digitFix does, and a T as the
// figure 1 of a date line set in italic (NĐ 30) that a 1-bit scan read
// by the flag at its top (tháng T1, tháng TÍ for tháng 11).
var italicMonth = strings.NewReplacer(append(slices.Clone(digitLookalikes), "T", "1")...)

// strewnPlace returns place without the signs no place's name has (a
// name has letters, figures, spaces, and the dash, dot and apostrophe of
// Bà Rịa - Vũng Tàu, TP. Hồ Chí Minh, Ia H'Drai): specks or a stroke read
// as „ , ; beside or inside it. It reports whether there were any.
func strewnPlace(place string) (string, bool) {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune(" -–.'’", r) {
			return r
		}
		return ' '
	}, place)
	clean = strings.Trim(strings.Join(strings.Fields(clean), " "), " -–.'’")
	return clean, clean != place
}

// readDateLine is ParseDateLine that also reports a guess the clerk checks:
// a figure of the month read from a letter (italicMonth), or a day read
// beside a word misread where "ngày" stands (bareDateRe).
func readDateLine(line string) (place, date string, guessed, ok bool) {
	orig := []rune(dict.NFC(unleader(line)))
	folded := string(foldRunes(orig))
	up := strings.ToUpper(folded)
	m, guessed, bare := findDate(folded, up)
	if m == nil {
		return "", "", false, false
	}
	// num reads a slot: -1 when it cannot (blank, or handwriting OCR
	// made into other marks: "0T", "@3"). A 0 may have been read as its
	// two sides, "()".
	num := func(a, b int, fix *strings.Replacer) int {
		f := strings.ReplaceAll(strings.Trim(up[a:b], slotFill), "()", "0")
		n, err := strconv.Atoi(fix.Replace(f))
		if err == nil && len(f) <= 4 {
			return n
		}
		return -1
	}
	// The month is print too: a 0 whose right side a coarse scan lost is
	// read as "(" beside a digit ("(1").
	month := digitFix
	if strings.ContainsAny(up[m[4]:m[5]], "0123456789") {
		month = zeroFix
	}
	d, mo, y := num(m[2], m[3], digitFix), num(m[4], m[5], month), year(up[m[6]:m[7]])
	if mo < 0 {
		// The month is print, never written by hand: a T there is an
		// italic 1 (the day may be handwriting, and is left as read).
		if mo = num(m[4], m[5], italicMonth); mo > 0 {
			guessed = true
		}
	}
	if y < 1945 || y > 2100 {
		return "", "", false, false
	}
	if mo == 0 || mo > 12 {
		mo = -1 // no month (a 01 read as 111): the year is what can be read
	}
	if bare && mo < 0 {
		// Without "ngày", only a printed month makes the line a date's:
		// "Trong năm, 6 tháng đầu năm 2024" is a sentence.
		return "", "", false, false
	}
	date = fmt.Sprintf("%04d", y)
	if mo > 0 {
		date += fmt.Sprintf("-%02d", mo)
		// A day that is no day of the month (77, 452: handwriting misread)
		// leaves the date at its month.
		if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); d > 0 && t.Day() == d {
			date = t.Format("2006-01-02")
		}
	}
	p := strings.TrimSpace(string(orig[:runeIndex(folded, m[0])]))
	p = strings.TrimRight(p, " ,.;…")
	// Keep only the place: drop anything OCR carried over from the left
	// column (placeCut). A single dot belongs to the place (TP. Hồ Chí
	// Minh).
	if loc := placeCut.FindAllStringIndex(p, -1); loc != nil {
		p = strings.TrimSpace(p[loc[len(loc)-1][1]:])
	}
	p = unitStop.ReplaceAllString(p, "$1. ")
	return p, date, guessed, true
}

// findDate finds the date line in folded (a line without its marks; up
// is it in capitals): NĐ 30's; or, after a place alone, one in figures;
// or, after a place alone whose last word is a name's (Hà Nội, not "Theo
// báo cáo"), one without "ngày". It returns the indexes (in folded) of the match and of
// its day, month and year; guessed, where a word misread stands for
// "ngày" (the day beside it goes to the clerk); and bare, where "ngày" is
// not there (the line is a date's only with a month).
func findDate(folded, up string) (m []int, guessed, bare bool) {
	if m = dateRe.FindStringSubmatchIndex(up); m != nil {
		return m, false, false
	}
	if m = numericDateRe.FindStringSubmatchIndex(up); m != nil && placeAlone(up[:m[0]]) {
		return m, false, false
	}
	// The bare forms start at the place's comma, which the place keeps.
	named := func(m []int) bool {
		ws := strings.Fields(folded[:m[0]])
		return placeAlone(up[:m[0]+1]) && len(ws) > 0 && unicode.IsUpper([]rune(ws[len(ws)-1])[0])
	}
	if m = bareDateRe.FindStringSubmatchIndex(up); m != nil && named(m) {
		guessed = m[2] >= 0
		m = append(m[:2], m[4:]...)
		m[0]++
		return m, guessed, true
	}
	if m = bareNumericRe.FindStringSubmatchIndex(up); m != nil && named(m) {
		m[0]++
		return m, false, true
	}
	return nil, false, false
}

// year reads a date line's printed year: its four figures, a gap OCR
// read between them (20 11) closed, and a mark read after them (a
// signature's or a stamp's, "2011 2") left out.
func year(slot string) int {
	f := yearFix.Replace(strings.ReplaceAll(strings.Join(strings.Fields(slot), ""), "()", "0"))
	if len(f) < 4 {
		return -1
	}
	y, err := strconv.Atoi(f[:4])
	if err != nil {
		return -1
	}
	return y
}

// unitStop matches the abbreviation of a unit before a place (TP. Hồ Chí
// Minh, TX. Sơn Tây) with its stop read as a comma or run into the name
// (TP, Hồ Chí Minh; Tp.Hồ Chí Minh).
var unitStop = regexp.MustCompile(`^(?i)(TP|TX|TT)(?:\s*,\s*|\.\s*)`)

// placeAlone reports whether what stands before "ngày" is a place and its
// comma, as on a date line, and no sentence: no figures, a few words.
func placeAlone(before string) bool {
	p := strings.TrimSpace(before)
	return strings.HasSuffix(p, ",") && !strings.ContainsAny(p, "0123456789/") && len(strings.Fields(p)) <= 6
}
