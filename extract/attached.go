package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// AttachedWarning says that the number or the date was taken from the
// line under the title of a text the document issues (a regulation, an
// appendix), where the header's slot was left blank or could not be
// read: the page, and what the line cites.
const AttachedWarning = "Số hoặc ngày lấy từ dòng “kèm theo” ở trang %d (%s), vì ô số hoặc ngày ở đầu văn bản để trống hoặc không đọc được: hãy kiểm tra (number or date read from the attached text's line)"

// AttachedDisagreesWarning says that the line under the title of a text
// the document issues cites it by another number or date than its header
// reads: the page, what the line cites, and what the header reads.
const AttachedDisagreesWarning = "Dòng “kèm theo” ở trang %d ghi %s, khác với đầu văn bản (%s): hãy kiểm tra (the attached text cites another number or date)"

// attachedEvidence weighs the number and the date the header reads
// against those by which a text the document issues cites it, on a later
// page of the same file (pages, each as its segments; the first is not
// read): the line under the text's title, "(Ban hành kèm theo Quyết định
// số 45/QĐ-UBND ngày 12/3/2023 của …)". That line cites the document
// itself only where its code is the header's (QĐ-UBND); then
//
//   - a numeral the header's slot left blank or unread (written by hand) is
//     the line's, and a date the header read without its day (or not at
//     all) is the line's where they agree as far as the header's goes:
//     both stay under review, with a warning of where they came from;
//   - a numeral or a date that differs from the header's is a misreading of
//     one of the two, and goes to review with a warning.
//
// It returns the warnings.
func attachedEvidence(md *vanthu.Metadata, conf map[string]float64, pages []vanthu.Page, segsOf [][]layout.Segment) []string {
	if md.Number == "" {
		return nil
	}
	sep := "/"
	if isParty(md.Number) {
		sep = "-"
	}
	numeral, code, ok := strings.Cut(md.Number, sep)
	if !ok {
		return nil
	}
	blank := numeral == "…" || numeral == ""
	for i := 1; i < len(pages); i++ {
		for j, s := range segsOf[i] {
			if !nearTop(pages[i], s, j) {
				break
			}
			cited, date, named, ok := citedByAttached(segsOf[i], j)
			if !ok || foldUpper(cited.Code) != foldUpper(code) || cited.Party != (sep == "-") {
				continue
			}
			if t, known := dict.DocTypeByName(named); known && md.DocType != "" && t.Name != md.DocType {
				continue // kèm theo a Kế hoạch of the same code: another text
			}
			var warnings []string
			line := cited.String()
			if date != "" {
				line += " ngày " + dayMonthYear(date)
			}
			switch {
			case blank:
				md.Number = cited.Numeral + sep + code
				conf["number"] = min(conf["number"], ReviewThreshold/2)
				warnings = append(warnings, fmt.Sprintf(AttachedWarning, pages[i].Number, line))
			case cited.Numeral != numeral:
				conf["number"] = min(conf["number"], ReviewThreshold/2)
				return []string{fmt.Sprintf(AttachedDisagreesWarning, pages[i].Number, line, md.Number)}
			}
			switch {
			case date == "" || date == md.IssuedDate:
			case len(md.IssuedDate) < len(date) && strings.HasPrefix(date, md.IssuedDate):
				md.IssuedDate = date
				conf["issued_date"] = min(conf["issued_date"], ReviewThreshold/2)
				if len(warnings) == 0 {
					warnings = append(warnings, fmt.Sprintf(AttachedWarning, pages[i].Number, line))
				}
			default:
				conf["issued_date"] = min(conf["issued_date"], ReviewThreshold/2)
				warnings = append(warnings, fmt.Sprintf(AttachedDisagreesWarning, pages[i].Number, line, "ngày "+dayMonthYear(md.IssuedDate)))
			}
			return warnings
		}
	}
	return nil
}

// citedByAttached reads segment j of segs as the line under the title of
// a text a document issues (attachedTo), with the line under it where the
// date or the number wrapped onto it: the number the line cites, its date
// (YYYY-MM-DD, "" when none or no day of the calendar) and the type the
// line names before "số" (as read). ok is false for another line, or a
// number whose numeral is blank or unsure (written by hand).
func citedByAttached(segs []layout.Segment, j int) (n Number, date, named string, ok bool) {
	s := segs[j]
	if !attachedTo.MatchString(foldUpper(s.Text)) {
		return Number{}, "", "", false
	}
	words := strings.Fields(s.Text)
	if at := lastSo(words); !strings.Contains(foldUpper(strings.Join(words[at+1:], " ")), "NGAY") && j+1 < len(segs) {
		words = append(words, strings.Fields(segs[j+1].Text)...) // the date, or the number, wrapped
	}
	at := lastSo(words)
	if at < 0 || at+1 == len(words) || words[at+1][0] < '0' || words[at+1][0] > '9' {
		return Number{}, "", "", false // no number, or its numeral blank
	}
	for k, w := range words[:at] {
		if foldUpper(w) == "THEO" && k > 0 && foldUpper(dict.TrimSigns(words[k-1])) == "KEM" {
			named = strings.Join(words[k+1:at], " ")
		}
	}
	number := words[at+1]
	if strings.HasSuffix(number, "-") && at+2 < len(words) {
		number += words[at+2]
	}
	n, ok = ParseNumberLine("Số: " + strings.TrimRight(number, ".,;)"))
	if !ok || n.Numeral == "" || n.Unsure || n.Unreadable || n.TypeLost {
		return Number{}, "", "", false
	}
	if m := attachedDate.FindStringSubmatch(foldUpper(strings.Join(words[at+1:], " "))); m != nil {
		if d, ok := isoDate(m[1], m[2], m[3]); ok {
			if _, err := time.Parse("2006-01-02", d); err == nil {
				date = d // a day of the calendar
			}
		}
	}
	return n, date, named, true
}

// attachedDate matches, in folded capitals, the date after the number an
// attached text's line cites (its code perhaps wrapped over a space):
// "45/QD-UBND NGAY 12/3/2023", "125-QD/TU NGAY 12 THANG 3 NAM 2023".
var attachedDate = regexp.MustCompile(`^\S+(?:\s+\S+)?\s+` + citedDay)

// lastSo is the index in words of the last word "số" (with a colon or a
// stop after it), or -1.
func lastSo(words []string) int {
	for k := len(words) - 1; k >= 0; k-- {
		if foldUpper(strings.TrimRight(words[k], ":.")) == "SO" {
			return k
		}
	}
	return -1
}

// dayMonthYear is date (YYYY-MM-DD, YYYY-MM or YYYY) as an office writes
// it: 12/03/2023, 03/2023, 2023.
func dayMonthYear(date string) string {
	parts := strings.Split(date, "-")
	slices.Reverse(parts)
	return strings.Join(parts, "/")
}
