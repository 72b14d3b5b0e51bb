package eval

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// Fields pairs the corpus's metadata keys with Vanthu's.
var Fields = [][2]string{
	{"so_ky_hieu", "number"}, {"loai_van_ban", "doc_type"}, {"co_quan_ban_hanh", "issuer"},
	{"ngay_ban_hanh", "issued_date"}, {"dia_danh", "place"}, {"trich_yeu", "subject"},
	{"nguoi_ky", "signer"}, {"chuc_vu_nguoi_ky", "signer_title"}, {"noi_nhan", "recipients"},
	{"do_khan", "urgency"}, {"do_mat", "confidentiality"}, {"co_quan_chu_quan", "parent_body"},
}

// Value returns Vanthu's value of field (its name in Fields).
func Value(md vanthu.Metadata, field string) any {
	return map[string]any{
		"number": md.Number, "doc_type": md.DocType, "issuer": md.Issuer,
		"issued_date": md.IssuedDate, "place": md.Place, "subject": md.Subject,
		"signer": md.Signer, "signer_title": md.SignerTitle, "recipients": md.Recipients,
		"urgency": md.Urgency, "confidentiality": md.Confidentiality, "parent_body": md.ParentBody,
	}[field]
}

// Show writes a value for a report: lists joined by " | ".
func Show(v any) any {
	if l, ok := v.([]any); ok {
		var s []string
		for _, x := range l {
			s = append(s, fmt.Sprint(x))
		}
		return strings.Join(s, " | ")
	}
	if l, ok := v.([]string); ok {
		return strings.Join(l, " | ")
	}
	if v == nil {
		return ""
	}
	return v
}

// norm puts a value in the comparison form of the corpus README.
func norm(field string, v any) string {
	s := fmt.Sprint(Show(v))
	s = strings.Join(strings.Fields(s), " ")
	switch field {
	case "number":
		return strings.ToUpper(dict.NFC(s)) // Đ and D stay different
	case "issued_date":
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t.Format("2006-01-02")
		}
		return s
	case "subject":
		c := dict.Canon(s)
		for _, p := range []string{"v/v ", "về việc ", "v/v:", "v/v"} {
			if strings.HasPrefix(c, p) {
				c = strings.TrimSpace(c[len(p):])
				break
			}
		}
		return c
	}
	return dict.Canon(s)
}

// Match reports whether got is the corpus's want under the corpus README's
// rules: case, tone placement and a leading V/v or Về việc ignored; lists
// compared as sets.
func Match(field string, want, got any) bool {
	if field == "recipients" {
		a, b := list(want), list(got)
		return strings.Join(a, "\x00") == strings.Join(b, "\x00")
	}
	return norm(field, want) == norm(field, got)
}

func list(v any) []string {
	var out []string
	switch l := v.(type) {
	case []any:
		for _, x := range l {
			out = append(out, dict.Canon(strings.Join(strings.Fields(fmt.Sprint(x)), " ")))
		}
	case []string:
		for _, x := range l {
			out = append(out, dict.Canon(strings.Join(strings.Fields(x), " ")))
		}
	}
	sort.Strings(out)
	return out
}
