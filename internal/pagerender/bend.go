package pagerender

import (
	"image"
	"image/color"
)

// Body are a page's lines of running text, each as long as the
// others, set at the left margin.
var Body = []string{
	"Thực hiện Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2024 của Ủy ban",
	"nhân dân tỉnh về cải cách hành chính, Sở Nội vụ đề nghị các sở, ban,",
	"ngành và Ủy ban nhân dân các huyện, thị xã, thành phố rà soát toàn bộ",
	"thủ tục hành chính đang thực hiện tại đơn vị, báo cáo kết quả về Sở",
	"Nội vụ trước ngày 30 tháng 4 năm 2024 để tổng hợp, trình Chủ tịch Ủy",
	"ban nhân dân tỉnh xem xét, quyết định. Các cơ quan, đơn vị chủ động bố",
	"trí kinh phí, nhân lực, bảo đảm chất lượng và tiến độ thực hiện; định",
	"kỳ hằng quý báo cáo tình hình, kết quả thực hiện về Sở Nội vụ theo quy",
	"định. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực",
	"hiện; trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn",
	"vị kịp thời phản ánh về Sở Nội vụ để được hướng dẫn, giải quyết theo",
	"thẩm quyền hoặc tham mưu Ủy ban nhân dân tỉnh xem xét, chỉ đạo. Thủ",
	"trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân",
	"dân tỉnh về kết quả rà soát, đơn giản hóa thủ tục hành chính thuộc",
	"phạm vi quản lý; kết quả thực hiện là tiêu chí đánh giá, xếp loại mức",
	"độ hoàn thành nhiệm vụ của tập thể, cá nhân người đứng đầu năm 2024.",
}

// Bend is page as photographed lying bent, its sides lifted toward the
// foot: the ink of each column raised by lift pixels times the square of
// its distance from the middle (as a share of half the width), four
// tenths of that at the head and all of it at the foot, so that the
// lines bow up toward the sheet's sides; what comes from below the sheet
// is the desk's grey.
func Bend(page *image.Gray, lift float64) *image.Gray {
	b := page.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	out := image.NewGray(b)
	for y := range b.Dy() {
		for x := range b.Dx() {
			u := 2*float64(x)/w - 1
			sy := float64(y) + lift*u*u*(0.4+0.6*float64(y)/h)
			y0 := int(sy)
			if y0 < 0 || y0+1 >= b.Dy() {
				out.SetGray(x, y, color.Gray{90})
				continue
			}
			a := sy - float64(y0)
			v := (1-a)*float64(page.GrayAt(x, y0).Y) + a*float64(page.GrayAt(x, y0+1).Y)
			out.SetGray(x, y, color.Gray{uint8(v + 0.5)})
		}
	}
	return out
}
