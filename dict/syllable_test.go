package dict

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
)

func TestIsSyllable(t *testing.T) {
	valid := []string{"việt", "người", "quý", "già", "gì", "gìn", "giêng", "khuya", "khuỷu", "hoà", "hòa",
		"thuở", "xoong", "nghiêng", "yêu", "uyên", "oanh", "huých", "tuần", "chuyển", "đường", "ĐIỀU",
		"Quyết", "lịnh", "ạ", "ôm", "cửa", "mưa", "mía", "ngoằn", "hoặc", "ước", "ngoáy", "kha", "quyền", "quyết", "quoắt"}
	invalid := []string{"ưung", "quyet", "điòa", "email", "tivi", "têt", "ăn̂", "ka", "gen", "ngi", "ghe1",
		"cap", "hóà", "x", "b", "qúy" + "̀", "ngh", "ia1", "ciêng", "tiêa", "ăa"}
	for _, w := range valid {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false, want true", w)
		}
	}
	for _, w := range invalid {
		if IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = true, want false", w)
		}
	}
}

// Debian's hunspell-vi word list (GPL) is an oracle at test time only: the
// rules must accept nearly all of its lower-case syllables, and give one
// canonical form to both tone placements of each.
func TestSyllablesAgainstHunspell(t *testing.T) {
	const dic = "/usr/share/hunspell/vi_VN.dic"
	f, err := os.Open(dic)
	if err != nil {
		t.Fatalf("the hunspell-vi oracle is missing (%v); scripts/setup.sh installs hunspell-vi", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // the count
	var total int
	var rejected []string
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), "/")
		w = NFC(strings.TrimSpace(w))
		if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) {
			continue // acronyms and names
		}
		total++
		if !IsSyllable(w) {
			rejected = append(rejected, w)
		}
		if c := Canon(w); Canon(c) != c || !strings.EqualFold(Fold(c), Fold(w)) {
			t.Errorf("Canon(%q) = %q is not stable or changed letters", w, c)
		}
	}
	rate := 1 - float64(len(rejected))/float64(total)
	t.Logf("%d of %d hunspell-vi syllables accepted (%.2f%%); rejected: %v", total-len(rejected), total, 100*rate, rejected)
	if rate < 0.995 {
		t.Errorf("only %.2f%% of hunspell-vi syllables accepted, want ≥ 99.5%%", 100*rate)
	}
}

func TestIsAttested(t *testing.T) {
	for w, want := range map[string]bool{
		"dịp": true, "DỊP": true, "hoà": true, "hòa": true, "thuỷ": true, "thủy": true,
		"khuyết": true, "nghiêng": true, "quỹ": true, "ủy": true, "lạc": true,
		"di\u0323p": true, // NFD
		"địp":       false, "lậc": false, "khuyếc": false, "Lắk": false,
		"cải": true, "cách": true, "hành": true, "chính": true,
		"": false, "UBND": false, "abc": false,
	} {
		if got := IsAttested(w); got != want {
			t.Errorf("IsAttested(%q) = %v, want %v", w, got, want)
		}
	}
	// Every attested syllable can be spelt: the list and IsSyllable agree.
	for s := range attested() {
		if !IsSyllable(s) {
			t.Errorf("%q is attested but IsSyllable rejects it", s)
		}
	}
}
