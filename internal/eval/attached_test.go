package eval

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/draw"

	"github.com/vanthu/vanthu/extract"
	"github.com/vanthu/vanthu/internal/pagerender"
)

// regulation is a province's Quyết định that issues a Quy chế, its number
// and day to be written by hand (writtenByHand), and attached is the
// Quy chế's first page: under its title, the line that says it goes with
// the decision, by the decision's number and date, typed.
var (
	regulation = kind{"province's Quyết định issuing a Quy chế", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 245/QĐ-UBND|Bình An, ngày 12 tháng 3 năm 2023",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh",
		"CB|ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
		"Xét đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh.",
		"Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- Như Điều 2;|CHỦ TỊCH",
		"L|- Lưu: VT.|",
		"LB||Nguyễn Văn Minh",
	}, nil}
	attached = []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"",
		"CB|QUY CHẾ",
		"CB|Làm việc của Ủy ban nhân dân tỉnh Bình An",
		"C|(Ban hành kèm theo Quyết định số 245/QĐ-UBND ngày 12/3/2023",
		"C|của Ủy ban nhân dân tỉnh Bình An)",
		"",
		"CB|Chương I",
		"CB|QUY ĐỊNH CHUNG",
		"Điều 1. Phạm vi điều chỉnh",
		"Quy chế này quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc.",
	}
)

// A scanner set to drop out blue ink (it reads the page through its blue
// channel, where blue ink is as light as the paper, so that a form's
// printed guides vanish) loses the number and the day a văn thư wrote in
// blue. The Quy chế the decision issues cites it by both, typed, under its
// title on the next page: the number and the day are read from there,
// flagged for the clerk, with a warning of where they came from. The
// decision's page alone keeps its print (…/QĐ-UBND, March 2023), flagged.
func TestAttachedTextGivesTheNumber(t *testing.T) {
	r := drawer(t, true)
	first, ok := writtenByHand(r, regulation, color.RGBA{30, 50, 170, 255})
	if !ok {
		t.Fatal("the decision has no slots to write in")
	}
	second := image.NewRGBA(image.Rect(0, 0, first.Bounds().Dx(), pagerender.PageHeight)) // an A4 page
	draw.Draw(second, second.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(second, second.Bounds(), r.Render(attached), image.Point{}, draw.Src)
	dir := t.TempDir()
	files := map[string]string{}
	for name, pages := range map[string][]*image.RGBA{"alone": {first}, "with its Quy chế": {first, second}} {
		out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".pdf")
		if err := os.WriteFile(out, imagesPDF(pages, pagerender.DPI, blueDroppedImage), 0o644); err != nil {
			t.Fatal(err)
		}
		files[out] = name
	}
	res, err := processFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][2]string{"alone": {"…/QĐ-UBND", "2023-03"}, "with its Quy chế": {"245/QĐ-UBND", "2023-03-12"}} {
		got := res[name]
		md := got.Metadata
		if md.Number != want[0] || md.IssuedDate != want[1] || !slices.Contains(got.Review, "number") || !slices.Contains(got.Review, "issued_date") {
			t.Errorf("%s: number %q, issued %q, review %v; want %s and %s, both flagged", name, md.Number, md.IssuedDate, got.Review, want[0], want[1])
		}
		warned := slices.ContainsFunc(got.Warnings, func(w string) bool {
			return strings.HasPrefix(w, strings.SplitN(extract.AttachedWarning, "%", 2)[0])
		})
		if warned != (name != "alone") {
			t.Errorf("%s: warnings %q; want the attached text's line named: %v", name, got.Warnings, name != "alone")
		}
	}
}

// blueDroppedImage is img at one bit per pixel as a scanner that drops
// out blue reads it: black where its blue channel is below mid-grey.
func blueDroppedImage(img *image.RGBA, _ int) string {
	return oneBit(img, func(c color.RGBA) bool { return c.B >= 128 })
}
