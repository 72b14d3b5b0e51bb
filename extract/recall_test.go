package extract

import (
	"fmt"
	"slices"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestRecallSigner(t *testing.T) {
	known := []vanthu.Signer{
		{Name: "Trần Hoàng Tuấn", Title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", Documents: 40},
		{Name: "Hà Thị Lê Vân", Title: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", Documents: 12},
		{Name: "Nguyễn Hoàng Giang", Title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", Documents: 30},
		{Name: "Phạm Hoàng Giang", Title: "CHÁNH VĂN PHÒNG", Documents: 2},
	}
	for _, c := range []struct {
		read   string
		review []string
		want   string // "" for no change
	}{
		{"Lian Hoàng Tuấn", []string{"signer"}, "Trần Hoàng Tuấn"}, // the seal over the surname
		{"Fiận Ngọc Tuấn", []string{"signer"}, ""},                 // the middle name is not the known one's
		{"Ân Hoàng Tuấn", []string{"signer"}, "Trần Hoàng Tuấn"},
		{"Xin Hoàng Tuấn", []string{"signer"}, "Trần Hoàng Tuấn"},  // no family name, far off
		{"La Thị Lê Vân", []string{"signer"}, "Hà Thị Lê Vân"},     // a family name, one letter off
		{"Thi Lê Vân", []string{"signer"}, "Hà Thị Lê Vân"},        // the surname lost
		{"Trần Hoàng Tuân", []string{"signer"}, "Trần Hoàng Tuấn"}, // a mark
		{"Hoàng Giang", []string{"signer"}, ""},                    // two known signers end so
		{"Lê Hoàng Tuấn", []string{"signer"}, ""},                  // another surname, read whole
		{"Lian Hoàng Tuấn", nil, ""},                               // not under review: read surely
		{"Lian Hoàng Tuấn", []string{"issuer", "signer"}, ""},      // whose signers?
		{"Tuấn", []string{"signer"}, ""},                           // too little read
		{"Trần Hoàng Tuấn", []string{"signer"}, ""},                // read as known: nothing to change
	} {
		r := Result{Metadata: vanthu.Metadata{Issuer: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", Signer: c.read}, Review: c.review}
		changed := r.RecallSigner(known)
		checkRecall(t, fmt.Sprintf("%q (review %v)", c.read, c.review), r, "signer", changed, r.Metadata.Signer, c.read, c.want)
	}
}

func TestRecallTitle(t *testing.T) {
	known := []vanthu.Signer{
		{Name: "Trần Hoàng Tuấn", Title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{Name: "Nguyễn Hoàng Giang", Title: "CHỦ TỊCH"},
		{Name: "Phùng Tô Long", Title: "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"},
		{Name: "Nguyễn Quốc Việt", Title: "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"},
		{Name: "Trần Phước Hiền", Title: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
	}
	for _, c := range []struct {
		read   string
		review []string
		want   string // "" for no change
	}{
		{"TL. .CIHIUL TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", []string{"signer_title"}, "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"},
		{"L TỊCH", []string{"signer_title"}, "CHỦ TỊCH"},
		{"KT. CHỦ TỊCH / PHÓ CIÍU TỊCH", []string{"signer_title"}, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{"KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", []string{"signer_title"}, ""},            // read as a role no one here holds
		{"II. CIIL TỊCH / PHÓ CIEVXVNHV XN PHÒNG", []string{"signer_title"}, ""}, // a line lost: as many lines fit none
		{"TM. ỦY BAN NHÂN DÂN / KT. CIIỦ TỊCH / PHÓ CHỦ TỊCH", []string{"signer_title"}, "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"},
		{"L TỊCH", nil, ""},                                // not under review
		{"L TỊCH", []string{"issuer", "signer_title"}, ""}, // whose roles?
	} {
		r := Result{Metadata: vanthu.Metadata{Issuer: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", SignerTitle: c.read}, Review: c.review}
		changed := r.RecallTitle(known)
		checkRecall(t, fmt.Sprintf("%q (review %v)", c.read, c.review), r, "signer_title", changed, r.Metadata.SignerTitle, c.read, c.want)
	}
}

func TestRecallHolder(t *testing.T) {
	known := []vanthu.Signer{
		{Name: "Trần Ngọc Căng", Title: "CHỦ TỊCH", First: "2018-04-03", Last: "2020-04-15"},
		{Name: "Nguyễn Hoàng Giang", Title: "CHỦ TỊCH", First: "2024-11-02", Last: "2025-02-04"},
		{Name: "Nguyễn Quốc Việt", Title: "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", First: "2024-12-31", Last: "2025-01-15"},
		{Name: "Trần Hoàng Tuấn", Title: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", First: "2025-01-06", Last: "2025-01-23"},
		{Name: "Võ Văn Mới", Title: "GIÁM ĐỐC", First: "2025-01-02", Last: "2025-01-02"},
		{Name: "Lê Văn Cũ", Title: "GIÁM ĐỐC", First: "2024-09-10", Last: "2024-12-20"},
	}
	for _, c := range []struct {
		signer, title, date string
		review              []string
		want                string // "" for no change
	}{
		{"", "CHỦ TỊCH", "2025-02-07", []string{"signer"}, "Nguyễn Hoàng Giang"},
		{"", "CHỦ TỊCH", "2019-06-01", []string{"signer"}, "Trần Ngọc Căng"},                         // within the span
		{"", "CHỦ TỊCH", "2022-06-01", []string{"signer"}, ""},                                       // two years from either
		{"", "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", "2025-02-04", []string{"signer"}, "Nguyễn Quốc Việt"}, // the office is the last line
		{"", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "2025-01-10", []string{"signer"}, ""},                    // a deputy: one of several
		{"", "GIÁM ĐỐC", "2025-01-10", []string{"signer"}, ""},                                       // the head changed then
		{"Lê Văn Nam", "CHỦ TỊCH", "2025-02-07", []string{"signer"}, ""},                             // a name read: not the register's to replace
		{"", "CHỦ TỊCH", "2025-02-07", []string{"signer", "signer_title"}, "Nguyễn Hoàng Giang"},     // an unsure role, read as a known one
		{"", "CHÁNH ÁN", "2025-02-07", []string{"signer", "signer_title"}, ""},                       // an unsure role no one here holds
		{"", "CHỦ TỊCH", "2025-02-07", []string{"signer", "issued_date"}, "Nguyễn Hoàng Giang"},      // the day unsure: the month will do
		{"", "CHỦ TỊCH", "2025-02", []string{"signer"}, "Nguyễn Hoàng Giang"},                        // no day
		{"", "CHỦ TỊCH", "", []string{"signer"}, ""},                                                 // no date
	} {
		r := Result{Metadata: vanthu.Metadata{Issuer: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", Signer: c.signer, SignerTitle: c.title, IssuedDate: c.date}, Review: c.review}
		changed := r.RecallHolder(known)
		checkRecall(t, fmt.Sprintf("%q, %s, %s (review %v)", c.signer, c.title, c.date, c.review), r, "signer", changed, r.Metadata.Signer, c.signer, c.want)
	}
}

// checkRecall checks a recall of field: got is its value after, read
// before, and want what it should be ("" for read, unchanged); a field
// changed carries one warning and stays under review.
func checkRecall(t *testing.T, name string, r Result, field string, changed bool, got, read, want string) {
	t.Helper()
	if want == "" {
		want = read
	}
	if got != want || changed != (want != read) {
		t.Errorf("%s: %q, changed %v; want %q", name, got, changed, want)
	}
	if changed && (len(r.Warnings) != 1 || !slices.Contains(r.Review, field)) {
		t.Errorf("%s: warnings %q, review %v; want a warning and the %s still under review", name, r.Warnings, r.Review, field)
	}
}
