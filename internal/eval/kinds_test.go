package eval

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/draw"

	"github.com/vanthu/vanthu/internal/pagerender"
)

// kind is a document of another agency, era or type than the real
// twelve, drawn as a page: its lines (see pagerender.Render) and the
// fields a clerk would type from it. Its words are made for this test.
type kind struct {
	name  string
	lines []string
	want  map[string]string
}

var kinds = []kind{
	{"Party committee, Quyết định", []string{
		"L|ĐẢNG BỘ TỈNH BÌNH AN|ĐẢNG CỘNG SẢN VIỆT NAM",
		"LB|HUYỆN ỦY BÌNH SƠN|",
		"L|*|Bình Sơn, ngày 15 tháng 3 năm 2021",
		"L|Số 125-QĐ/HU|",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|về việc thành lập Đoàn kiểm tra công tác cán bộ",
		"CB|BAN THƯỜNG VỤ HUYỆN ỦY",
		"Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
		"Căn cứ Quy định số 22-QĐ/TW ngày 28 tháng 7 năm 2021 của Ban Chấp hành Trung ương;",
		"CB|QUYẾT ĐỊNH",
		"Điều 1. Thành lập Đoàn kiểm tra công tác cán bộ năm 2021.",
		"",
		"LB|Nơi nhận:|T/M BAN THƯỜNG VỤ",
		"L|- Như Điều 2,|PHÓ BÍ THƯ THƯỜNG TRỰC",
		"L|- Lưu Văn phòng Huyện ủy.|",
		"LB||Nguyễn Văn An",
	}, map[string]string{
		"number": "125-QĐ/HU", "doc_type": "Quyết định", "issuer": "HUYỆN ỦY BÌNH SƠN", "parent_body": "ĐẢNG BỘ TỈNH BÌNH AN",
		"issued_date": "2021-03-15", "place": "Bình Sơn", "subject": "về việc thành lập Đoàn kiểm tra công tác cán bộ",
		"signer": "Nguyễn Văn An", "signer_title": "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC",
	}},
	{"Youth Union, Thông báo", []string{
		"L|TỈNH ĐOÀN BÌNH AN|ĐOÀN TNCS HỒ CHÍ MINH",
		"L|***|",
		"L|Số: 45-TB/TĐTN-VP|Bình An, ngày 09 tháng 9 năm 2016",
		"",
		"CB|THÔNG BÁO",
		"CB|Kết luận của Ban Thường vụ Tỉnh Đoàn",
		"Ngày 05 tháng 9 năm 2016, Ban Thường vụ Tỉnh Đoàn họp phiên thường kỳ.",
		"",
		"LB|Nơi nhận:|TM. BAN THƯỜNG VỤ TỈNH ĐOÀN",
		"L|- Các huyện, thành đoàn;|BÍ THƯ",
		"L|- Lưu VP.|",
		"LB||Nguyễn Thị Thanh",
	}, map[string]string{
		"number": "45-TB/TĐTN-VP", "doc_type": "Thông báo", "issuer": "TỈNH ĐOÀN BÌNH AN",
		"issued_date": "2016-09-09", "place": "Bình An", "subject": "Kết luận của Ban Thường vụ Tỉnh Đoàn",
		"signer": "Nguyễn Thị Thanh", "signer_title": "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN / BÍ THƯ",
	}},
	{"ministry, Thông tư of 2011, heading letter-spaced", []string{
		"LB|BỘ TÀI CHÍNH|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB||Độc lập - Tự do - Hạnh phúc",
		"L|Số: 162/2011/TT-BTC|Hà Nội, ngày 17 tháng 11 năm 2011",
		"",
		"CB|T H Ô N G   T Ư",
		"CB|Quy định chế độ quản lý, tính hao mòn tài sản cố định",
		"Căn cứ Luật Quản lý, sử dụng tài sản nhà nước ngày 03 tháng 6 năm 2008;",
		"Bộ Tài chính quy định chế độ quản lý, tính hao mòn tài sản cố định như sau:",
		"",
		"LB|Nơi nhận:|KT. BỘ TRƯỞNG",
		"L|- Văn phòng Chính phủ;|THỨ TRƯỞNG",
		"L|- Lưu: VT, QLCS.|",
		"LB||Nguyễn Hữu Chí",
	}, map[string]string{
		"number": "162/2011/TT-BTC", "doc_type": "Thông tư", "issuer": "BỘ TÀI CHÍNH",
		"issued_date": "2011-11-17", "place": "Hà Nội", "subject": "Quy định chế độ quản lý, tính hao mòn tài sản cố định",
		"signer": "Nguyễn Hữu Chí", "signer_title": "KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
	}},
	{"provincial council, Nghị quyết of 2012", []string{
		"L|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH KON TUM|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 27/2012/NQ-HĐND|Kon Tum, ngày 05 tháng 10 năm 2012",
		"",
		"CB|NGHỊ QUYẾT",
		"CB|Về việc quy định mức chi hỗ trợ cho công tác hòa giải ở cơ sở",
		"CB|HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM",
		"CB|KHÓA X, KỲ HỌP THỨ 5",
		"Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003;",
		"CB|QUYẾT NGHỊ:",
		"Điều 1. Quy định mức chi hỗ trợ cho công tác hòa giải ở cơ sở.",
		"",
		"LB|Nơi nhận:|CHỦ TỊCH",
		"L|- Ủy ban Thường vụ Quốc hội;|",
		"L|- Lưu: VT, TH.|",
		"LB||Hà Văn Ban",
	}, map[string]string{
		"number": "27/2012/NQ-HĐND", "doc_type": "Nghị quyết", "issuer": "HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM",
		"issued_date": "2012-10-05", "place": "Kon Tum", "subject": "Về việc quy định mức chi hỗ trợ cho công tác hòa giải ở cơ sở",
		"signer": "Hà Văn Ban", "signer_title": "CHỦ TỊCH",
	}},
	{"labour federation under its parent, abbreviated", []string{
		"L|TỔNG LĐLĐ VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|LĐLĐ TỈNH QUẢNG NAM|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 45/TB-LĐLĐ|Quảng Nam, ngày 09 tháng 9 năm 2016",
		"",
		"CB|THÔNG BÁO",
		"CB|Kết luận của Thường trực Liên đoàn Lao động tỉnh",
		"Ngày 05 tháng 9 năm 2016, Thường trực Liên đoàn Lao động tỉnh họp.",
		"",
		"LB|Nơi nhận:|TM. BAN THƯỜNG VỤ",
		"L|- Các LĐLĐ huyện;|CHỦ TỊCH",
		"L|- Lưu: VT.|",
		"LB||Nguyễn Thị Thanh",
	}, map[string]string{
		"number": "45/TB-LĐLĐ", "doc_type": "Thông báo", "issuer": "LĐLĐ TỈNH QUẢNG NAM", "parent_body": "TỔNG LĐLĐ VIỆT NAM",
		"issued_date": "2016-09-09", "place": "Quảng Nam", "subject": "Kết luận của Thường trực Liên đoàn Lao động tỉnh",
		"signer": "Nguyễn Thị Thanh", "signer_title": "TM. BAN THƯỜNG VỤ / CHỦ TỊCH",
	}},
	{"district office, Biên bản without Nơi nhận", []string{
		"L|UBND HUYỆN MỘ ĐỨC|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|PHÒNG TÀI CHÍNH - KẾ HOẠCH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 08/BB-TCKH|Mộ Đức, ngày 30 tháng 3 năm 2018",
		"",
		"CB|BIÊN BẢN",
		"CB|Kiểm kê tài sản cuối năm 2017",
		"Hôm nay, vào lúc 8 giờ ngày 30 tháng 3 năm 2018, tại trụ sở Phòng Tài chính - Kế hoạch huyện,",
		"Biên bản kết thúc vào lúc 11 giờ cùng ngày, đã đọc lại cho mọi người cùng nghe và thống nhất.",
		"",
		"LB|THƯ KÝ|TRƯỞNG PHÒNG",
		"",
		"",
		"LB|Lê Văn Tám|Huỳnh Thị Mai",
	}, map[string]string{
		"number": "08/BB-TCKH", "doc_type": "Biên bản", "issuer": "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "parent_body": "UBND HUYỆN MỘ ĐỨC",
		"issued_date": "2018-03-30", "place": "Mộ Đức", "subject": "Kiểm kê tài sản cuối năm 2017",
		"signer": "Huỳnh Thị Mai", "signer_title": "TRƯỞNG PHÒNG",
	}},
	{"Công điện, Hỏa tốc", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH QUẢNG BÌNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 05/CĐ-UBND|Quảng Bình, ngày 14 tháng 10 năm 2020",
		"LB|HỎA TỐC|",
		"",
		"CB|CÔNG ĐIỆN",
		"CB|Về việc ứng phó khẩn cấp với mưa lũ",
		"CB|CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
		"- Chủ tịch UBND các huyện, thị xã, thành phố;",
		"Hiện nay mưa lũ đang diễn biến phức tạp trên địa bàn tỉnh.",
		"",
		"LB|Nơi nhận:|KT. CHỦ TỊCH",
		"L|- Như trên;|PHÓ CHỦ TỊCH",
		"L|- Lưu: VT, NNTN.|",
		"LB||Nguyễn Xuân Quang",
	}, map[string]string{
		"number": "05/CĐ-UBND", "doc_type": "Công điện", "issuer": "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH",
		"issued_date": "2020-10-14", "place": "Quảng Bình", "subject": "Về việc ứng phó khẩn cấp với mưa lũ",
		"signer": "Nguyễn Xuân Quang", "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "urgency": "Hỏa tốc",
	}},
	{"department's công văn, its name and trích yếu on two lines", []string{
		"L|UBND TỈNH BÌNH ĐỊNH|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ GIAO THÔNG|Độc lập - Tự do - Hạnh phúc",
		"LB|VẬN TẢI|",
		"L|Số: 1825/SGTVT-QLCL|Bình Định, ngày 21 tháng 7 năm 2021",
		"L|V/v tăng cường kiểm tra chất lượng|",
		"L|công trình giao thông|",
		"",
		"Kính gửi: Ban Quản lý dự án giao thông tỉnh.",
		"Sở Giao thông vận tải đề nghị Ban Quản lý dự án tăng cường kiểm tra.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, QLCL.|",
		"LB||Trần Quốc Bảo",
	}, map[string]string{
		"number": "1825/SGTVT-QLCL", "doc_type": "Công văn", "issuer": "SỞ GIAO THÔNG VẬN TẢI", "parent_body": "UBND TỈNH BÌNH ĐỊNH",
		"issued_date": "2021-07-21", "place": "Bình Định", "subject": "V/v tăng cường kiểm tra chất lượng công trình giao thông",
		"signer": "Trần Quốc Bảo", "signer_title": "GIÁM ĐỐC",
	}},
	{"commune, Báo cáo whose body follows the trích yếu closely", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|XÃ TỊNH KỲ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 15/BC-UBND|Tịnh Kỳ, ngày 20 tháng 12 năm 2022",
		"",
		"CB|BÁO CÁO",
		"CB|Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022",
		"Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2022 của Ủy ban nhân dân xã,",
		"Ủy ban nhân dân xã báo cáo kết quả như sau:",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- TT Đảng ủy xã;|KT. CHỦ TỊCH",
		"L|- Lưu: VT.|PHÓ CHỦ TỊCH",
		"LB||Võ Văn Hùng",
	}, map[string]string{
		"number": "15/BC-UBND", "doc_type": "Báo cáo", "issuer": "ỦY BAN NHÂN DÂN XÃ TỊNH KỲ",
		"issued_date": "2022-12-20", "place": "Tịnh Kỳ", "subject": "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022",
		"signer": "Võ Văn Hùng", "signer_title": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
	}},
	{"department, Quyết định signed TUQ.", []string{
		"L|UBND TỈNH GIA LAI|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NỘI VỤ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 312/QĐ-SNV|Gia Lai, ngày 11 tháng 5 năm 2024",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc nâng bậc lương thường xuyên đối với công chức",
		"CB|GIÁM ĐỐC SỞ NỘI VỤ TỈNH GIA LAI",
		"Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14 tháng 12 năm 2004 của Chính phủ;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Nâng bậc lương thường xuyên đối với công chức có tên sau.",
		"",
		"LB|Nơi nhận:|TUQ. CHỦ TỊCH",
		"L|- Như Điều 3;|GIÁM ĐỐC SỞ NỘI VỤ",
		"L|- Lưu: VT, CCVC.|",
		"LB||Đặng Thị Ngọc Ánh",
	}, map[string]string{
		"number": "312/QĐ-SNV", "doc_type": "Quyết định", "issuer": "SỞ NỘI VỤ", "parent_body": "UBND TỈNH GIA LAI",
		"issued_date": "2024-05-11", "place": "Gia Lai", "subject": "Về việc nâng bậc lương thường xuyên đối với công chức",
		"signer": "Đặng Thị Ngọc Ánh", "signer_title": "TUQ. CHỦ TỊCH / GIÁM ĐỐC SỞ NỘI VỤ",
	}},
	{"district committee, Quyết định of 2013", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|HUYỆN SƠN TỊNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 2345/QĐ-UBND|Sơn Tịnh, ngày 08 tháng 11 năm 2013",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc phê duyệt kế hoạch lựa chọn nhà thầu",
		"CB|ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH",
		"Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Phê duyệt kế hoạch lựa chọn nhà thầu xây dựng trường học.",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- Như Điều 3;|CHỦ TỊCH",
		"L|- Lưu: VT.|",
		"LB||Phạm Minh Đức",
	}, map[string]string{
		"number": "2345/QĐ-UBND", "doc_type": "Quyết định", "issuer": "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH",
		"issued_date": "2013-11-08", "place": "Sơn Tịnh", "subject": "Về việc phê duyệt kế hoạch lựa chọn nhà thầu",
		"signer": "Phạm Minh Đức", "signer_title": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
	}},
	{"city's Tờ trình, its long place bringing the date beside the number", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|THÀNH PHỐ HỒ CHÍ MINH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 4521/TTr-UBND|Thành phố Hồ Chí Minh, ngày 12 tháng 8 năm 2019",
		"",
		"CB|TỜ TRÌNH",
		"CB|Về dự thảo Nghị quyết quy định mức thu phí tham quan",
		"CB|di tích lịch sử trên địa bàn Thành phố",
		"CB|Kính gửi: Hội đồng nhân dân Thành phố.",
		"Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;",
		"",
		"LB|Nơi nhận:|Q. CHỦ TỊCH",
		"L|- Như trên;|",
		"L|- Lưu: VT, TH.|",
		"LB||Lê Thanh Liêm",
	}, map[string]string{
		"number": "4521/TTr-UBND", "doc_type": "Tờ trình", "issuer": "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
		"issued_date": "2019-08-12", "place": "Thành phố Hồ Chí Minh",
		"subject": "Về dự thảo Nghị quyết quy định mức thu phí tham quan di tích lịch sử trên địa bàn Thành phố",
		"signer":  "Lê Thanh Liêm", "signer_title": "Q. CHỦ TỊCH",
	}},
	{"police department's công văn, secret and urgent, signed with a rank", []string{
		"L|BỘ CÔNG AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|CỤC CẢNH SÁT GIAO THÔNG|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 1123/C08-P4|Hà Nội, ngày 30 tháng 6 năm 2022",
		"L|V/v tăng cường tuần tra, kiểm soát|",
		"L|trong dịp nghỉ lễ|",
		"LB|MẬT|",
		"LB|KHẨN|",
		"",
		"Kính gửi: Công an các tỉnh, thành phố trực thuộc Trung ương.",
		"Để bảo đảm trật tự, an toàn giao thông trong dịp nghỉ lễ, Cục đề nghị:",
		"",
		"LB|Nơi nhận:|KT. CỤC TRƯỞNG",
		"L|- Như trên;|PHÓ CỤC TRƯỞNG",
		"L|- Lưu: VT, P4.|",
		"LB||Đại tá Nguyễn Văn Minh",
	}, map[string]string{
		"number": "1123/C08-P4", "doc_type": "Công văn", "issuer": "CỤC CẢNH SÁT GIAO THÔNG", "parent_body": "BỘ CÔNG AN",
		"issued_date": "2022-06-30", "place": "Hà Nội", "subject": "V/v tăng cường tuần tra, kiểm soát trong dịp nghỉ lễ",
		"signer": "Nguyễn Văn Minh", "signer_title": "KT. CỤC TRƯỞNG / PHÓ CỤC TRƯỞNG", "urgency": "Khẩn", "confidentiality": "Mật",
	}},
	{"school's Kế hoạch under its department", []string{
		"L|SỞ GD&ĐT BẮC GIANG|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TRƯỜNG THPT LỤC NGẠN SỐ 1|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 56/KH-THPTLN1|Lục Ngạn, ngày 5 tháng 9 năm 2023",
		"",
		"CB|KẾ HOẠCH",
		"CB|Tổ chức các hoạt động đầu năm học 2023 - 2024",
		"I. MỤC ĐÍCH, YÊU CẦU",
		"1. Tạo không khí phấn khởi cho học sinh bước vào năm học mới.",
		"",
		"LB|Nơi nhận:|HIỆU TRƯỞNG",
		"L|- Sở GD&ĐT (để b/c);|",
		"L|- Lưu: VT.|",
		"LB||Ngô Thị Lan",
	}, map[string]string{
		"number": "56/KH-THPTLN1", "doc_type": "Kế hoạch", "issuer": "TRƯỜNG THPT LỤC NGẠN SỐ 1", "parent_body": "SỞ GD&ĐT BẮC GIANG",
		"issued_date": "2023-09-05", "place": "Lục Ngạn", "subject": "Tổ chức các hoạt động đầu năm học 2023 - 2024",
		"signer": "Ngô Thị Lan", "signer_title": "HIỆU TRƯỞNG",
	}},
	{"board's Quyết định, its name on two lines under its parent", []string{
		"L|UBND TỈNH LÂM ĐỒNG|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|BAN QUẢN LÝ CÁC KHU|Độc lập - Tự do - Hạnh phúc",
		"LB|CÔNG NGHIỆP|",
		"L|Số: 77/QĐ-BQL|Lâm Đồng, ngày 22 tháng 02 năm 2015",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc ban hành Quy chế làm việc của Ban Quản lý",
		"CB|các khu công nghiệp tỉnh Lâm Đồng",
		"CB|TRƯỞNG BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
		"Căn cứ Nghị định số 29/2008/NĐ-CP ngày 14 tháng 3 năm 2008;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
		"",
		"LB|Nơi nhận:|TRƯỞNG BAN",
		"L|- Như Điều 3;|",
		"L|- Lưu: VT, VP.|",
		"LB||Trương Văn Thu",
	}, map[string]string{
		"number": "77/QĐ-BQL", "doc_type": "Quyết định", "issuer": "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "parent_body": "UBND TỈNH LÂM ĐỒNG",
		"issued_date": "2015-02-22", "place": "Lâm Đồng", "subject": "Về việc ban hành Quy chế làm việc của Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng",
		"signer": "Trương Văn Thu", "signer_title": "TRƯỞNG BAN",
	}},
	{"provincial office's công văn, its number spaced, signed for the chair by a deputy", []string{
		"L|UBND TỈNH NGHỆ AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|VĂN PHÒNG|Độc lập - Tự do - Hạnh phúc",
		"L|Số : 1234 /VPUBND - NN|Nghệ An, ngày 03 tháng 4 năm 2017",
		"L|V/v triển khai công tác phòng, chống|",
		"L|hạn hán, xâm nhập mặn|",
		"",
		"Kính gửi:",
		"- Sở Nông nghiệp và Phát triển nông thôn;",
		"- UBND các huyện, thành phố, thị xã.",
		"Thực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh thông báo:",
		"",
		"LB|Nơi nhận:|TL. CHỦ TỊCH",
		"LB|- Như trên;|KT. CHÁNH VĂN PHÒNG",
		"LB|- Lưu: VT, NN.|PHÓ CHÁNH VĂN PHÒNG",
		"LB||Hoàng Văn Nhạn",
	}, map[string]string{
		"number": "1234/VPUBND-NN", "doc_type": "Công văn", "issuer": "VĂN PHÒNG", "parent_body": "UBND TỈNH NGHỆ AN",
		"issued_date": "2017-04-03", "place": "Nghệ An", "subject": "V/v triển khai công tác phòng, chống hạn hán, xâm nhập mặn",
		"signer": "Hoàng Văn Nhạn", "signer_title": "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG",
	}},
	{"a copy (sao y bản chính) of a province's Quyết định", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH ĐỊNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 3456/QĐ-UBND|Bình Định, ngày 15 tháng 9 năm 2020",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc phê duyệt dự toán kinh phí năm 2020",
		"Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
		"Điều 1. Phê duyệt dự toán kinh phí năm 2020 của Sở Tài chính.",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- Như Điều 2;|CHỦ TỊCH",
		"L|- Lưu: VT, KT.|",
		"LB||Hồ Quốc Dũng",
		"",
		"L|SỞ TÀI CHÍNH|SAO Y BẢN CHÍNH",
		"L|Số: 45/SY-STC|Bình Định, ngày 18 tháng 9 năm 2020",
		"LB|Nơi nhận:|TL. GIÁM ĐỐC",
		"L|- Các phòng;|CHÁNH VĂN PHÒNG",
		"L|- Lưu: VT.|",
		"LB||Trần Thị Thu",
	}, map[string]string{
		"number": "3456/QĐ-UBND", "doc_type": "Quyết định", "issuer": "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
		"issued_date": "2020-09-15", "place": "Bình Định", "subject": "Về việc phê duyệt dự toán kinh phí năm 2020",
		"signer": "Hồ Quốc Dũng", "signer_title": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
	}},
	{"the Government Office's công văn, signed for a minister who heads it", []string{
		"LB|VĂN PHÒNG CHÍNH PHỦ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB||Độc lập - Tự do - Hạnh phúc",
		"L|Số: 1234/VPCP-KGVX|Hà Nội, ngày 25 tháng 02 năm 2019",
		"L|V/v tăng cường công tác phòng chống|",
		"L|dịch bệnh trên đàn gia súc|",
		"",
		"CB|Kính gửi: Bộ Nông nghiệp và Phát triển nông thôn.",
		"Xét đề nghị của Bộ Nông nghiệp và Phát triển nông thôn, Phó Thủ tướng có ý kiến như sau:",
		"",
		"LB|Nơi nhận:|KT. BỘ TRƯỞNG, CHỦ NHIỆM",
		"L|- Như trên;|PHÓ CHỦ NHIỆM",
		"L|- Lưu: VT, KGVX (3).|",
		"LB||Nguyễn Cao Sơn",
	}, map[string]string{
		"number": "1234/VPCP-KGVX", "doc_type": "Công văn", "issuer": "VĂN PHÒNG CHÍNH PHỦ",
		"issued_date": "2019-02-25", "place": "Hà Nội", "subject": "V/v tăng cường công tác phòng chống dịch bệnh trên đàn gia súc",
		"signer": "Nguyễn Cao Sơn", "signer_title": "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM",
	}},
	{"the National Assembly's law of 2011, passed on the day its last sentence names", []string{
		"LB|QUỐC HỘI|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB||Độc lập - Tự do - Hạnh phúc",
		"L|Luật số: 01/2011/QH13|",
		"",
		"CB|LUẬT",
		"CB|LƯU TRỮ",
		"Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;",
		"Quốc hội ban hành Luật lưu trữ.",
		"Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp",
		"thứ 2 thông qua ngày 11 tháng 11 năm 2011.",
		"",
		"L||CHỦ TỊCH QUỐC HỘI",
		"LB||Nguyễn Sinh Hùng",
	}, map[string]string{
		"number": "01/2011/QH13", "doc_type": "Luật", "issuer": "QUỐC HỘI",
		"issued_date": "2011-11-11", "subject": "LƯU TRỮ",
		"signer": "Nguyễn Sinh Hùng", "signer_title": "CHỦ TỊCH QUỐC HỘI",
	}},
	{"tax department's công văn, whose issuing code is a type's (CT)", []string{
		"L|TỔNG CỤC THUẾ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|CỤC THUẾ TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 1234/CT-TTHT|Bình An, ngày 16 tháng 8 năm 2022",
		"L|V/v chính sách thuế giá trị gia tăng|",
		"",
		"CB|Kính gửi: Công ty TNHH Xây dựng Phú Tài.",
		"Cục Thuế tỉnh Bình An nhận được văn bản số 15/CV-PT ngày 02/8/2022 của Công ty.",
		"",
		"LB|Nơi nhận:|KT. CỤC TRƯỞNG",
		"L|- Như trên;|PHÓ CỤC TRƯỞNG",
		"L|- Lưu: VT, TTHT.|",
		"LB||Trần Văn Lâm",
	}, map[string]string{
		"number": "1234/CT-TTHT", "doc_type": "Công văn", "issuer": "CỤC THUẾ TỈNH BÌNH AN", "parent_body": "TỔNG CỤC THUẾ",
		"issued_date": "2022-08-16", "place": "Bình An", "subject": "V/v chính sách thuế giá trị gia tăng",
		"signer": "Trần Văn Lâm", "signer_title": "KT. CỤC TRƯỞNG / PHÓ CỤC TRƯỞNG",
	}},
	{"department's công văn received, the stamp under its trích yếu", []string{
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ TÀI CHÍNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 2215/STC-QLNS|Bình An, ngày 14 tháng 6 năm 2019",
		"L|V/v lập dự toán ngân sách năm 2020|",
		"", "", "", "", "",
		"CB|Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.",
		"Thực hiện Thông tư số 38/2019/TT-BTC ngày 28/6/2019 của Bộ Tài chính,",
		"",
		"LB|Nơi nhận:|KT. GIÁM ĐỐC",
		"L|- Như trên;|PHÓ GIÁM ĐỐC",
		"L|- Lưu: VT, QLNS.|",
		"LB||Trần Thị Mai",
	}, map[string]string{
		"number": "2215/STC-QLNS", "doc_type": "Công văn", "issuer": "SỞ TÀI CHÍNH", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2019-06-14", "place": "Bình An", "subject": "V/v lập dự toán ngân sách năm 2020",
		"signer": "Trần Thị Mai", "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
	}},
	{"district's Quyết định received, the stamp beside its heading", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|HUYỆN BÌNH SƠN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 4567/QĐ-UBND|Bình Sơn, ngày 22 tháng 10 năm 2014",
		"", "", "",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc thành lập Hội đồng thi đua",
		"Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Thành lập Hội đồng thi đua khen thưởng huyện.",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- Như Điều 3;|CHỦ TỊCH",
		"L|- Lưu: VT.|",
		"LB||Phạm Văn Minh",
	}, map[string]string{
		"number": "4567/QĐ-UBND", "doc_type": "Quyết định", "issuer": "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN",
		"issued_date": "2014-10-22", "place": "Bình Sơn", "subject": "Về việc thành lập Hội đồng thi đua",
		"signer": "Phạm Văn Minh", "signer_title": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
	}},
	{"department's công văn received by fax, the fax's line of plain letters over it", []string{
		"12/03/2019 10:23   FAX 0255 3822 123   UBND TINH BINH AN   P.001/002",
		"",
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NỘI VỤ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 315/SNV-CCVC|Bình An, ngày 11 tháng 3 năm 2019",
		"L|V/v báo cáo số lượng công chức|",
		"",
		"CB|Kính gửi: Các sở, ban, ngành tỉnh.",
		"Thực hiện Công văn số 1200/BNV-CCVC ngày 05/3/2019 của Bộ Nội vụ,",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, CCVC.|",
		"LB||Lê Văn Hòa",
	}, map[string]string{
		"number": "315/SNV-CCVC", "doc_type": "Công văn", "issuer": "SỞ NỘI VỤ", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2019-03-11", "place": "Bình An", "subject": "V/v báo cáo số lượng công chức",
		"signer": "Lê Văn Hòa", "signer_title": "GIÁM ĐỐC",
	}},
	{"health department's Kế hoạch stamped MẬT and KHẨN in red", []string{
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ Y TẾ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 87/KH-SYT|Bình An, ngày 14 tháng 02 năm 2019",
		"", "", "", "",
		"CB|KẾ HOẠCH",
		"CB|Phòng, chống dịch bệnh năm 2019",
		"I. MỤC ĐÍCH, YÊU CẦU",
		"Chủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong.",
		"",
		"LB|Nơi nhận:|KT. GIÁM ĐỐC",
		"L|- UBND tỉnh (để b/c);|PHÓ GIÁM ĐỐC",
		"L|- Lưu: VT, NVY.|",
		"LB||Lê Thị Hồng Nhung",
	}, map[string]string{
		"number": "87/KH-SYT", "doc_type": "Kế hoạch", "issuer": "SỞ Y TẾ", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2019-02-14", "place": "Bình An", "subject": "Phòng, chống dịch bệnh năm 2019",
		"signer": "Lê Thị Hồng Nhung", "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
		"urgency": "Khẩn", "confidentiality": "Mật",
	}},
	{"university's Quyết định, signed by a professor", []string{
		"L|BỘ GIÁO DỤC VÀ ĐÀO TẠO|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TRƯỜNG ĐẠI HỌC BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 215/QĐ-ĐHBA|Bình An, ngày 20 tháng 5 năm 2019",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc ban hành Quy chế đào tạo trình độ đại học",
		"CB|HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC BÌNH AN",
		"Căn cứ Quyết định số 1023/QĐ-TTg ngày 12 tháng 7 năm 2010 của Thủ tướng Chính phủ;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Ban hành kèm theo Quyết định này Quy chế đào tạo trình độ đại học.",
		"",
		"LB|Nơi nhận:|HIỆU TRƯỞNG",
		"L|- Như Điều 3;|",
		"L|- Lưu: VT, ĐT.|",
		"LB||PGS.TS. Lê Văn Hùng",
	}, map[string]string{
		"number": "215/QĐ-ĐHBA", "doc_type": "Quyết định", "issuer": "TRƯỜNG ĐẠI HỌC BÌNH AN", "parent_body": "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
		"issued_date": "2019-05-20", "place": "Bình An", "subject": "Về việc ban hành Quy chế đào tạo trình độ đại học",
		"signer": "Lê Văn Hùng", "signer_title": "HIỆU TRƯỞNG",
	}},
	{"hospital's Tờ trình, signed by a specialist doctor", []string{
		"L|SỞ Y TẾ BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|BỆNH VIỆN ĐA KHOA TỈNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 77/TTr-BVĐK|Bình An, ngày 19 tháng 9 năm 2018",
		"",
		"CB|TỜ TRÌNH",
		"CB|Về việc mua sắm trang thiết bị y tế năm 2018",
		"CB|Kính gửi: Sở Y tế tỉnh Bình An.",
		"Căn cứ Thông tư số 58/2016/TT-BTC ngày 29 tháng 3 năm 2016 của Bộ Tài chính;",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, TCKT.|",
		"LB||BS.CKII. Phan Văn Long",
	}, map[string]string{
		"number": "77/TTr-BVĐK", "doc_type": "Tờ trình", "issuer": "BỆNH VIỆN ĐA KHOA TỈNH", "parent_body": "SỞ Y TẾ BÌNH AN",
		"issued_date": "2018-09-19", "place": "Bình An", "subject": "Về việc mua sắm trang thiết bị y tế năm 2018",
		"signer": "Phan Văn Long", "signer_title": "GIÁM ĐỐC",
	}},
	{"department's Giấy mời, its body close under the trích yếu", []string{
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NỘI VỤ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 112/GM-SNV|Bình An, ngày 04 tháng 3 năm 2022",
		"",
		"CB|GIẤY MỜI",
		"CB|Dự hội nghị tổng kết công tác cải cách hành chính năm 2021",
		"Sở Nội vụ trân trọng kính mời đại diện lãnh đạo các sở, ban, ngành.",
		"Thời gian: 08 giờ 00, ngày 15 tháng 3 năm 2022.",
		"Địa điểm: Hội trường Sở Nội vụ.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như thành phần mời;|",
		"L|- Lưu: VT, CCHC.|",
		"LB||Lê Thị Hồng",
	}, map[string]string{
		"number": "112/GM-SNV", "doc_type": "Giấy mời", "issuer": "SỞ NỘI VỤ", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2022-03-04", "place": "Bình An", "subject": "Dự hội nghị tổng kết công tác cải cách hành chính năm 2021",
		"signer": "Lê Thị Hồng", "signer_title": "GIÁM ĐỐC",
	}},
	{"state corporation's công văn, its names in two lines each", []string{
		"L|TẬP ĐOÀN ĐIỆN LỰC|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"L|VIỆT NAM|Độc lập - Tự do - Hạnh phúc",
		"LB|TỔNG CÔNG TY|",
		"LB|ĐIỆN LỰC MIỀN TRUNG|",
		"L|Số: 3456/EVNCPC-KD|Đà Nẵng, ngày 11 tháng 6 năm 2020",
		"L|V/v điều chỉnh giá bán lẻ điện|",
		"",
		"CB|Kính gửi: Các Công ty Điện lực trực thuộc.",
		"Căn cứ Quyết định số 648/QĐ-BCT ngày 20 tháng 3 năm 2019 của Bộ Công Thương,",
		"",
		"LB|Nơi nhận:|KT. TỔNG GIÁM ĐỐC",
		"L|- Như trên;|PHÓ TỔNG GIÁM ĐỐC",
		"L|- Lưu: VT, KD.|",
		"LB||Trần Đình Hòa",
	}, map[string]string{
		"number": "3456/EVNCPC-KD", "doc_type": "Công văn", "issuer": "TỔNG CÔNG TY ĐIỆN LỰC MIỀN TRUNG", "parent_body": "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM",
		"issued_date": "2020-06-11", "place": "Đà Nẵng", "subject": "V/v điều chỉnh giá bán lẻ điện",
		"signer": "Trần Đình Hòa", "signer_title": "KT. TỔNG GIÁM ĐỐC / PHÓ TỔNG GIÁM ĐỐC",
	}},
	{"ministry's Thông tư, its name broken after its dash", []string{
		"LB|BỘ LAO ĐỘNG -|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|THƯƠNG BINH VÀ XÃ HỘI|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 10/2020/TT-BLĐTBXH|Hà Nội, ngày 12 tháng 11 năm 2020",
		"",
		"CB|THÔNG TƯ",
		"CB|Quy định chi tiết một số điều của Bộ luật Lao động",
		"Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;",
		"Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành Thông tư.",
		"",
		"LB|Nơi nhận:|BỘ TRƯỞNG",
		"L|- Văn phòng Chính phủ;|",
		"L|- Lưu: VT, PC.|",
		"LB||Đào Văn Dũng",
	}, map[string]string{
		"number": "10/2020/TT-BLĐTBXH", "doc_type": "Thông tư", "issuer": "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
		"issued_date": "2020-11-12", "place": "Hà Nội", "subject": "Quy định chi tiết một số điều của Bộ luật Lao động",
		"signer": "Đào Văn Dũng", "signer_title": "BỘ TRƯỞNG",
	}},
	{"city department's công văn, signed by its acting head", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"L|THÀNH PHỐ HỒ CHÍ MINH|Độc lập - Tự do - Hạnh phúc",
		"LB|SỞ GIÁO DỤC VÀ ĐÀO TẠO|",
		"L|Số: 1502/SGDĐT-VP|Thành phố Hồ Chí Minh, ngày 03 tháng 4 năm 2023",
		"L|V/v tổ chức ngày hội đọc sách năm 2023|",
		"",
		"CB|Kính gửi: Hiệu trưởng các trường trung học phổ thông.",
		"Thực hiện Kế hoạch số 85/KH-UBND ngày 10 tháng 01 năm 2023 của Ủy ban nhân dân Thành phố,",
		"",
		"LB|Nơi nhận:|Q. GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, VP.|",
		"LB||Nguyễn Bảo Quốc",
	}, map[string]string{
		"number": "1502/SGDĐT-VP", "doc_type": "Công văn", "issuer": "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "parent_body": "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
		"issued_date": "2023-04-03", "place": "Thành phố Hồ Chí Minh", "subject": "V/v tổ chức ngày hội đọc sách năm 2023",
		"signer": "Nguyễn Bảo Quốc", "signer_title": "Q. GIÁM ĐỐC",
	}},
	{"Prime Minister's Quyết định, signed by a deputy", []string{
		"L|THỦ TƯỚNG CHÍNH PHỦ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB||Độc lập - Tự do - Hạnh phúc",
		"L|Số: 1234/QĐ-TTg|Hà Nội, ngày 08 tháng 8 năm 2017",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Phê duyệt Đề án phát triển du lịch tỉnh Bình An",
		"CB|THỦ TƯỚNG CHÍNH PHỦ",
		"Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Phê duyệt Đề án phát triển du lịch tỉnh Bình An đến năm 2025.",
		"",
		"LB|Nơi nhận:|KT. THỦ TƯỚNG",
		"L|- Ban Bí thư Trung ương Đảng;|PHÓ THỦ TƯỚNG",
		"L|- Lưu: VT, KGVX (2b).|",
		"LB||Vũ Văn Đạm",
	}, map[string]string{
		"number": "1234/QĐ-TTg", "doc_type": "Quyết định", "issuer": "THỦ TƯỚNG CHÍNH PHỦ",
		"issued_date": "2017-08-08", "place": "Hà Nội", "subject": "Phê duyệt Đề án phát triển du lịch tỉnh Bình An",
		"signer": "Vũ Văn Đạm", "signer_title": "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG",
	}},
	{"commune's Quyết định under its district, signed by the acting chair", []string{
		"L|UBND HUYỆN BÌNH SƠN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|UBND XÃ BÌNH HẢI|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 27/QĐ-UBND|Bình Hải, ngày 02 tháng 02 năm 2015",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc hỗ trợ kinh phí sửa chữa nhà văn hóa thôn",
		"CB|ỦY BAN NHÂN DÂN XÃ BÌNH HẢI",
		"Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Hỗ trợ kinh phí sửa chữa nhà văn hóa thôn Tân Hy.",
		"",
		"LB|Nơi nhận:|TM. ỦY BAN NHÂN DÂN",
		"L|- Như Điều 3;|Q. CHỦ TỊCH",
		"L|- Lưu: VT.|",
		"LB||Đỗ Văn Tài",
	}, map[string]string{
		"number": "27/QĐ-UBND", "doc_type": "Quyết định", "issuer": "UBND XÃ BÌNH HẢI", "parent_body": "UBND HUYỆN BÌNH SƠN",
		"issued_date": "2015-02-02", "place": "Bình Hải", "subject": "Về việc hỗ trợ kinh phí sửa chữa nhà văn hóa thôn",
		"signer": "Đỗ Văn Tài", "signer_title": "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH",
	}},
	{"provincial inspectorate's Kết luận thanh tra", []string{
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|THANH TRA TỈNH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 12/KL-TTr|Bình An, ngày 28 tháng 12 năm 2016",
		"",
		"CB|KẾT LUẬN THANH TRA",
		"CB|Về việc quản lý, sử dụng đất đai tại huyện Bình Sơn",
		"Thực hiện Quyết định số 89/QĐ-TTr ngày 15 tháng 8 năm 2016 của Chánh Thanh tra tỉnh,",
		"",
		"LB|Nơi nhận:|CHÁNH THANH TRA",
		"L|- UBND tỉnh (b/c);|",
		"L|- Lưu: VT, hồ sơ.|",
		"LB||Nguyễn Văn Sơn",
	}, map[string]string{
		"number": "12/KL-TTr", "doc_type": "Kết luận", "issuer": "THANH TRA TỈNH", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2016-12-28", "place": "Bình An", "subject": "Về việc quản lý, sử dụng đất đai tại huyện Bình Sơn",
		"signer": "Nguyễn Văn Sơn", "signer_title": "CHÁNH THANH TRA",
	}},
	{"chair's Quyết định of 2012, numbered QĐ-CT, its day one figure", []string{
		"L|ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TỈNH BÌNH AN|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 456/QĐ-CT|Bình An, ngày 7 tháng 5 năm 2012",
		"",
		"CB|QUYẾT ĐỊNH",
		"CB|Về việc khen thưởng thành tích phòng chống lụt bão",
		"CB|CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
		"Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;",
		"CB|QUYẾT ĐỊNH:",
		"Điều 1. Tặng Bằng khen cho 12 tập thể có thành tích xuất sắc.",
		"",
		"LB|Nơi nhận:|CHỦ TỊCH",
		"L|- Như Điều 3;|",
		"L|- Lưu: VT, TĐKT.|",
		"LB||Lê Quang Thích",
	}, map[string]string{
		"number": "456/QĐ-CT", "doc_type": "Quyết định", "issuer": "ỦY BAN NHÂN DÂN TỈNH BÌNH AN",
		"issued_date": "2012-05-07", "place": "Bình An", "subject": "Về việc khen thưởng thành tích phòng chống lụt bão",
		"signer": "Lê Quang Thích", "signer_title": "CHỦ TỊCH",
	}},
	{"commune council's Nghị quyết, its term and sitting under the trích yếu", []string{
		"L|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|XÃ BÌNH HẢI|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 08/NQ-HĐND|Bình Hải, ngày 20 tháng 7 năm 2018",
		"",
		"CB|NGHỊ QUYẾT",
		"CB|Về dự toán ngân sách xã năm 2019",
		"CB|HỘI ĐỒNG NHÂN DÂN XÃ BÌNH HẢI",
		"CB|KHÓA XX, KỲ HỌP THỨ 6",
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
		"CB|QUYẾT NGHỊ:",
		"Điều 1. Thông qua dự toán ngân sách xã năm 2019.",
		"",
		"LB|Nơi nhận:|CHỦ TỊCH",
		"L|- TT HĐND huyện;|",
		"L|- Lưu: VT.|",
		"LB||Phạm Thị Lan",
	}, map[string]string{
		"number": "08/NQ-HĐND", "doc_type": "Nghị quyết", "issuer": "HỘI ĐỒNG NHÂN DÂN XÃ BÌNH HẢI",
		"issued_date": "2018-07-20", "place": "Bình Hải", "subject": "Về dự toán ngân sách xã năm 2019",
		"signer": "Phạm Thị Lan", "signer_title": "CHỦ TỊCH",
	}},
	{"district health centre's Báo cáo, its name on two lines under its department", []string{
		"L|SỞ Y TẾ BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|TRUNG TÂM Y TẾ|Độc lập - Tự do - Hạnh phúc",
		"LB|HUYỆN BÌNH SƠN|",
		"L|Số: 234/BC-TTYT|Bình Sơn, ngày 30 tháng 6 năm 2021",
		"",
		"CB|BÁO CÁO",
		"CB|Công tác phòng, chống dịch COVID-19 sáu tháng đầu năm 2021",
		"I. TÌNH HÌNH DỊCH BỆNH",
		"Trong sáu tháng đầu năm, trên địa bàn huyện ghi nhận 15 ca mắc.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Sở Y tế (b/c);|",
		"L|- Lưu: VT, KHNV.|",
		"LB||Huỳnh Tấn Phát",
	}, map[string]string{
		"number": "234/BC-TTYT", "doc_type": "Báo cáo", "issuer": "TRUNG TÂM Y TẾ HUYỆN BÌNH SƠN", "parent_body": "SỞ Y TẾ BÌNH AN",
		"issued_date": "2021-06-30", "place": "Bình Sơn", "subject": "Công tác phòng, chống dịch COVID-19 sáu tháng đầu năm 2021",
		"signer": "Huỳnh Tấn Phát", "signer_title": "GIÁM ĐỐC",
	}},
	{"department's công văn, Về việc under its number, signed by the head of a unit", []string{
		"L|UBND TỈNH BÌNH ĐỊNH|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NỘI VỤ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 678/SNV-TCCB|Bình Định, ngày 14 tháng 8 năm 2019",
		"L|Về việc cử công chức tham gia|",
		"L|lớp bồi dưỡng quản lý nhà nước|",
		"",
		"CB|Kính gửi: Các phòng, đơn vị thuộc Sở.",
		"Thực hiện Kế hoạch số 56/KH-SNV ngày 05 tháng 8 năm 2019 của Sở Nội vụ,",
		"",
		"LB|Nơi nhận:|TL. GIÁM ĐỐC",
		"L|- Như trên;|TRƯỞNG PHÒNG",
		"LB|- Lưu: VT, TCCB.|TỔ CHỨC CÁN BỘ",
		"",
		"LB||Tôn Nữ Thị Ninh",
	}, map[string]string{
		"number": "678/SNV-TCCB", "doc_type": "Công văn", "issuer": "SỞ NỘI VỤ", "parent_body": "UBND TỈNH BÌNH ĐỊNH",
		"issued_date": "2019-08-14", "place": "Bình Định", "subject": "Về việc cử công chức tham gia lớp bồi dưỡng quản lý nhà nước",
		"signer": "Tôn Nữ Thị Ninh", "signer_title": "TL. GIÁM ĐỐC / TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ",
	}},
	{"ethnic committee's công văn, signed by an Ê Đê deputy", []string{
		"L|UBND TỈNH ĐẮK LẮK|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|BAN DÂN TỘC|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 145/BDT-CSDT|Đắk Lắk, ngày 22 tháng 4 năm 2022",
		"L|V/v triển khai chính sách đối với|",
		"L|người có uy tín năm 2022|",
		"",
		"CB|Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.",
		"Thực hiện Quyết định số 12/2018/QĐ-TTg ngày 06 tháng 3 năm 2018 của Thủ tướng Chính phủ,",
		"",
		"LB|Nơi nhận:|KT. TRƯỞNG BAN",
		"L|- Như trên;|PHÓ TRƯỞNG BAN",
		"L|- Lưu: VT, CSDT.|",
		"LB||Y Giang Gry Niê Knơng",
	}, map[string]string{
		"number": "145/BDT-CSDT", "doc_type": "Công văn", "issuer": "BAN DÂN TỘC", "parent_body": "UBND TỈNH ĐẮK LẮK",
		"issued_date": "2022-04-22", "place": "Đắk Lắk", "subject": "V/v triển khai chính sách đối với người có uy tín năm 2022",
		"signer": "Y Giang Gry Niê Knơng", "signer_title": "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN",
	}},
	{"health department's công văn, signed by an Ê Đê woman", []string{
		"L|UBND TỈNH ĐẮK NÔNG|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ Y TẾ|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 2150/SYT-NVY|Đắk Nông, ngày 15 tháng 9 năm 2021",
		"L|V/v tăng cường phòng, chống dịch|",
		"",
		"CB|Kính gửi: Các đơn vị y tế trực thuộc.",
		"Thực hiện Công điện số 05/CĐ-UBND ngày 10 tháng 9 năm 2021 của Ủy ban nhân dân tỉnh,",
		"",
		"LB|Nơi nhận:|KT. GIÁM ĐỐC",
		"L|- Như trên;|PHÓ GIÁM ĐỐC",
		"L|- Lưu: VT, NVY.|",
		"LB||H' Yim Kđoh",
	}, map[string]string{
		"number": "2150/SYT-NVY", "doc_type": "Công văn", "issuer": "SỞ Y TẾ", "parent_body": "UBND TỈNH ĐẮK NÔNG",
		"issued_date": "2021-09-15", "place": "Đắk Nông", "subject": "V/v tăng cường phòng, chống dịch",
		"signer": "H' Yim Kđoh", "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
	}},
	{"culture department's Kế hoạch, signed by a Khmer deputy", []string{
		"L|UBND TỈNH SÓC TRĂNG|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 321/KH-SVHTTDL|Sóc Trăng, ngày 3 tháng 3 năm 2023",
		"",
		"CB|KẾ HOẠCH",
		"CB|Tổ chức Lễ hội Oóc Om Bóc - Đua ghe Ngo năm 2023",
		"Căn cứ Quyết định số 1234/QĐ-UBND ngày 10 tháng 02 năm 2023 của Ủy ban nhân dân tỉnh;",
		"",
		"LB|Nơi nhận:|KT. GIÁM ĐỐC",
		"L|- UBND tỉnh (b/c);|PHÓ GIÁM ĐỐC",
		"L|- Lưu: VT, QLVH.|",
		"LB||Thạch Chanh Đa",
	}, map[string]string{
		"number": "321/KH-SVHTTDL", "doc_type": "Kế hoạch", "issuer": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "parent_body": "UBND TỈNH SÓC TRĂNG",
		"issued_date": "2023-03-03", "place": "Sóc Trăng", "subject": "Tổ chức Lễ hội Oóc Om Bóc - Đua ghe Ngo năm 2023",
		"signer": "Thạch Chanh Đa", "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
	}},
	{"labour department's Thông báo, its name broken after its dash, signed by a Jrai", []string{
		"L|UBND TỈNH GIA LAI|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ LAO ĐỘNG - THƯƠNG BINH|Độc lập - Tự do - Hạnh phúc",
		"LB|VÀ XÃ HỘI|",
		"L|Số: 88/TB-SLĐTBXH|Gia Lai, ngày 11 tháng 01 năm 2024",
		"",
		"CB|THÔNG BÁO",
		"CB|Kết quả tuyển dụng viên chức năm 2023",
		"Căn cứ Nghị định số 115/2020/NĐ-CP ngày 25 tháng 9 năm 2020 của Chính phủ;",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, TCCB.|",
		"LB||Ksor Phước Hà",
	}, map[string]string{
		"number": "88/TB-SLĐTBXH", "doc_type": "Thông báo", "issuer": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "parent_body": "UBND TỈNH GIA LAI",
		"issued_date": "2024-01-11", "place": "Gia Lai", "subject": "Kết quả tuyển dụng viên chức năm 2023",
		"signer": "Ksor Phước Hà", "signer_title": "GIÁM ĐỐC",
	}},
	{"department's công văn, Kính gửi beside its trích yếu", []string{
		"L|UBND TỈNH PHÚ YÊN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ XÂY DỰNG|Độc lập - Tự do - Hạnh phúc",
		"L|Số: 876/SXD-QLN|Phú Yên, ngày 19 tháng 4 năm 2016",
		"L|V/v báo cáo tình hình thực hiện|",
		"L|chính sách hỗ trợ nhà ở đối với|Kính gửi: Bộ Xây dựng.",
		"L|người có công với cách mạng|",
		"",
		"Thực hiện Công văn số 567/BXD-QLN ngày 01 tháng 4 năm 2016 của Bộ Xây dựng,",
		"Sở Xây dựng báo cáo như sau.",
		"",
		"LB|Nơi nhận:|GIÁM ĐỐC",
		"L|- Như trên;|",
		"L|- Lưu: VT, QLN.|",
		"LB||Nguyễn Văn Sơn",
	}, map[string]string{
		"number": "876/SXD-QLN", "doc_type": "Công văn", "issuer": "SỞ XÂY DỰNG", "parent_body": "UBND TỈNH PHÚ YÊN",
		"issued_date": "2016-04-19", "place": "Phú Yên", "subject": "V/v báo cáo tình hình thực hiện chính sách hỗ trợ nhà ở đối với người có công với cách mạng",
		"signer": "Nguyễn Văn Sơn", "signer_title": "GIÁM ĐỐC",
	}},
	{"ministry's Thông tư as the Công báo prints it, the gazette's running head, part and body over its header", []string{
		"L|CÔNG BÁO/Số 205 + 206/Ngày 15-3-2020|3",
		"CB|PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT",
		"CB|BỘ NỘI VỤ",
		"",
		"LB|BỘ NỘI VỤ|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"L||Độc lập - Tự do - Hạnh phúc",
		"L|Số: 02/2020/TT-BNV|Hà Nội, ngày 14 tháng 02 năm 2020",
		"",
		"CB|THÔNG TƯ",
		"CB|Quy định chế độ báo cáo thống kê ngành Nội vụ",
		"Căn cứ Nghị định số 34/2017/NĐ-CP ngày 03 tháng 4 năm 2017 của Chính phủ;",
		"Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chế độ báo cáo thống kê ngành Nội vụ.",
		"",
		"LB|Nơi nhận:|KT. BỘ TRƯỞNG",
		"L|- Văn phòng Chính phủ;|THỨ TRƯỞNG",
		"L|- Công báo;|",
		"L|- Lưu: VT, KHTC.|(Đã ký)",
		"LB||Trần Anh Tuấn",
	}, map[string]string{
		"number": "02/2020/TT-BNV", "doc_type": "Thông tư", "issuer": "BỘ NỘI VỤ",
		"issued_date": "2020-02-14", "place": "Hà Nội", "subject": "Quy định chế độ báo cáo thống kê ngành Nội vụ",
		"signer": "Trần Anh Tuấn", "signer_title": "KT. BỘ TRƯỞNG / THỨ TRƯỞNG",
	}},
	{"agriculture department's công văn, its code with & for và", []string{
		"L|UBND TỈNH BÌNH AN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"LB|SỞ NÔNG NGHIỆP VÀ|Độc lập - Tự do - Hạnh phúc",
		"LB|PHÁT TRIỂN NÔNG THÔN|",
		"L|Số: 456/SNN&PTNT-KHTC|Bình An, ngày 12 tháng 5 năm 2017",
		"L|V/v báo cáo tiến độ giải ngân vốn|",
		"L|đầu tư công năm 2017|",
		"",
		"CB|Kính gửi: Sở Kế hoạch và Đầu tư.",
		"Thực hiện Công văn số 1020/SKHĐT-TH ngày 03/5/2017 của Sở Kế hoạch và Đầu tư,",
		"",
		"LB|Nơi nhận:|KT. GIÁM ĐỐC",
		"L|- Như trên;|PHÓ GIÁM ĐỐC",
		"L|- Lưu: VT, KHTC.|",
		"LB||Trương Văn Lộc",
	}, map[string]string{
		"number": "456/SNN&PTNT-KHTC", "doc_type": "Công văn", "issuer": "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "parent_body": "UBND TỈNH BÌNH AN",
		"issued_date": "2017-05-12", "place": "Bình An", "subject": "V/v báo cáo tiến độ giải ngân vốn đầu tư công năm 2017",
		"signer": "Trương Văn Lộc", "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
	}},
}

// marked are the kinds stamped with marks of secrecy and urgency in red
// (the red dropout takes them off the page Tesseract reads), each with
// where the baselines of the marks' text start: under the number, one
// under the other, as NĐ 30 sets them.
var marked = map[string][]struct {
	text string
	at   image.Point
}{
	"health department's Kế hoạch stamped MẬT and KHẨN in red": {{"MẬT", image.Point{560, 470}}, {"KHẨN", image.Point{540, 630}}},
}

// received are the kinds a receiving office has stamped ĐẾN (NĐ 30, Phụ
// lục IV), each with where the stamp's top left is: in the space under a
// công văn's trích yếu, or under the date beside the heading.
var received = map[string]image.Point{
	"department's công văn received, the stamp under its trích yếu": {180, 480},
	"district's Quyết định received, the stamp beside its heading":  {1780, 390},
}

// receivedStamp is what the receiving office's stamp holds, the number
// and the day written in.
var receivedStamp = []string{"SỞ TÀI CHÍNH", "ĐẾN  Số: 3382", "Ngày: 17/6/19", "Chuyển: QLNS"}

// kindFields are the fields kinds transcribe.
var kindFields = []string{"number", "doc_type", "issuer", "parent_body", "issued_date", "place", "subject", "signer", "signer_title", "urgency", "confidentiality"}

// kindScans are the ways the kinds are scanned: each with the per-field
// counts (of len(kinds)) the code reaches and the most fields it gets
// wrong without flagging them for review. Tesseract reads the bold "mức
// chi hỗ trợ" of the Nghị quyết's trích yếu as "mức chỉ", a possible
// syllable, which the compound mức chi puts right (dict.RepairCompound).
// It reads the school's code THPTLN1 as THPTLNI1: no abbreviation of the
// school's name has the I (issuerCodeFits), so the doubled stroke is
// taken out and the number flagged. It reads the corporation's bold ĐIỆN
// LỰC MIỀN as ĐIỆN LỤC MIẾN, put right by the compounds of agencies'
// names. In 1 bit it reads the chair's number 456/QĐ-CT as 156 (flagged:
// CT, the chair's code of the years before 2015, abbreviates no name in
// the header), and the ethnic committee's "đối với" as "dõi với", not
// flagged: đối với is no compound of the list, its letters being those of
// "đi đôi với" and "trao đổi với" too.
var kindScans = []scanning{
	{"300 dpi", 300, jpegImage, map[string]int{
		"number": 44, "doc_type": 44, "issuer": 44, "parent_body": 44, "issued_date": 44, "place": 44,
		"subject": 44, "signer": 44, "signer_title": 44, "urgency": 44, "confidentiality": 44,
	}, 0},
	{"200 dpi 1 bit", 200, bilevelImage, map[string]int{
		"number": 43, "doc_type": 44, "issuer": 44, "parent_body": 44, "issued_date": 44, "place": 44,
		"subject": 43, "signer": 44, "signer_title": 44, "urgency": 44, "confidentiality": 44,
	}, 1},
}

// TestOtherKindsOfDocuments reads, through the whole pipeline, documents
// of other agencies, eras and types than the real twelve, in the forms the
// rules of the format allow: a Party committee's and the Youth Union's
// (their name for the Quốc hiệu, the type before the slash), a ministry's
// Thông tư of 2011 and a council's Nghị quyết (the year in the number), a
// body under an abbreviated parent, a Biên bản without Nơi nhận, a Công
// điện marked Hỏa tốc, a name and a trích yếu on two lines, a body set
// close under the trích yếu, a city's date line long enough to run into
// the number, a police department's secret công văn signed with a rank, a
// school under its department, a provincial office's công văn with its
// number spaced out and three lines of role, a copy whose copying
// office's block stands under the original's signature, the Government
// Office's công văn signed for its head, a minister (two offices on one
// line), a law, whose number's label names it and whose date is in its
// last sentence, and a tax department's công văn, whose issuing code (CT)
// is also Chỉ thị's, two documents a receiving office stamped ĐẾN, one
// it received by fax, one stamped MẬT and KHẨN in red, a university's and
// a hospital's signed by a professor and a doctor (their titles before
// the name), a giấy mời whose body opens close under its trích yếu, a
// corporation's and a ministry's whose names break over lines (one after
// its dash), a city department's signed by its acting head, the Prime
// Minister's, a commune's under its district, an inspectorate's Kết luận
// thanh tra (its heading qualifying its type), a chair's of 2012 numbered
// QĐ-CT, a commune council's with its term and sitting, a district health
// centre's under its department, a công văn signed for the head by the
// head of a unit whose name takes a second line, and four signed by
// people of the Central Highlands and the Khmer (Y Giang Gry Niê Knơng,
// H' Yim Kđoh, Ksor Phước Hà, Thạch Chanh Đa), and a công văn whose
// Kính gửi stands in the right column beside its trích yếu. Each is drawn
// at 300 dpi and scanned at 300 dpi in colour and at 200 dpi in 1 bit.
func TestOtherKindsOfDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("the documents are read with OCR")
	}
	r, err := pagerender.New()
	if err != nil {
		t.Skipf("no fonts to draw the documents with: %v", err)
	}
	pages := make([]*image.RGBA, len(kinds))
	for i, k := range kinds {
		g := r.Render(k.lines)
		if at, ok := received[k.name]; ok {
			r.Stamp(g, at, receivedStamp)
		}
		pages[i] = image.NewRGBA(g.Bounds())
		if _, ok := marked[k.name]; ok {
			// On an A4 page: a stamp's letters are told from others by
			// their size against the page's.
			pages[i] = image.NewRGBA(image.Rect(0, 0, g.Bounds().Dx(), 3508))
			draw.Draw(pages[i], pages[i].Bounds(), image.White, image.Point{}, draw.Src)
		}
		draw.Draw(pages[i], g.Bounds(), g, image.Point{}, draw.Src)
		for _, m := range marked[k.name] {
			r.Mark(pages[i], m.at, m.text, color.RGBA{215, 35, 45, 255})
		}
	}
	for _, sc := range kindScans {
		t.Run(sc.name, func(t *testing.T) {
			files := map[string]string{}
			for i, k := range kinds {
				img := pages[i]
				if sc.dpi != pagerender.DPI {
					b := img.Bounds()
					img = image.NewRGBA(image.Rect(0, 0, b.Dx()*sc.dpi/pagerender.DPI, b.Dy()*sc.dpi/pagerender.DPI))
					draw.BiLinear.Scale(img, img.Bounds(), pages[i], b, draw.Src, nil)
				}
				out := filepath.Join(t.TempDir(), fmt.Sprintf("kind-%02d.pdf", i))
				if err := os.WriteFile(out, imagesPDF([]*image.RGBA{img}, sc.dpi, sc.page), 0o644); err != nil {
					t.Fatal(err)
				}
				files[out] = k.name
			}
			res, err := processFiles(files)
			if err != nil {
				t.Fatal(err)
			}
			var cases []fieldCase
			for _, k := range kinds {
				want := map[string]any{}
				for f, v := range k.want {
					want[f] = v
				}
				cases = append(cases, fieldCase{k.name, want, res[k.name]})
			}
			scoreFields(t, cases, kindFields, sc.floors, sc.unflagged)
		})
	}
}
