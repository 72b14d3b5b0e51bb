package dict

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The header of an administrative document names its agency and the
// signer's role in a closed vocabulary: the bodies, sectors and offices of
// the state as the laws on the organisation of the Government and of local
// government name them, and the signing authorities of Nghị định 30/2020
// (Điều 13). Tesseract's commonest slip there is a wrong tone mark on a
// valid syllable (TỈNH → TĨNH, MÔI → MỖI), which no syllable rule can see,
// but which that vocabulary (structure.go) can: RepairHeader puts back
// the spelling of a phrase whose letters, without marks, are the
// phrase's.

// IsUnitAt reports whether words ws begin with an administrative unit
// (TỈNH, THÀNH PHỐ, XÃ …), in any case and with or without its marks. A
// unit of one syllable that makes a compound with the word after it is
// that compound (the XÃ HỘI of BẢO HIỂM XÃ HỘI), but for a unit's
// committee (TỈNH ỦY), whose place follows as a unit's does.
func IsUnitAt(ws []string) bool {
	var words []string
	for _, w := range ws[:min(len(ws), 2)] { // a unit is one or two syllables
		words = append(words, letters(w))
	}
	_, n, _ := matchAt(units, words, 0, false)
	if n == 1 && len(ws) > 1 && IsCompound(ws[0], ws[1]) && strings.ToUpper(Fold(ws[1])) != "UY" {
		return false
	}
	return n > 0
}

type phrase struct {
	sylls  []string // as spelt
	folded []string // without marks
	key    string   // folded, joined by spaces
	fixed  int      // leading syllables a match one letter off must keep
}

func makePhrases(list []string) []phrase {
	var out []phrase
	for _, p := range list {
		ph := phrase{sylls: strings.Fields(p)}
		for _, s := range ph.sylls {
			ph.folded = append(ph.folded, strings.ToUpper(Fold(s)))
		}
		ph.key = strings.Join(ph.folded, " ")
		out = append(out, ph)
	}
	return out
}

var (
	units = makePhrases(unitWords)
	// authorityLead is a signing-authority prefix at the start of a role
	// line, as OCR may leave it: 1–3 capitals (a T perhaps read as the
	// figure 1 in a 1-bit scan: 1M.), then a dot or what OCR makes of one,
	// perhaps run into the next word.
	authorityLead = regexp.MustCompile(`^(\p{Lu}{1,3}|[\p{Lu}1]{2,3})\s*[.:,;]\s*`)
	// noisyLead is authorityLead with the dot read as a small letter
	// and a stroke or two ("TMx-").
	noisyLead   = regexp.MustCompile(`^(\p{Lu}{1,3})(?:\p{Ll}?[^\p{L}\s]{1,2}\s*|\s+)`)
	authorities = []string{"TM", "KT", "TL", "TUQ", "Q"}
)

// RepairHeader puts back the marks of the state-structure phrases in an
// upper-case header line (the agency, the signer's role), and a signing
// authority prefix one letter off (EM. → TM.). A syllable is changed only
// inside a whole phrase whose unmarked letters it shares; a phrase of three
// syllables or more may also differ by one letter. Anything else is left
// as read.
//
// Over a seal or a signature OCR also runs syllables together ("ỦY.BAN"),
// strews in letters no Vietnamese word has (Œ, ß, ö) and reads the dot of
// an authority as a letter ("TMx-"). The line is also read without those;
// that reading is taken when more of it is then the state's vocabulary.
func RepairHeader(s string) string {
	s = numberGlued.ReplaceAllString(NFC(s), "${1}SỐ $2")
	out, n := repair(leadFix(s, authorityLead, false), phrases, true)
	if alt := unstrew(s); alt != s {
		if fixed, m := repair(leadFix(alt, noisyLead, true), phrases, true); m > n {
			return fixed
		}
	}
	return out
}

// numberGlued is "SỐ" run into the numeral after it in an agency's name
// (TRƯỜNG THPT LỤC NGẠN SỐ1), as OCR reads the narrow space between them.
var numberGlued = regexp.MustCompile(`(^|\s)SỐ(\d)`)

// leadFix respells a signing-authority prefix found by re one letter off,
// and rewrites the separator after a right one too if all is set.
func leadFix(s string, re *regexp.Regexp, all bool) string {
	if m := re.FindStringSubmatchIndex(s); m != nil {
		lead := s[m[2]:m[3]]
		if all && slices.Contains(authorities, lead) {
			return lead + ". " + s[m[1]:]
		}
		if fix, ok := authorityFix(lead); ok {
			return fix + ". " + s[m[1]:]
		}
	}
	return s
}

// parented are the first words of the agencies NĐ 30 heads with the body
// they sit under (tên cơ quan chủ quản, the line above the agency's own
// name): a province's and a district's departments (SỞ, PHÒNG), a
// ministry's or a general department's (TỔNG CỤC, CỤC, CHI CỤC), the
// public services and branches under them, and the boards and offices of
// a people's committee or a Party committee, its inspectorate, and a
// province's union under its national one; as FoldKey keys them.
var parented = []string{"so", "phong", "tong cuc", "cuc", "chi cuc", "truong", "benh vien", "trung tam",
	"thu vien", "bao tang", "chi nhanh", "ban", "bch", "van phong", "thanh tra", "co quan canh sat dieu tra",
	"lien doan lao dong", "ldld"}

// selfHeaded are the agencies that begin so and head themselves: the
// offices of the Government, the National Assembly, the President and the
// Party's Central Committee, the Party's central boards, and the
// Government Inspectorate.
var selfHeaded = []string{"van phong chinh phu", "van phong quoc hoi", "van phong chu tich nuoc",
	"van phong trung uong", "ban chap hanh trung uong", "bch trung uong", "ban bi thu", "thanh tra chinh phu"}

// HasParent reports whether an agency named issuer is one NĐ 30 heads
// with its parent body (SỞ NỘI VỤ under UBND TỈNH BÌNH AN, BỆNH VIỆN ĐA
// KHOA TỈNH under SỞ Y TẾ): where no parent was read, its line was lost.
func HasParent(issuer string) bool {
	key := FoldKey(issuer)
	for _, p := range selfHeaded {
		if strings.HasPrefix(key, p) {
			return false
		}
	}
	for _, p := range parented {
		if key == p || strings.HasPrefix(key, p+" ") {
			return true
		}
	}
	return false
}

// Garbled reports whether name, an agency's as read from a header, holds
// what no body's name has: a sign inside a word (S[I, C|ỤC: a stroke of
// the emblem or of a rule read in it) or a letter Vietnamese has not
// (Ö). Such a name was misread, whatever the repairs made of the rest.
func Garbled(name string) bool {
	for _, w := range strings.Fields(NFC(name)) {
		start, end := letterSpan(w)
		for _, r := range w[start:end] {
			switch {
			case unicode.IsLetter(r) && !vietLetter(r):
				return true
			case !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-–&.,'’/()", r):
				return true
			}
		}
	}
	return false
}

// unstrew drops the letters that are not Vietnamese from s (eth is read
// as Đ) and parts the syllables that a dot or dash joins inside a word
// ("ÙY.BAN" → "ÙY BAN").
func unstrew(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == 'Ð': // eth, for Đ
			return 'Đ'
		case r == 'ð':
			return 'đ'
		case unicode.IsLetter(r) && !vietLetter(r):
			return -1
		}
		return r
	}, s)
	return innerJoin.ReplaceAllString(s, "$1 $2")
}

// innerJoin is a dot or dash between two capitals.
var innerJoin = regexp.MustCompile(`(\p{Lu})[.\-](\p{Lu})`)

// vietLetter reports whether r is a letter of the Vietnamese alphabet (with
// the Latin letters of loanwords): a–z or đ, with Vietnamese marks only.
func vietLetter(r rune) bool {
	if r == 'đ' || r == 'Đ' {
		return true
	}
	d := []rune(norm.NFD.String(string(r)))
	base := unicode.ToLower(d[0])
	if base < 'a' || base > 'z' {
		return false
	}
	if len(d) > 1 && !strings.ContainsRune("aeiouy", base) {
		return false // marks are on vowels only
	}
	for _, m := range d[1:] {
		if !strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b", m) {
			return false
		}
	}
	return true
}

// RepairRecipient is RepairHeader for a line of the Nơi nhận list, in any
// case: the phrases of the state's structure and the list's conventions
// (NĐ 30 Phụ lục I: Như trên, Lưu, để b/c, Cổng thông tin điện tử), letter
// for letter only, each syllable keeping the case it was read in.
func RepairRecipient(s string) string {
	s = reportedTo.ReplaceAllString(NFC(s), "$1$2/c$3")
	out, _ := repair(s, recipientPhrases, false)
	return keptByRecords.ReplaceAllString(out, "${1}VT$3")
}

var (
	// reportedTo is "b/c" (báo cáo: "để b/c") with the c read as a sign
	// of its shape: €, ¢, ©, <, (, e.
	reportedTo = regexp.MustCompile(`(^|[\s(])([bB])\s?/\s?[€¢©<(eé]([\s).,;]|$)`)
	// keptByRecords is the first item of "Lưu:", VT (the văn thư, NĐ 30
	// Phụ lục I), with the T read as I, l, 1 or 7, or the V as Y.
	keptByRecords = regexp.MustCompile(`^(Lưu\s*[:;.]?\s*)(V[Il1|7Ĩ]|YT)([\s,.;]|$)`)
)

// recipientPhrases are the phrases of a Nơi nhận list.
var recipientPhrases = append(makePhrases([]string{
	"NHƯ TRÊN", "NHƯ ĐIỀU", "NHƯ KHOẢN", "LƯU", "ĐỂ B/C", "ĐỂ T/H", "ĐỂ BIẾT", "ĐỂ BÁO CÁO", "ĐỂ THỰC HIỆN", "ĐỂ CHỈ ĐẠO", "ĐỂ PHỐI HỢP",
	"CỔNG THÔNG TIN ĐIỆN TỬ", "CỔNG TTĐT", "TRANG THÔNG TIN ĐIỆN TỬ", "TRỰC THUỘC TRUNG ƯƠNG", "THƯỜNG TRỰC",
	"LÃNH ĐẠO", "CÁC ĐƠN VỊ", "CƠ QUAN NGANG BỘ", "THÀNH PHỐ", "THỊ XÃ", "TỈNH ỦY", "THÀNH ỦY",
}), phrases...)

// repair respells the phrases of list found in s and counts their
// syllables; fuzzy lets a phrase of three syllables or more match one
// letter off, where that is a slip (readAsPrinted).
func repair(s string, list []phrase, fuzzy bool) (string, int) {
	matched := 0
	toks := strings.Fields(s)
	// Phrases are matched on the tokens with letters: a dash between
	// syllables ("LAO ĐỘNG - THƯƠNG BINH") is not a syllable.
	var at []int
	var words []string // letters of each such token, folded, upper case
	for i, t := range toks {
		if w := letters(t); w != "" {
			at = append(at, i)
			words = append(words, w)
		}
	}
	end := -1 // where the last phrase matched ends
	for i := 0; i < len(words); {
		ph, n, exact := matchAt(list, words, i, fuzzy)
		if n == 0 && i == end {
			ph, n, exact = unitAfter(words, i)
		}
		if n == 0 || !exact && readAsPrinted(toks, at, words, ph, i) {
			i++
			continue
		}
		var keep bool // as read: it is spelt as none of two phrases with its letters
		if exact {
			ph, keep = twinAsPrinted(list, ph, toks, at[i:i+n])
		}
		for j, syl := range ph.sylls {
			if keep {
				break
			}
			k := at[i+j]
			words[i+j] = ph.folded[j]
			if exact {
				toks[k] = respell(toks[k], syl)
			} else { // one letter off: the token is the syllable, with its trailing punctuation
				toks[k] = caseLike(toks[k], syl) + strings.TrimLeftFunc(toks[k][len(strings.TrimRightFunc(toks[k], notLetter)):], notLetter)
			}
		}
		i += n
		end = i
		if slices.ContainsFunc(units, func(u phrase) bool { return u.key == ph.key }) {
			end = -1 // a unit's name follows it (XÃ TỊNH KỲ), not another unit
		}
		matched += n
	}
	return strings.Join(toks, " "), matched
}

// readAsPrinted reports whether what was read where phrase ph matched one
// letter off, at word i, is what was printed rather than a slip: where no
// syllable after the phrase's fixed head matched as read and what was read
// there is words in use (CHI CỤC THỦY, one letter from CHI CỤC THUẾ: the
// sector, all that names the body, would be guessed; CHI CỤC THUF is a
// slip), or where a syllable that differs is, as read, a compound with a
// word beside it (THỦY LỢI). ỦY BAN NHÂN DÂN read LÝ BẠN NHÂN DÂN is a
// slip: three syllables of four agree.
func readAsPrinted(toks []string, at []int, words []string, ph phrase, i int) bool {
	read := func(w int) string { return tokenLetters(toks[at[w]]) }
	agree, inUse := 0, true // inUse: every syllable that differs is, as read, a word in use
	for j := range ph.sylls {
		w := i + j
		if words[w] == ph.folded[j] {
			if j >= ph.fixed {
				agree++
			}
			continue
		}
		if w > 0 && IsCompound(read(w-1), read(w)) || w+1 < len(words) && IsCompound(read(w), read(w+1)) {
			return true
		}
		inUse = inUse && IsAttested(read(w))
	}
	return agree == 0 && inUse
}

// twinAsPrinted returns of ph and the phrases of list with its letters
// (THỦ TRƯỞNG and THỨ TRƯỞNG) the one whose marks are nearest to those of
// the tokens of toks at at, where it matched; keep reports that two are
// as near, and the tokens are to be kept as read.
func twinAsPrinted(list []phrase, ph phrase, toks []string, at []int) (_ phrase, keep bool) {
	twins := []phrase{ph}
	for _, o := range list {
		if o.key == ph.key && !slices.Equal(o.sylls, ph.sylls) && !slices.ContainsFunc(twins, func(t phrase) bool { return slices.Equal(t.sylls, o.sylls) }) {
			twins = append(twins, o)
		}
	}
	if len(twins) == 1 {
		return ph, false
	}
	var read []string
	for _, k := range at {
		read = append(read, strings.ToUpper(NFC(tokenLetters(toks[k]))))
	}
	spellings := make([]string, len(twins))
	for i, t := range twins {
		spellings[i] = strings.Join(t.sylls, " ")
	}
	best, ok := nearestSpelt(strings.Join(read, " "), spellings)
	if !ok {
		return ph, true
	}
	return twins[slices.Index(spellings, best)], false
}

// unitAfter matches the administrative unit at i right after a phrase of
// the state's structure: CÔNG AN TỈNH BÌNH AN, CỤC THUẾ TỈNH, THANH TRA
// TỈNH (a unit alone is no phrase: TÍNH and TỈNH are both words). QUẬN is
// left out: QUÂN, of the army's commands (BỘ TƯ LỆNH QUÂN ĐOÀN 3), has
// its letters.
func unitAfter(words []string, i int) (phrase, int, bool) {
	for _, ph := range units {
		n := len(ph.sylls)
		if ph.key != "QUAN" && i+n <= len(words) && strings.Join(words[i:i+n], " ") == ph.key {
			return ph, n, true
		}
	}
	return phrase{}, 0, false
}

// matchAt returns the longest phrase that matches the words at i (of
// those as long, one letter for letter before one a letter off), its
// number of syllables (0: none) and whether it matched letter for letter.
func matchAt(list []phrase, words []string, i int, fuzzy bool) (phrase, int, bool) {
	var best phrase
	bestLen, exact := 0, false
	for _, ph := range list {
		n := len(ph.sylls)
		if n < bestLen || (n == bestLen && exact) || i+n > len(words) {
			continue
		}
		if m, e := ok(words[i:i+n], ph, fuzzy); m && (n > bestLen || e) {
			best, bestLen, exact = ph, n, e
		}
	}
	// A unit after "... NHÂN DÂN".
	if bestLen == 0 && i >= 2 && words[i-2] == "NHAN" && words[i-1] == "DAN" {
		for _, ph := range units {
			n := len(ph.sylls)
			if n > bestLen && i+n <= len(words) && strings.Join(words[i:i+n], " ") == ph.key {
				best, bestLen, exact = ph, n, true
			}
		}
	}
	return best, bestLen, exact
}

// ok reports whether the folded words read as the phrase: the same letters
// (exact), or, for a phrase of three syllables or more, one letter off.
func ok(words []string, ph phrase, fuzzy bool) (match, exact bool) {
	got := strings.Join(words, " ")
	if got == ph.key {
		return true, true
	}
	if !fuzzy || len(ph.sylls) < 3 || len(ph.key) < 12 || !slices.Equal(words[:ph.fixed], ph.folded[:ph.fixed]) {
		return false, false
	}
	return withinOne(got, ph.key), false
}

// respell replaces the letters of token t with syl, in the case they were
// read in, keeping the punctuation around them.
func respell(t, syl string) string {
	start, end := letterSpan(t)
	if start == end {
		return t
	}
	return t[:start] + caseLike(t[start:end], syl) + t[end:]
}

// respellAs replaces the letters of token t with name as it is spelt,
// keeping the punctuation around them.
func respellAs(t, name string) string {
	start, end := letterSpan(t)
	if start == end {
		return t
	}
	return t[:start] + name + t[end:]
}

// tokenLetters is token t's letters, the punctuation around them aside.
func tokenLetters(t string) string {
	start, end := letterSpan(t)
	return t[start:end]
}

// letterSpan returns where the letters of token t begin and end, the
// punctuation around them aside; an empty span at its end if it has none.
func letterSpan(t string) (start, end int) {
	start = strings.IndexFunc(t, func(r rune) bool { return !notLetter(r) })
	if start < 0 {
		return len(t), len(t)
	}
	end = strings.LastIndexFunc(t, func(r rune) bool { return !notLetter(r) })
	_, size := utf8.DecodeRuneInString(t[end:])
	return start, end + size
}

// caseLike writes syl (in capitals) in the case of the word read: all
// capitals, a capital then small letters, or all small.
func caseLike(read, syl string) string {
	hasLower, firstUpper := false, false
	for i, r := range read {
		if i == 0 {
			firstUpper = unicode.IsUpper(r)
		}
		if unicode.IsLower(r) {
			hasLower = true
		}
	}
	switch {
	case !hasLower:
		return syl
	case firstUpper:
		_, n := utf8.DecodeRuneInString(syl)
		return syl[:n] + strings.ToLower(syl[n:])
	default:
		return strings.ToLower(syl)
	}
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// letters is a token's letters without the punctuation around them,
// without marks, in capitals: how phrases are matched.
func letters(t string) string {
	return strings.ToUpper(Fold(innerDot.ReplaceAllString(strings.TrimFunc(t, notLetter), "$1$2")))
}

// innerDot is a dot between two letters of a word: of an abbreviation
// whose capital a coarse scan read with a speck (L.ĐLĐ for LĐLĐ), or of
// syllables run together (ỦY.BAN, see unstrew).
var innerDot = regexp.MustCompile(`(\pL)\.(\pL)`)

// withinOne reports whether a and b differ by at most one edit.
func withinOne(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+min(1, len(ra)-i):]) == string(rb[i+min(1, len(rb)-i):])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// authorityFix returns the signing authority lead is one letter from, if
// there is exactly one.
func authorityFix(lead string) (string, bool) {
	l := strings.ToUpper(Fold(lead))
	for _, a := range authorities {
		if l == a {
			return "", false // right already
		}
	}
	if len([]rune(l)) < 2 {
		return "", false // one letter is too little to go on
	}
	found := ""
	for _, a := range authorities {
		if len(a) == len(l) && withinOne(l, a) {
			if found != "" {
				return "", false
			}
			found = a
		}
	}
	return found, found != ""
}
