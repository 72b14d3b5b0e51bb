package extract

import (
	"testing"
	"github.com/vanthu/vanthu"
)

func TestZZ(t *testing.T) {
	w := rowWords(
		row{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 450, 100, 1200, 140},
		row{"Độc lập - Tự do - Hạnh phúc", 600, 150, 1050, 186},
		row{"ỦY BAN NHÂN DÂN", 200, 260, 560, 300},
		row{"TỈNH BÌNH AN", 230, 305, 530, 345},
		row{"Số: 45/QĐ-UBND", 230, 360, 560, 396},
		row{"Bình An, ngày 15 tháng 01 năm 2025", 901, 360, 1483, 396},
		row{"QUYẾT ĐỊNH", 700, 460, 950, 496},
		row{"Về việc phê duyệt kế hoạch", 520, 510, 1130, 546},
	)
	r := Read([]vanthu.Page{{Number: 1, Width: 1654, Height: 2339, Words: w}}, nil)
	t.Logf("%+v review %v", r.Metadata, r.Review)
}
