package extract

import (
	"fmt"
	"testing"

	"github.com/vanthu/vanthu"
)

func TestZZ(t *testing.T) {
	for _, c := range [][]string{
		{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "Số: 1234/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2019", "QUYẾT ĐỊNH", "Về việc phê duyệt kế hoạch"},
		{"BỘ Y TẾ", "Số: 3456/BYT-KCB", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 5 tháng 6 năm 2020", "V/v hướng dẫn khám bệnh"},
		{"UBND HUYỆN ĐỨC PHỔ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 89/PGDĐT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đức Phổ, ngày 12 tháng 10 năm 2015", "V/v tổ chức hội thi"},
		{"NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "Số: 12/2014/TT-NHNN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 24 tháng 3 năm 2014", "THÔNG TƯ", "Quy định điều kiện cấp tín dụng"},
		{"BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH QUẢNG NAM", "Số: 456/BHXH-TST", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Nam, ngày 20 tháng 4 năm 2022", "V/v thu bảo hiểm"},
		{"UBND THỊ XÃ ĐIỆN BÀN", "Số: 77/TTr-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Điện Bàn, ngày 01 tháng 12 năm 2017", "TỜ TRÌNH", "Về việc đề nghị phê duyệt dự án"},
		{"CÔNG TY CỔ PHẦN ABC", "Số: 15/2023/CV-ABC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đà Nẵng, ngày 3 tháng 7 năm 2023", "V/v đề nghị thanh toán"},
		{"HỌC VIỆN CHÍNH TRỊ QUỐC GIA", "HỒ CHÍ MINH", "Số: 234-QĐ/HVCTQG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 8 tháng 2 năm 2018", "QUYẾT ĐỊNH", "về việc cử cán bộ đi học"},
	} {
		p := page(1, c...)
		r := Read([]vanthu.Page{p}, nil)
		m := r.Metadata
		fmt.Printf("%q|%q|%q|%q|%q|%q|%q\n", m.Number, m.DocType, m.Issuer, m.ParentBody, m.IssuedDate, m.Place, m.Subject)
	}
}
