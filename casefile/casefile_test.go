package casefile

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vanthu/vanthu"
)

func TestRetentionAndDue(t *testing.T) {
	for in, want := range map[string]string{"vĩnh viễn": "vĩnh viễn", "Vinh vien": "vĩnh viễn", norm.NFD.String("Vĩnh Viễn"): "vĩnh viễn",
		"10": "10 năm", "10 năm": "10 năm", " 5  nam ": "5 năm", "0": "", "101": "", "mười": "", "": "", "-3": ""} {
		got, err := ParseRetention(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("ParseRetention(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, vanthu.VietnamTime)
	for _, c := range []struct {
		retention, end string
		due            int
		isDue          bool
	}{
		{"10 năm", "2025-12-31", 2035, false},
		{"5 năm", "2021-03-01", 2026, true},
		{"vĩnh viễn", "2000-01-01", 0, false},
		{"10 năm", "", 0, false}, // still open
	} {
		cf := vanthu.CaseFile{Retention: c.retention, End: c.end}
		if DueYear(cf) != c.due || Due(cf, now) != c.isDue {
			t.Errorf("%s from %q: due %d %v, want %d %v", c.retention, c.end, DueYear(cf), Due(cf, now), c.due, c.isDue)
		}
	}
}

func TestNewAndCode(t *testing.T) {
	cf, err := New(" 000.00.00.G09.2025.01.TH ", norm.NFD.String("  Hồ sơ  thử "), "10", "2025-01-01", "2025-12-31")
	if err != nil || cf.Code != "000.00.00.G09.2025.01.TH" || cf.Title != "Hồ sơ thử" || cf.Retention != "10 năm" {
		t.Fatalf("New = %+v, %v", cf, err)
	}
	for _, bad := range []string{"", "../x", "a/b", "a b", ".x", "a..b", strings.Repeat("a", 65), "hồsơ"} {
		if _, err := New(bad, "t", "10", "", ""); err != ErrCode {
			t.Errorf("code %q: %v, want ErrCode", bad, err)
		}
	}
	if _, err := New("A.1", "t", "10", "2025-13-01", ""); err != ErrDates {
		t.Errorf("a bad date: %v", err)
	}
	fc := splitCode("000.00.00.G09.2025.01.TH")
	if fc.OrganID != "000.00.00.G09" || fc.FileCatalog != "2025" || fc.FileNotation != "01.TH" {
		t.Errorf("splitCode = %+v", fc)
	}
	if fc := splitCode("HS-01"); fc.Code != "HS-01" || fc.OrganID != "" {
		t.Errorf("a code without a year: %+v", fc)
	}
	if n := Name("000.00.00.G09.2025.01.TH", 7, ".pdf"); n != "000.00.00.G09.2025.01.TH.007.pdf" {
		t.Errorf("Name = %s", n)
	}
}

// FuzzNew: whatever a user types, New gives a file whose code is a safe
// file name, or an error.
func FuzzNew(f *testing.F) {
	f.Add("000.00.00.G09.2025.01.TH", "Hồ sơ", "10 năm", "2025-01-01", "2025-12-31")
	f.Add("../../etc", "x", "vĩnh viễn", "", "")
	f.Fuzz(func(t *testing.T, code, title, retention, start, end string) {
		cf, err := New(code, title, retention, start, end)
		if err != nil {
			return
		}
		if strings.ContainsAny(cf.Code, "/\\\x00 ") || strings.Contains(cf.Code, "..") || cf.Title == "" || (cf.Retention != vanthu.Permanent && Years(cf) == 0) {
			t.Fatalf("New accepted %+v", cf)
		}
	})
}
