// Package scale makes a corpus of import records at a province's scale,
// for measuring search on a million documents: each record is a pure
// function of its number, so that a benchmark can draw its queries from
// documents it never read back.
//
// The layout is that of a document on paper (NĐ 30/2020): the header with
// the Quốc hiệu, the number and the date line, the title, the Căn cứ
// lines, the body, the Nơi nhận list and the signature block, so that the
// boilerplate repeats across documents the way it does in an archive.
// The words are this package's own: administrative terms written here,
// and a long tail of syllables made by the rules of Vietnamese spelling
// (onset + rhyme + tone), drawn with a Zipf skew. Nothing is taken from
// the dev or real sets.
package scale

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/intake/importer"
)

// Corpus generates records. Its vocabulary is built once; Doc is safe for
// concurrent use.
type Corpus struct {
	Seed      uint64
	Years     []int // the years documents are issued in
	tail      []string
	provinces []string
	units     []unit
	people    []string
}

// New returns the corpus of seed.
func New(seed uint64) *Corpus {
	c := &Corpus{Seed: seed, Years: []int{2022, 2023, 2024}}
	c.tail = Syllables()
	r := rand.New(rand.NewPCG(seed, 7))
	name := func() string {
		var w []string
		for range 2 {
			s := c.tail[r.IntN(len(c.tail))]
			w = append(w, strings.ToUpper(s[:1])+s[1:])
		}
		return strings.Join(w, " ")
	}
	for range 8 {
		c.provinces = append(c.provinces, name())
	}
	c.units = append(c.units, provincial...)
	for range 40 {
		c.units = append(c.units, unit{name: "ỦY BAN NHÂN DÂN HUYỆN " + strings.ToUpper(name()), code: "UBND", district: true})
	}
	for range 300 {
		c.people = append(c.people, surnames[r.IntN(len(surnames))]+" "+middles[r.IntN(len(middles))]+" "+givens[r.IntN(len(givens))])
	}
	return c
}

// Syllables returns the syllables that the spelling rules allow from
// common onsets, rhymes and the six tones: several thousand, most of them
// rare in text, as in a real archive.
func Syllables() []string {
	seen := map[string]bool{}
	var out []string
	onsets := strings.Fields("b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x")
	rhymes := strings.Fields(`a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eng eo ê êm ên ênh êu i ia im in inh iu
		iêm iên iêng iêu o oa oai oan oang oanh oi om on ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua ui um un ung uô uôi uôm uôn uông uy
		uyên ư ưa ưi ưng ươi ươm ươn ương ưu ac ach at ap ăc ăt âc ât âp ec et êch êt ich it ip iêc iêt oc ot op ôc ôt ơt uc ut
		uôc uôt ưc ưt ươc ươt`)
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	for _, o := range onsets {
		for _, rh := range rhymes {
			for _, t := range tones {
				s := dict.PlaceTones(dict.NFC(o + rh[:1] + t + rh[1:]))
				if !seen[s] && dict.IsSyllable(s) {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
	}
	// A fixed order, shuffled so that frequency does not follow the
	// alphabet.
	r := rand.New(rand.NewPCG(3, 5))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Doc returns record i.
func (c *Corpus) Doc(i int) importer.Record {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)))
	province := c.provinces[i%len(c.provinces)]
	u := c.units[zipfIndex(r, len(c.units))]
	issuer := u.name
	if !u.district {
		issuer = u.name + " TỈNH " + strings.ToUpper(province)
	}
	dt := docTypes[zipfIndex(r, len(docTypes))]
	year := c.Years[r.IntN(len(c.Years))]
	month, day := 1+r.IntN(12), 1+r.IntN(28)
	number := fmt.Sprintf("%d/%s-%s", 1+r.IntN(4000), dt.abbrev, u.code)
	if dt.abbrev == "" { // a công văn: the issuer's code, then the unit's
		number = fmt.Sprintf("%d/%s-%s", 1+r.IntN(9000), u.code, units2[r.IntN(len(units2))])
	}
	topic := topics[zipfIndex(r, len(topics))]
	other := topics[r.IntN(len(topics))]
	subject := "Về việc " + verbs[r.IntN(len(verbs))] + " " + topic + " " + scopes[r.IntN(len(scopes))]
	rec := importer.Record{
		ID: fmt.Sprintf("QLVB-%08d", i), Number: number, DocType: dt.name, Issuer: issuer,
		IssuedDate: fmt.Sprintf("%d-%02d-%02d", year, month, day), Subject: subject,
	}
	if u := r.IntN(100); u < 6 {
		rec.Urgency = []string{"Khẩn", "Thượng khẩn", "Hỏa tốc"}[u%3]
	}

	var b strings.Builder
	line := func(parts ...string) {
		b.WriteString(strings.Join(parts, " "))
		b.WriteByte('\n')
	}
	// The header, two columns read left then right.
	if !u.district && u.code != "UBND" {
		line("ỦY BAN NHÂN DÂN TỈNH", strings.ToUpper(province))
	}
	line(issuer)
	line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	line("Độc lập - Tự do - Hạnh phúc")
	line("Số:", number)
	line(fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", province, day, month, year))
	if rec.Urgency != "" {
		line(strings.ToUpper(rec.Urgency))
	}
	if dt.abbrev != "" {
		line(strings.ToUpper(dt.name))
	} else {
		line("V/v", strings.TrimPrefix(subject, "Về việc "))
	}
	if dt.abbrev != "" {
		line(subject)
	}
	// The grounds: the same few laws in most documents.
	for _, k := range r.Perm(len(grounds))[:2+r.IntN(3)] {
		line(grounds[k] + ";")
	}
	line("Xét đề nghị của", proposers[r.IntN(len(proposers))], "tại Tờ trình số", fmt.Sprintf("%d/TTr-%s", 1+r.IntN(900), units2[r.IntN(len(units2))]), ";")
	// The body: sentences about the topic, in the register's words, with
	// the long tail of rarer syllables.
	for p := range 3 + r.IntN(4) {
		if dt.abbrev == "QĐ" {
			line(fmt.Sprintf("Điều %d.", p+1))
		}
		for range 2 + r.IntN(3) {
			c.sentence(r, &b, topic, other)
		}
		b.WriteByte('\n')
	}
	line("Nơi nhận:")
	for _, k := range r.Perm(len(recipients))[:3+r.IntN(4)] {
		line("-", recipients[k]+";")
	}
	line("- Lưu: VT,", units2[r.IntN(len(units2))]+".")
	title := titles[r.IntN(len(titles))]
	line(title)
	line(c.people[r.IntN(len(c.people))])
	rec.Body = b.String()
	return rec
}

// sentence writes one sentence of the body.
func (c *Corpus) sentence(r *rand.Rand, b *strings.Builder, topic, other string) {
	var w []string
	w = append(w, openers[r.IntN(len(openers))])
	for range 3 + r.IntN(4) {
		switch r.IntN(10) {
		case 0:
			w = append(w, topic)
		case 1:
			w = append(w, other)
		case 2, 3, 4, 5:
			w = append(w, common[zipfIndex(r, len(common))])
		default:
			for range 1 + r.IntN(3) {
				w = append(w, c.tail[zipfIndex(r, len(c.tail))])
			}
		}
		w = append(w, links[r.IntN(len(links))])
	}
	w = append(w, closers[r.IntN(len(closers))])
	s := strings.Join(w, " ") + ". "
	first, size := utf8.DecodeRuneInString(s)
	b.WriteString(string(unicode.ToUpper(first)) + s[size:])
}

// zipfIndex draws an index below n, low ones far more often: the inverse
// of a continuous 1/x law on [1, n+1).
func zipfIndex(r *rand.Rand, n int) int {
	k := int(math.Pow(float64(n+1), r.Float64())) - 1
	return min(max(k, 0), n-1)
}

type docType struct{ name, abbrev string }

var docTypes = []docType{
	{"Công văn", ""}, {"Quyết định", "QĐ"}, {"Kế hoạch", "KH"}, {"Báo cáo", "BC"}, {"Thông báo", "TB"},
	{"Tờ trình", "TTr"}, {"Giấy mời", "GM"}, {"Chỉ thị", "CT"}, {"Hướng dẫn", "HD"}, {"Chương trình", "CTr"},
	{"Nghị quyết", "NQ"}, {"Công điện", "CĐ"}, {"Biên bản", "BB"}, {"Phương án", "PA"}, {"Đề án", "ĐA"},
}

// unit is an agency: its name without the province's, and its code in
// document numbers.
type unit struct {
	name, code string
	district   bool // a district's People's Committee, named by itself
}

var provincial = []unit{
	{"ỦY BAN NHÂN DÂN", "UBND", false}, {"SỞ NỘI VỤ", "SNV", false}, {"SỞ TÀI CHÍNH", "STC", false},
	{"SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "SKHĐT", false}, {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT", false}, {"SỞ Y TẾ", "SYT", false},
	{"SỞ XÂY DỰNG", "SXD", false}, {"SỞ GIAO THÔNG VẬN TẢI", "SGTVT", false},
	{"SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SNN", false}, {"SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "STNMT", false},
	{"SỞ TƯ PHÁP", "STP", false}, {"SỞ CÔNG THƯƠNG", "SCT", false}, {"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SLĐTBXH", false},
	{"SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT", false}, {"SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL", false},
	{"SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN", false}, {"THANH TRA", "TTr", false}, {"VĂN PHÒNG ỦY BAN NHÂN DÂN", "VP", false},
}

var units2 = strings.Fields("VP KT TH NC KGVX TCHC QLĐT NV TCCB KHTC PC HCTC")

var topics = []string{
	"cải cách hành chính", "chuyển đổi số", "phòng chống thiên tai", "xây dựng nông thôn mới", "giải phóng mặt bằng",
	"quản lý đất đai", "an toàn giao thông", "phòng cháy chữa cháy", "bảo vệ môi trường", "tuyển dụng viên chức",
	"thi đua khen thưởng", "dự toán ngân sách", "đầu tư công", "vệ sinh an toàn thực phẩm", "bảo hiểm xã hội",
	"giảm nghèo bền vững", "dịch vụ công trực tuyến", "thanh tra công vụ", "tiếp công dân", "phòng chống tham nhũng",
	"kiểm soát thủ tục hành chính", "quy hoạch sử dụng đất", "phát triển du lịch", "chăm sóc sức khỏe ban đầu",
	"phổ cập giáo dục", "an ninh trật tự", "diễn tập phòng thủ", "khai thác khoáng sản", "nước sạch nông thôn",
	"chỉnh lý tài liệu lưu trữ", "bồi dưỡng cán bộ", "sắp xếp đơn vị hành chính", "cấp giấy chứng nhận quyền sử dụng đất",
	"hỗ trợ doanh nghiệp nhỏ và vừa", "phòng chống dịch bệnh gia súc", "trồng rừng thay thế", "tiêm chủng mở rộng",
	"kiểm định chất lượng giáo dục", "bình đẳng giới", "xuất khẩu lao động", "chợ đầu mối nông sản", "thu hồi nợ thuế",
	"hạ tầng viễn thông", "sửa chữa trụ sở", "kiên cố hóa kênh mương", "đo đạc bản đồ địa chính", "hộ tịch điện tử",
}

var common = strings.Fields(`thực hiện triển khai tổ chức các đơn vị cơ quan địa phương theo quy định kịp thời nghiêm túc
	hiệu quả đảm bảo chất lượng tiến độ kết quả nhiệm vụ giải pháp trách nhiệm phối hợp chủ trì tham mưu đề xuất báo cáo
	tình hình năm kế hoạch kinh phí nguồn vốn hồ sơ thủ tục người dân doanh nghiệp cán bộ công chức viên chức người lao động
	kiểm tra giám sát đánh giá tổng hợp cập nhật hướng dẫn rà soát xử lý vi phạm chỉ đạo điều hành quản lý nhà nước`)

var verbs = []string{"triển khai", "phê duyệt", "tăng cường", "tổ chức", "báo cáo kết quả", "hướng dẫn", "đẩy mạnh", "kiểm tra", "giao chỉ tiêu", "điều chỉnh"}
var scopes = []string{"trên địa bàn tỉnh", "năm 2024", "giai đoạn 2021 - 2025", "trong tình hình mới", "quý III", "6 tháng đầu năm", "tại các huyện miền núi", ""}
var openers = []string{"các sở, ban, ngành", "ủy ban nhân dân các huyện", "giao", "yêu cầu", "đề nghị", "trong thời gian qua", "căn cứ tình hình thực tế", "nhằm", "để", "qua kiểm tra"}
var links = []string{"và", "của", "cho", "trong", "đối với", "theo", "về", "có", "được", "tại", "để", ","}
var closers = []string{"theo quy định", "trước ngày 15 hằng tháng", "gửi về Sở Nội vụ tổng hợp", "bảo đảm đúng tiến độ", "không để xảy ra sai sót", "báo cáo Ủy ban nhân dân tỉnh", "kịp thời"}
var grounds = []string{
	"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
	"Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
	"Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015",
	"Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019",
	"Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008",
	"Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024",
	"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
	"Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông",
	"Căn cứ Thông tư số 01/2023/TT-BNV của Bộ Nội vụ",
}
var proposers = []string{"Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính", "Chánh Văn phòng", "Giám đốc Sở Kế hoạch và Đầu tư", "Chánh Thanh tra tỉnh", "Trưởng phòng Tổ chức - Hành chính"}
var recipients = []string{
	"Như trên", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành tỉnh",
	"UBND các huyện, thị xã, thành phố", "Cổng thông tin điện tử tỉnh", "Bộ Nội vụ", "Văn phòng Chính phủ",
	"Ban Thường vụ Tỉnh ủy", "Đài Phát thanh và Truyền hình tỉnh", "Báo tỉnh",
}
var titles = []string{"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA"}
var surnames = strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Mai Tạ")
var middles = strings.Fields("Văn Thị Minh Quốc Hữu Thanh Ngọc Đức Xuân Thu Công Kim Anh Hồng")
var givens = strings.Fields("An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khánh Lan Linh Long Mai Nam Nga Phong Phúc Quang Sơn Tâm Thảo Thắng Trang Trung Tuấn Vinh Yến")
