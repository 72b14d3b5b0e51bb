// Package casefile holds the rules of case files (hồ sơ): their codes,
// retention periods and when they fall due, and their export for deposit
// (the documents' archive copies named as Thông tư 05/2025/TT-BNV names
// them, metadata.xml, the table of contents and a manifest).
package casefile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// codeShape is a mã hồ sơ as it may be written: letters, digits and the
// separators of codes like 000.00.00.G09.2025.01.TH. It is also a file
// name, so nothing else goes in.
var codeShape = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$`)

// Errors of New.
var (
	ErrCode      = fmt.Errorf("a case file's code is 1 to 64 letters, digits, dots, dashes or underscores (e.g. 000.00.00.G09.2025.01.TH)")
	ErrTitle     = fmt.Errorf("a case file needs a title")
	ErrRetention = fmt.Errorf(`the retention is "vĩnh viễn" or a number of years (1 to 100)`)
	ErrDates     = fmt.Errorf("the dates are YYYY-MM-DD, the end not before the start")
)

// New checks and completes a case file as a user gives it: the code as
// written, the title in NFC, the retention canonical ("vĩnh viễn", "N
// năm"), the dates valid.
func New(code, title, retention, start, end string) (vanthu.CaseFile, error) {
	cf := vanthu.CaseFile{Code: strings.TrimSpace(code), Title: norm.NFC.String(strings.Join(strings.Fields(title), " ")),
		Start: strings.TrimSpace(start), End: strings.TrimSpace(end), Documents: []vanthu.Ref{}}
	if !codeShape.MatchString(cf.Code) || strings.Contains(cf.Code, "..") {
		return cf, ErrCode
	}
	if cf.Title == "" {
		return cf, ErrTitle
	}
	r, err := ParseRetention(retention)
	if err != nil {
		return cf, err
	}
	cf.Retention = r
	for _, d := range []string{cf.Start, cf.End} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			return cf, ErrDates
		}
	}
	if cf.Start != "" && cf.End != "" && cf.End < cf.Start {
		return cf, ErrDates
	}
	return cf, nil
}

// ParseRetention reads a retention period: "vĩnh viễn" (with or without
// marks), or a number of years ("10", "10 năm").
func ParseRetention(s string) (string, error) {
	k := dict.FoldKey(s)
	if k == "vinh vien" || k == "permanent" {
		return vanthu.Permanent, nil
	}
	k = strings.TrimSuffix(strings.TrimSuffix(k, " nam"), " years")
	n, err := strconv.Atoi(k)
	if err != nil || n < 1 || n > 100 {
		return "", ErrRetention
	}
	return fmt.Sprintf("%d năm", n), nil
}

// Years is the retention in years; 0 for a file kept for ever.
func Years(cf vanthu.CaseFile) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(cf.Retention, " năm"))
	return n
}

// DueYear is the year a file's retention ends, for the records officer to
// review it: the year it closed plus its period. 0 for a file kept for
// ever, or still open (no end date).
func DueYear(cf vanthu.CaseFile) int {
	n := Years(cf)
	if n == 0 || len(cf.End) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(cf.End[:4])
	return y + n
}

// Due reports whether a file's retention has ended by the year of now
// (Vietnam time): it is on the "đến hạn" list.
func Due(cf vanthu.CaseFile, now time.Time) bool {
	y := DueYear(cf)
	return y != 0 && y <= now.In(vanthu.VietnamTime).Year()
}

// Name is the file name of a case file's document number stt (from 1) in
// an export, as TT 05/2025 names files: mã hồ sơ.STT, the STT in three
// digits, with ext (".pdf").
func Name(code string, stt int, ext string) string {
	return fmt.Sprintf("%s.%03d%s", code, stt, ext)
}
