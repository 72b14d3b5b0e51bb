package dict

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// givenNames are the syllables of Vietnamese middle and given names (tên
// đệm, tên) in common use. Unlike family names they are an open class; the
// list serves one repair only (RepairGivenName), which trusts it only where
// the syllable read is not in it.
var givenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`
	An Ân Anh Ánh Bá Bắc Bách Bạch Bằng Bảo Bích Biên Bính Bình Bội Bửu Ca Cầm Cẩm Căng Cảnh Cao Cát Châm
	Chánh Châu Chi Chí Chiến Chinh Chính Chung Chương Công Cúc Cung Cương Cường Đắc Đại Đam Đạm Dân Đan Đăng
	Đằng Danh Đào Đạo Đạt Điệp Diễm Diện Diệp Diệu Dinh Đình Định Doan Đoan Doanh Đôn Đông Đồng Du Dũng Dung
	Dừa Được Dương Đức Duy Duyên Đính Gấm Gia Giang Giàu Giao Hà Hạ Hai Hải Hân Hằng Hạnh Hào Hảo Hậu Hiền
	Hiến Hiển Hiên Hiệp Hiếu Hinh Hồ Hoa Hòa Hóa Hoài Hoan Hoàn Hoán Hoàng Hoạt Học Hội Hồng Hợp Huân
	Huấn Huệ Hùng Hưng Hương Hường Hữu Huy Huyên Huyền Huynh Huỳnh Kha Khải Khâm Khang Khanh Khánh Khắc
	Khiêm Khoa Khôi Khuê Khương Kiên Kiệt Kiều Kim Kỳ Lai Lài Lâm Lan Lãnh Lành Lễ Lê Lệ Liêm Liên Liễu
	Linh Lịch Loan Lộc Lợi Long Luân Luận Lực Lũy Lưu Lương Ly Lý Mai Mạnh Mẫn Mận Minh Mùi Mừng Mỹ Na
	Nam Năm Năng Nga Ngà Ngân Nghĩa Nghị Ngọc Ngôn Nguyên Nguyện Nguyệt Nhã Nhàn Nhân Nhật Nhi Nhiên
	Nho Nhung Như Ninh Nữ Oanh Phát Phi Phong Phú Phúc Phụng Phước Phương Phượng Quân Quang Quế Quốc Quý
	Quyên Quyến Quyền Quyết Quỳnh Sang Sáng Sen Sinh Sơn Sương Sỹ Sĩ Tá Tài Tâm Tân Tấn Tạo Thạch Thái
	Thân Thăng Thắng Thanh Thành Thảo Thắm Thế Thi Thiên Thiện Thịnh Thọ Thơ Thoa Thông Thu Thuận Thục
	Thùy Thúy Thủy Thư Thương Thường Tiến Tiên Tín Tịnh Tô Toại Toàn Toán Toản Tôn Tới Trà Trâm Trân Trang
	Tráng Trí Triển Triết Triều Trinh Trình Trọng Trung Trực Trúc Trường Tú Tư Tuân Tuấn Tuệ Tùng Tường
	Tươi Tuyên Tuyền Tuyết Uyên Văn Vân Vi Viên Việt Viết Vinh Vĩnh Võ Vũ Vui Vượng Vy Xuân Yên Yến`) {
		m[Canon(s)] = true
	}
	return m
}()

// RepairGivenName puts back the tone of a middle or given name that OCR
// read with the mirror image of its mark: the grave and the acute accents
// are one slanted stroke leaning opposite ways, and Tesseract swaps them
// on small print (Tuấn → Tuần, both syllables of the language). A syllable
// after the family name is changed only where it is no name in common use
// and its mirror is one. Anything else is left as read.
func RepairGivenName(name string) string {
	ws := strings.Fields(NFC(name))
	for i := 1; i < len(ws); i++ {
		if givenNames[Canon(ws[i])] {
			continue
		}
		if m := mirrorTone(ws[i]); m != ws[i] && givenNames[Canon(m)] {
			ws[i] = m
		}
	}
	return strings.Join(ws, " ")
}

// mirrorTone swaps the grave and the acute accent in w.
func mirrorTone(w string) string {
	d := []rune(norm.NFD.String(w))
	for i, r := range d {
		switch r {
		case '\u0300':
			d[i] = '\u0301'
		case '\u0301':
			d[i] = '\u0300'
		}
	}
	return NFC(string(d))
}
