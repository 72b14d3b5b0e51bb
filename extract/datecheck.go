package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// checkDate checks the day of issue against the days the text cites and
// the year of the number, and reads the day a law or a resolution of an
// assembly, which prints no date line, was passed on from its last
// article.
func (r *reading) checkDate() {
	if r.md.IssuedDate != "" {
		for i := range r.pages {
			r.segs(i)
		}
		var before bool
		if r.md.IssuedDate, before = checkAgainstCited(r.md.IssuedDate, citedDates(r.segsOf)); before {
			r.doubt("issued_date")
		}
		if y := numberYear(r.md.Number); y != "" && len(r.md.IssuedDate) >= 4 && r.md.IssuedDate[:4] != y {
			r.doubt("issued_date", "number")
		}
		return
	}
	for i := len(r.pages) - 1; i >= 0 && r.md.IssuedDate == ""; i-- {
		if date, s, ok := passedOn(r.segs(i)); ok {
			r.md.IssuedDate, r.conf["issued_date"] = date, s.Conf/100
		}
	}
}

// citedDateRe matches, in folded capitals, a document cited by its number
// and its date: "SO 168/UBND-KTTH NGAY 21/01/2025", "72/2024/QD-UBND
// NGAY 30 THANG 12 NAM 2024"; the code may wrap over a line ("131/CD-
// TTG NGAY …").
var citedDateRe = regexp.MustCompile(`\b\d{1,5}/\S*(?:\s+\S+)?\s+` + citedDay)

// citedDay is, in folded capitals, the date after a cited number: "NGAY
// 21/01/2025", "NGAY 30 THANG 12 NAM 2024"; its day, month and year.
const citedDay = `NGAY\s+(\d{1,2})(?:\s*[/.-]\s*|\s+THANG\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+NAM\s+)(\d{4})\b`

// isoDate is the date of citedDay's day, month and year (YYYY-MM-DD);
// ok is false for a day or a month out of range (a misread).
func isoDate(day, month, year string) (string, bool) {
	d, _ := strconv.Atoi(day)
	mo, _ := strconv.Atoi(month)
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return "", false
	}
	return fmt.Sprintf("%s-%02d-%02d", year, mo, d), true
}

// citedDates returns the dates (YYYY-MM-DD) of the documents the pages
// (each as its segments) cite by number, in the order they are cited; a
// date that is no day of the calendar (a misread) is left out.
func citedDates(pages [][]layout.Segment) []string {
	var dates []string
	for _, segs := range pages {
		read := layout.Text(layout.ReadingOrder(segs))
		text := foldUpper(strings.Join(strings.Fields(read), " "))
		for _, m := range citedDateRe.FindAllStringSubmatch(text, -1) {
			if d, ok := isoDate(m[1], m[2], m[3]); ok {
				dates = append(dates, d)
			}
		}
	}
	return dates
}

// checkAgainstCited checks an issue date read (YYYY, YYYY-MM or
// YYYY-MM-DD) against the dates of the documents its text cites: a
// document is issued on or after every one it cites, so an issue date
// before one of them is misread. It reports the date to take, and whether
// the date read is before a cited one (the field then goes to review).
//
// The year is taken from the latest cited date when it is a figure away
// from the year read (2023 for 2025, one stroke of a coarse scan) and
// two cited dates or more are of that year, so that one misread citation
// does not move a date read right; the day and month read are kept.
func checkAgainstCited(issued string, cited []string) (string, bool) {
	if len(issued) < len("2006") {
		return issued, false
	}
	latest := ""
	for _, c := range cited {
		latest = max(latest, c)
	}
	if latest[:min(len(issued), len(latest))] <= issued {
		return issued, false
	}
	year := latest[:4]
	n := 0
	for _, c := range cited {
		if c[:4] == year {
			n++
		}
	}
	if fixed := year + issued[4:]; n >= 2 && dict.OneLetterApart(issued[:4], year) && fixed >= latest[:len(fixed)] {
		return fixed, true
	}
	return issued, true
}

// numberYear returns the year a number carries before its code
// ("72/2024/QĐ-UBND": 2024), or "". A legal document's number carries the
// year it is issued in (Luật Ban hành văn bản quy phạm pháp luật; NĐ 30,
// Phụ lục III), so a date line of another year, or that number's year,
// is misread.
func numberYear(number string) string {
	parts := strings.Split(number, "/")
	if len(parts) < 3 {
		return "" // numeral/code: no year between them
	}
	for _, p := range parts[1 : len(parts)-1] {
		if len(p) == 4 && (strings.HasPrefix(p, "19") || strings.HasPrefix(p, "20")) && isDigits(p) {
			return p
		}
	}
	return ""
}

// passedSentence is, in folded capitals, the sentence with which a law, an
// ordinance or a resolution of an assembly ends (Luật Ban hành văn bản quy
// phạm pháp luật): "Luật này đã được Quốc hội … thông qua ngày 11 tháng
// 11 năm 2011". "này" makes it the text's own; a body citing another's
// passing names that one by its number.
var passedSentence = regexp.MustCompile(`(?:LUAT|PHAP LENH|NGHI QUYET) NAY\b.{0,240}?THONG QUA (NGAY.*)`)

// passedOn reads the day a text was passed from its closing sentence,
// which may run over lines; s is the line the day stands on, its
// confidence 0 where a figure was read from a letter (readDateLine).
func passedOn(segs []layout.Segment) (date string, s layout.Segment, ok bool) {
	var text strings.Builder
	var at []int // the byte in text where each segment's text starts
	for _, g := range segs {
		at = append(at, text.Len())
		text.WriteString(foldUpper(g.Text) + " ")
	}
	m := passedSentence.FindStringSubmatchIndex(text.String())
	if m == nil {
		return "", layout.Segment{}, false
	}
	_, date, guessed, ok := readDateLine(text.String()[m[2]:])
	if !ok || len(date) < len("2006-01-02") {
		return "", layout.Segment{}, false
	}
	i, _ := slices.BinarySearch(at, m[2]+1)
	s = segs[i-1]
	if guessed {
		s.Conf = 0
	}
	return date, s, true
}
