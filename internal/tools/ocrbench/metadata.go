package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/intake/pipeline"
	"github.com/vanthu/vanthu/internal/eval"
)

// fields pairs the corpus's metadata keys with Vanthu's.
var fields = [][2]string{
	{"so_ky_hieu", "number"}, {"loai_van_ban", "doc_type"}, {"co_quan_ban_hanh", "issuer"},
	{"ngay_ban_hanh", "issued_date"}, {"dia_danh", "place"}, {"trich_yeu", "subject"},
	{"nguoi_ky", "signer"}, {"chuc_vu_nguoi_ky", "signer_title"}, {"noi_nhan", "recipients"},
	{"do_khan", "urgency"}, {"do_mat", "confidentiality"},
}

func metadataReport(truths []eval.Truth, results map[string]pipeline.Result, corpus string, verbose bool) {
	fmt.Println("Metadata exact-match accuracy (case, tone placement, a leading V/v or Về việc ignored)")
	correct := map[string]int{}
	var misses []string
	for _, t := range truths {
		r := results[filepath.Join(corpus, t.File)]
		got := map[string]any{
			"number": r.Metadata.Number, "doc_type": r.Metadata.DocType, "issuer": r.Metadata.Issuer,
			"issued_date": r.Metadata.IssuedDate, "place": r.Metadata.Place, "subject": r.Metadata.Subject,
			"signer": r.Metadata.Signer, "signer_title": r.Metadata.SignerTitle, "recipients": r.Metadata.Recipients,
			"urgency": r.Metadata.Urgency, "confidentiality": r.Metadata.Confidentiality,
		}
		for _, f := range fields {
			if equal(f[1], t.Metadata[f[0]], got[f[1]]) {
				correct[f[1]]++
			} else {
				misses = append(misses, fmt.Sprintf("  %s %-16s want %q\n  %s %-16s got  %q", t.ID, f[1], show(t.Metadata[f[0]]), t.ID, "", show(got[f[1]])))
			}
		}
	}
	total := 0
	for _, f := range fields {
		fmt.Printf("  %-16s %3d/%d  %5.1f%%\n", f[1], correct[f[1]], len(truths), 100*float64(correct[f[1]])/float64(len(truths)))
		total += correct[f[1]]
	}
	fmt.Printf("  %-16s %3d/%d  %5.1f%%\n", "all fields", total, len(truths)*len(fields), 100*float64(total)/float64(len(truths)*len(fields)))
	if verbose {
		fmt.Println()
		for _, m := range misses {
			fmt.Println(m)
		}
	}
}

func show(v any) any {
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
	s := fmt.Sprint(show(v))
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

func equal(field string, want, got any) bool {
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
