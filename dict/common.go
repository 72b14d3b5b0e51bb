package dict

import "sync"

// commonSyllables are frequent syllables of Vietnamese administrative
// writing, written from general knowledge of the register (not taken from
// any corpus). They rank the repairs of a token that cannot be a syllable
// when several repairs are equally close.
var commonSyllables = []string{
	"của", "và", "các", "có", "được", "trong", "cho", "với", "là", "người", "năm", "việt", "nam",
	"hành", "chính", "cải", "cách", "cơ", "quan", "đơn", "vị", "thực", "hiện", "quy", "định", "văn",
	"bản", "nhà", "nước", "tỉnh", "huyện", "xã", "ủy", "ban", "nhân", "dân", "sở", "nội", "vụ", "tài",
	"kế", "hoạch", "báo", "cáo", "quyết", "thông", "công", "chỉ", "thị", "hướng", "dẫn", "triển", "khai",
	"tổ", "chức", "cán", "bộ", "viên", "lưu", "trữ", "số", "hóa", "điện", "tử", "quản", "lý", "điều",
	"hồ", "sơ", "liệu", "hội", "nghị", "trực", "tuyến", "đề", "khen", "thưởng", "tổng", "kết", "phòng",
	"chống", "thiên", "tai", "cứu", "nạn", "đất", "đai", "thủy", "lợi", "giáo", "dục", "đào", "tạo",
	"tế", "môi", "trường", "nguyên", "khoa", "học", "nghệ", "tin", "truyền", "giao", "vận", "xây",
	"dựng", "kinh", "phí", "ngân", "sách", "dự", "toán", "thanh", "tra", "kiểm", "giám", "sát", "phối",
	"hợp", "chủ", "động", "nghiêm", "túc", "kịp", "thời", "hiệu", "quả", "nâng", "cao", "chất", "lượng",
	"đảm", "an", "toàn", "mật", "ký", "chuyển", "đổi", "dịch", "một", "cửa", "liên", "thủ", "tục",
	"giải", "phản", "ánh", "kiến", "doanh", "đầu", "tư", "phát", "triển", "tế", "xã", "quốc", "phòng",
	"ninh", "trật", "tự", "lao", "việc", "làm", "tuyển", "thi", "đua", "đánh", "giá", "xếp", "loại",
	"cộng", "hòa", "độc", "lập", "do", "hạnh", "phúc", "nơi", "nhận", "như", "trên", "kính", "gửi",
	"tịch", "phó", "trưởng", "đốc", "sở", "về", "theo", "này", "những", "đã", "để", "tại", "từ", "khi",
	"không", "phải", "đến", "trước", "sau", "ngày", "tháng", "đồng", "chí", "lãnh", "đạo", "đại",
	"biểu", "tham", "dự", "họp", "ý", "nội", "dung", "mục", "đích", "yêu", "cầu", "nhiệm", "giao",
	"trách", "phần", "mềm", "ứng", "dụng", "sử", "trung", "ương", "thành", "phố", "thị", "trấn",
}

var commonRank = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(commonSyllables))
	for i, s := range commonSyllables {
		if _, ok := m[s]; !ok {
			m[s] = i + 1
		}
	}
	return m
})

// CommonRank is a syllable's rank among the common ones (1 is most
// common), or 0 if it is not among them.
func CommonRank(s string) int { return commonRank()[Canon(s)] }
