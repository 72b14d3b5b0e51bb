// Command searchbench measures indexing and search on synthetic documents:
// indexing documents per second, and p50/p99 latency of match, phrase and
// faceted queries.
//
//	go run ./internal/tools/searchbench -docs 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/index"
	"github.com/vanthu/vanthu/search"
)

// syllables are common syllables of administrative Vietnamese; documents
// draw from them with a Zipf-like skew.
var syllables = strings.Fields(`của và các có được trong cho với là người năm việt nam hành chính cải cách
cơ quan đơn vị thực hiện quy định văn bản nhà nước tỉnh huyện xã ủy ban nhân dân sở nội vụ tài chính
kế hoạch báo cáo quyết định thông báo công văn chỉ thị hướng dẫn triển khai tổ chức cán bộ công chức viên
lưu trữ số hóa điện tử phần mềm quản lý điều hành hồ sơ tài liệu hội nghị trực tuyến đề nghị khen thưởng
tổng kết phòng chống thiên tai cứu nạn đất đai thủy lợi nông nghiệp giáo dục đào tạo y tế môi trường tài nguyên
khoa học công nghệ thông tin truyền thông giao thông vận tải xây dựng kinh phí ngân sách dự toán thanh tra
kiểm tra giám sát phối hợp chủ động nghiêm túc kịp thời hiệu quả nâng cao chất lượng đảm bảo an toàn bảo mật
chữ ký số chuyển đổi dịch vụ công trực tuyến một cửa liên thông thủ tục hồ sơ giải quyết phản ánh kiến nghị
người dân doanh nghiệp đầu tư phát triển kinh tế xã hội quốc phòng an ninh trật tự dân số lao động việc làm
tuyển dụng thi đua đánh giá xếp loại bổ nhiệm luân chuyển đào tạo bồi dưỡng nghỉ phép hưu trí bảo hiểm`)

var (
	docTypes = []string{"Quyết định", "Công văn", "Thông báo", "Kế hoạch", "Báo cáo", "Tờ trình", "Chỉ thị", "Giấy mời"}
	agencies = []string{"ỦY BAN NHÂN DÂN TỈNH", "SỞ NỘI VỤ", "SỞ TÀI CHÍNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SỞ Y TẾ", "BỘ NỘI VỤ", "VĂN PHÒNG UBND TỈNH", "SỞ XÂY DỰNG", "CỤC THUẾ", "KHO BẠC NHÀ NƯỚC"}
	urgency  = []string{"", "", "", "", "", "", "", "Khẩn", "Thượng khẩn", "Hỏa tốc"}
)

// vocabulary is the common syllables first, then every syllable the rules
// of dict allow from a set of onsets, rhymes and tones: a few thousand, as
// in real text, drawn with a Zipf skew so that most are rare.
func vocabulary() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] && dict.IsSyllable(s) {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range syllables {
		add(s)
	}
	onsets := strings.Fields("b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x")
	rhymes := strings.Fields("a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eng eo ê êm ên ênh êu i ia im in inh iu iêm iên iêng iêu o oa oai oan oang oanh oi om on ong ô ôi ôm ôn ông ơ ơi ơm ơn u ua ui um un ung uô uôi uôm uôn uông uy uyên ư ưa ưi ưng ươi ươm ươn ương ưu ac ach at ap ăc ăt âc ât âp ec et êch êt ich it ip iêc iêt oc ot op ôc ôt ơt uc ut uôc uôt ưc ưt ươc ươt")
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	for _, o := range onsets {
		for _, r := range rhymes {
			for _, t := range tones {
				add(dict.PlaceTones(dict.NFC(o + r[:1] + t + r[1:])))
			}
		}
	}
	return out
}

func main() {
	n := flag.Int("docs", 100000, "documents to index")
	batch := flag.Int("batch", 500, "documents per batch")
	queries := flag.Int("queries", 100, "queries of each kind")
	dir := flag.String("dir", "", "index folder (default: a temporary one, removed after)")
	flag.Parse()
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "searchbench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	ix, err := index.Open(filepath.Join(*dir, "index"))
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	syllables = vocabulary()
	fmt.Printf("vocabulary: %d syllables, Zipf-distributed\n", len(syllables))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(syllables)-1))
	var phrases, numbers []string
	start := time.Now()
	docs := make([]vanthu.Document, 0, *batch)
	for i := range *n {
		d := synth(i, rng, zipf)
		if i%(*n/(*queries)+1) == 0 {
			w := strings.Fields(d.Pages[0].Text)
			k := rng.IntN(len(w) - 3)
			phrases = append(phrases, strings.Join(w[k:k+3], " "))
			numbers = append(numbers, strings.ToLower(dict.Fold(d.Metadata.Number)))
		}
		docs = append(docs, d)
		if len(docs) == *batch || i == *n-1 {
			if err := ix.PutBatch(docs); err != nil {
				log.Fatal(err)
			}
			docs = docs[:0]
		}
		if (i+1)%20000 == 0 {
			fmt.Fprintf(os.Stderr, "indexed %d documents, %.0f/s\n", i+1, float64(i+1)/time.Since(start).Seconds())
		}
	}
	el := time.Since(start)
	fmt.Printf("indexing: %d documents in %s = %.0f documents/s\n\n", *n, el.Round(time.Millisecond), float64(*n)/el.Seconds())

	s := &search.Searcher{Index: ix}
	measure := func(name string, mk func(i int) search.Request) {
		var lat []time.Duration
		var hits uint64
		for i := range *queries {
			r := mk(i)
			r.Page, r.Size = 1, 10
			t0 := time.Now()
			res, err := s.Search(context.Background(), r)
			if err != nil {
				log.Fatalf("%s %+v: %v", name, r, err)
			}
			lat = append(lat, time.Since(t0))
			hits += res.Total
		}
		slices.Sort(lat)
		fmt.Printf("%-28s p50 %7.2f ms   p99 %7.2f ms   (mean %d hits)\n", name,
			ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), hits/uint64(len(lat)))
	}
	// Syllables of middle frequency, as in what staff type; then the
	// worst case, two of the most frequent, matching most documents.
	mid := func() string { return syllables[60+rng.IntN(600)] }
	measure("match, diacritics", func(i int) search.Request {
		return search.Request{Q: mid() + " " + mid()}
	})
	measure("match, no diacritics", func(i int) search.Request {
		return search.Request{Q: dict.Fold(mid() + " " + mid())}
	})
	measure("match, frequent words", func(i int) search.Request {
		return search.Request{Q: syllables[rng.IntN(20)] + " " + syllables[rng.IntN(20)]}
	})
	measure("phrase", func(i int) search.Request {
		return search.Request{Q: `"` + phrases[i%len(phrases)] + `"`}
	})
	measure("faceted (type + year filter)", func(i int) search.Request {
		return search.Request{Q: syllables[rng.IntN(len(syllables))], DocType: docTypes[i%len(docTypes)], Year: fmt.Sprint(2010 + i%17)}
	})
	measure("number lookup", func(i int) search.Request {
		return search.Request{Q: numbers[i%len(numbers)]}
	})
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func synth(i int, rng *rand.Rand, zipf *rand.Zipf) vanthu.Document {
	dt := docTypes[rng.IntN(len(docTypes))]
	abbr := "UBND"
	if t, ok := dict.DocTypeByName(dt); ok && t.Abbrev != "" {
		abbr = t.Abbrev + "-UBND"
	}
	year := 2010 + rng.IntN(17)
	d := vanthu.Document{
		ID: vanthu.RefOf(fmt.Appendf(nil, "doc-%d", i)), FileName: fmt.Sprintf("scan-%d.pdf", i),
		ReceivedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
		Metadata: vanthu.Metadata{
			Number: fmt.Sprintf("%d/%s", i, abbr), DocType: dt, Issuer: agencies[rng.IntN(len(agencies))],
			IssuedDate: fmt.Sprintf("%d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28)),
			Urgency:    urgency[rng.IntN(len(urgency))], Recipients: []string{},
		},
	}
	pages := 1 + rng.IntN(3)
	for p := range pages {
		var w []string
		for range 250 + rng.IntN(200) {
			w = append(w, syllables[zipf.Uint64()])
		}
		d.Pages = append(d.Pages, vanthu.Page{Number: p + 1, Text: strings.Join(w, " "), Done: true})
	}
	d.PageCount = pages
	return d
}
