package dict

import (
	"slices"
	"strings"
	"testing"
)

func TestRepairProvince(t *testing.T) {
	for _, c := range []struct{ unit, next, wantUnit, wantNext string }{
		// The marks lost at 100 dpi or in 1 bit.
		{"TỈNH", "QUANG NGAI", "TỈNH", "QUẢNG NGÃI"},
		{"TỈNH", "QUẢNG NGAI", "TỈNH", "QUẢNG NGÃI"},
		{"tĩnh", "Quảng Ngãi", "tỉnh", "Quảng Ngãi"},
		{"tính", "Thừa Thiên Huê.", "tỉnh", "Thừa Thiên Huế."},
		{"tỉnh", "Ba Ria - Vung Tau;", "tỉnh", "Bà Rịa - Vũng Tàu;"},
		{"PHỐ", "HA NOI", "PHỐ", "HÀ NỘI"},
		// The name is a province's only after its unit, and only with
		// its own letters.
		{"ông", "Quang Nam", "ông", "Quang Nam"},
		{"tỉnh", "Quảng Ngũi", "tỉnh", "Quảng Ngũi"},
		{"tinh", "thần", "tinh", "thần"},
	} {
		u, n, changed := RepairProvince(c.unit, strings.Fields(c.next))
		if u != c.wantUnit || strings.Join(n, " ") != c.wantNext {
			t.Errorf("RepairProvince(%q, %q) = %q, %q; want %q, %q", c.unit, c.next, u, strings.Join(n, " "), c.wantUnit, c.wantNext)
		}
		if changed != (c.unit != c.wantUnit || c.next != c.wantNext) {
			t.Errorf("RepairProvince(%q, %q) says changed %v", c.unit, c.next, changed)
		}
	}
}

func TestRepairPlace(t *testing.T) {
	for in, want := range map[string]string{
		"Quảng Ngài": "Quảng Ngãi",
		"Quang Ngai": "Quảng Ngãi",
		"Ha Noi":     "Hà Nội",
		"Kim Bôi":    "Kim Bôi", // no province: as read
		"Quảng Ngãi": "Quảng Ngãi",
		"":           "",
	} {
		if got := RepairPlace(in); got != want {
			t.Errorf("RepairPlace(%q) = %q, want %q", in, got, want)
		}
	}
}

// Two provinces never share their letters without marks: a name read
// without them is one province's.
func TestProvincesUnique(t *testing.T) {
	var keys []string
	for _, p := range provinces {
		keys = append(keys, p.key)
	}
	slices.Sort(keys)
	if k := slices.Compact(slices.Clone(keys)); len(k) != len(keys) {
		t.Errorf("%d provinces, %d keys", len(keys), len(k))
	}
}
