package dict

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// compoundList holds two-syllable words of Vietnamese administrative
// writing and of the names of agencies (ĐIỆN LỰC, BỆNH VIỆN, CÔNG AN),
// written from general knowledge of the register (not taken from
// any corpus). Tesseract often reads one of their syllables with the wrong
// tone or without its hat (bổ sung → bô sung, chuyển đổi → chuyến đổi,
// một số → một sô); each misreading is still a possible syllable, so no
// syllable rule sees it, but the pair is no word of the register while the
// compound with the same letters is. Words whose letters another common
// word shares are left out: chỉ tiêu and chi tiêu, bảo hành and bạo hành,
// khoa học and khóa học, dân cư and dân cử; and đối với, whose letters "đi
// đôi với" and "trao đổi với" have.
var compoundList = strings.Fields(`
	bổ_sung sửa_đổi công_bố ban_hành chuyển_đổi thủ_tục hành_chính cải_cách quy_định quyết_định
	nghị_định thông_tư chỉ_thị tổ_chức triển_khai thực_hiện chỉ_đạo hướng_dẫn báo_cáo kế_hoạch
	ngân_sách dự_toán đầu_tư xây_dựng quản_lý nhà_nước ủy_ban nhân_dân hội_đồng chủ_tịch giám_đốc
	văn_phòng điều_chỉnh điều_động bổ_nhiệm miễn_nhiệm bãi_nhiệm từ_chức cách_chức nhiệm_kỳ
	nhiệm_vụ giải_pháp tăng_cường đẩy_mạnh nâng_cao hiệu_quả chất_lượng tình_hình kết_quả
	kết_luận thông_báo tờ_trình công_văn đề_nghị đề_xuất xem_xét phê_duyệt thẩm_định thẩm_quyền
	trách_nhiệm phối_hợp kiểm_tra kiểm_soát kiểm_toán giám_sát thanh_tra xử_lý vi_phạm khen_thưởng
	kỷ_luật thi_đua cán_bộ công_chức viên_chức lao_động bảo_hiểm xã_hội y_tế giáo_dục đào_tạo
	bồi_dưỡng tài_chính tài_sản tài_nguyên môi_trường đất_đai nông_nghiệp nông_thôn phát_triển
	kinh_tế doanh_nghiệp hợp_tác dịch_vụ công_ích viễn_thông điện_tử chữ_ký ký_số số_hóa lưu_trữ
	văn_thư tài_liệu hồ_sơ dữ_liệu cơ_sở thông_tin truyền_thông trực_tuyến điểm_cầu hội_nghị
	cuộc_họp chủ_trì tham_dự ý_kiến góp_ý dự_thảo nội_dung địa_bàn địa_phương trung_ương
	chính_phủ thủ_tướng bộ_trưởng một_số số_lượng số_điều tổng_hợp tổng_kết bảo_đảm
	đảm_bảo bảo_vệ bảo_quản cổng_thông sử_dụng tuyển_dụng phổ_biến chủ_động chủ_trương cổ_phần
	hỗ_trợ thể_thao thể_chế giải_quyết giải_ngân phản_ánh kiến_nghị cải_thiện điều_kiện khẩn_trương
	khẩn_cấp ổn_định mở_rộng nộp_thuế đổi_mới phòng_chống thiên_tai cứu_nạn cứu_hộ an_toàn an_ninh
	quốc_phòng trật_tự biên_phòng quân_sự tổ_công tổ_phó tổ_trưởng chủ_đầu đầu_mối trụ_sở
	phụ_trách phụ_lục thời_hạn thời_gian trước_đây sau_đây tiếp_nhận tiếp_tục
	ủy_quyền ủy_viên thường_trực thường_xuyên định_kỳ đột_xuất tỉnh_ủy huyện_ủy
	đảng_ủy thành_ủy tổng_cục cục_trưởng vụ_trưởng trưởng_phòng trưởng_ban phó_trưởng
	chuyển_giao chuyển_tiếp cập_nhật tải_về công_khai minh_bạch tiết_kiệm lãng_phí tham_nhũng
	khiếu_nại tố_cáo hòa_giải giải_thể sáp_nhập hợp_nhất chia_tách đơn_vị hành_vi quyền_lợi
	nghĩa_vụ chế_độ chính_sách tiền_lương phụ_cấp biên_chế vị_trí việc_làm tiêu_chuẩn
	tiêu_chí chỉ_số đánh_giá xếp_loại hoàn_thành hoàn_thiện quy_chế quy_trình
	nội_bộ danh_mục chỉ_huy dự_án đề_án chức_danh cung_cấp công_tác hoạt_động quy_hoạch sản_xuất
	chương_trình tham_gia kinh_doanh ngân_hàng cấp_bách nhân_lực hiện_trạng trọng_tâm thời_điểm
	làm_việc buổi_làm buổi_họp kỳ_họp phiên_họp dột_nát hữu_hạn thành_viên văn_bản cơ_quan
	mức_chi khoản_chi chi_tiết nhập_ngũ quân_khu tư_lệnh tuyển_quân nhân_dịp
	giao_thông vận_tải công_thương văn_hóa du_lịch nội_vụ tư_pháp ngoại_vụ dân_tộc tôn_giáo
	thương_binh liệt_sĩ công_an cảnh_sát kiểm_sát tòa_án dân_sự hình_sự bệnh_viện đa_khoa
	trung_tâm đại_học cao_đẳng trung_học tiểu_học mầm_non phổ_thông kho_bạc hải_quan thống_kê
	điện_lực thủy_lợi thủy_sản lâm_nghiệp kiểm_lâm khoáng_sản bưu_điện phát_thanh truyền_hình
	thanh_niên phụ_nữ nông_dân chiến_binh mặt_trận tổ_quốc công_đoàn liên_đoàn công_nghệ
	ngoại_giao quốc_tế dân_số gia_đình trẻ_em miền_bắc miền_trung miền_nam miền_núi
	kinh_phí thiết_bị đối_tượng công_trình nghiệm_thu đấu_thầu nhà_thầu gói_thầu bồi_thường
	thu_hồi giải_phóng mặt_bằng đăng_ký giấy_phép chứng_nhận thanh_toán quyết_toán mua_sắm
	theo_dõi thay_đổi trao_đổi căn_cứ liên_quan kịp_thời tiến_độ lãnh_đạo điều_hành tham_mưu
	đôn_đốc thống_nhất cá_nhân công_dân học_sinh giáo_viên năm_học vệ_sinh thực_phẩm dịch_bệnh
	khắc_phục hậu_quả thiệt_hại ủng_hộ bão_lũ uy_tín giảm_nghèo ứng_dụng năng_lực trình_độ kinh_nghiệm
	điều_tra khảo_sát thẩm_tra thành_phố hao_mòn khấu_hao bền_vững
	hệ_thống hợp_đồng pháp_luật tuyên_truyền vận_động nghiên_cứu đại_biểu hạ_tầng kỹ_thuật
	công_nghiệp thông_qua nhân_viên tổng_số sự_nghiệp quan_hệ khu_vực cơ_chế chi_phí giá_trị
	tiếp_dân nguồn_vốn an_sinh cố_định`)

// twinList are the words of the register left out of compoundList because
// another word of it has their letters (phân bổ and phân bố): OCR's
// misreading of one mark can make one of the other, so neither is
// respelt; but their letters read as neither (phần bố) were misread.
var twinList = strings.Fields(`
	phân_bổ phân_bố chỉ_tiêu chi_tiêu bảo_hành bạo_hành khoa_học khóa_học dân_cư dân_cử`)

// abbrevCompounds are pairs whose first word is an abbreviation, which
// the register writes as one phrase: a province's committee or council
// as its documents cite it (UBND tỉnh, never "UBND tính").
var abbrevCompounds = strings.Fields(`ubnd_tỉnh hđnd_tỉnh`)

// spellings maps the folded lower-case syllables of each word of
// compoundList, abbrevCompounds and twinList, joined by a space, to the
// ways the register spells them.
var spellings = sync.OnceValue(func() map[string][][2]string {
	m := map[string][][2]string{}
	for _, c := range slices.Concat(compoundList, abbrevCompounds, twinList) {
		a, b, _ := strings.Cut(c, "_")
		k := Fold(a) + " " + Fold(b)
		if w := [2]string{a, b}; !slices.Contains(m[k], w) {
			m[k] = append(m[k], w)
		}
	}
	return m
})

// compounds maps a compound's folded lower-case syllables, joined by a
// space, to its syllables: the keys of spellings one word alone has (a key
// two words share, as twinList's do, is dropped).
var compounds = sync.OnceValue(func() map[string][2]string {
	m := map[string][2]string{}
	for k, ws := range spellings() {
		if len(ws) == 1 {
			m[k] = ws[0]
		}
	}
	return m
})

// RepairCompound returns the two syllables a, b respelt as the compound of
// the administrative register whose letters they have, keeping each one's
// case (bô sung → bổ sung, Chuyến đổi → Chuyển đổi), and whether it
// changed them; a capital L read as I and a stop (I.ao động → Lao động)
// is put back. A pair that is already a compound (in the old or the new
// tone placement: hoà, hòa), or whose letters are those of none, is left
// as read.
func RepairCompound(a, b string) (string, string, bool) {
	la, lb := strings.ToLower(NFC(a)), strings.ToLower(NFC(b))
	if rest, ok := strings.CutPrefix(NFC(a), "I."); ok {
		// A capital L whose foot was read as a full stop (Liên đoàn
		// I.ao động): no word begins with I and a stop run into
		// small letters.
		r, _ := utf8.DecodeRuneInString(rest)
		if c, ok := compounds()[Fold("l"+rest)+" "+Fold(lb)]; ok && unicode.IsLower(r) {
			return withCase(c[0], "L"+rest), withCase(c[1], b), true
		}
	}
	c, ok := compounds()[Fold(la)+" "+Fold(lb)]
	if !ok || Canon(la) == Canon(c[0]) && Canon(lb) == Canon(c[1]) {
		return a, b, false // right already, in either tone placement (hoà giải, hòa giải)
	}
	return withCase(c[0], a), withCase(c[1], b), true
}

// commaPairs are the compounds the register writes with a comma between
// their syllables: "phòng, chống tham nhũng" (prevent and combat).
var commaPairs = map[string]bool{"phong chong": true}

// WrittenWithComma reports whether a, b, whatever their marks, are a
// compound the register writes with a comma between them (phòng, chống).
func WrittenWithComma(a, b string) bool {
	return commaPairs[strings.ToLower(Fold(NFC(a)))+" "+strings.ToLower(Fold(NFC(b)))]
}

// MisspeltCompound reports whether a, b have the letters of a two-syllable
// word of the register (see spellings) but are spelt as none of
// the words with those letters (phần bố: phân bổ, phân bố), in either tone
// placement: a mark misread. The caller sees that the pair is one word,
// not the end of one and the start of the next (văn bản | hành chính).
func MisspeltCompound(a, b string) bool {
	la, lb := strings.ToLower(NFC(a)), strings.ToLower(NFC(b))
	ws, ok := spellings()[Fold(la)+" "+Fold(lb)]
	if !ok {
		return false
	}
	for _, w := range ws {
		if Canon(la) == Canon(w[0]) && Canon(lb) == Canon(w[1]) {
			return false
		}
	}
	return true
}

// IsCompound reports whether a, b are a compound of the register as they
// are spelt (in either tone placement): văn bản, hoà giải.
func IsCompound(a, b string) bool {
	la, lb := strings.ToLower(NFC(a)), strings.ToLower(NFC(b))
	c, ok := compounds()[Fold(la)+" "+Fold(lb)]
	return ok && Canon(la) == Canon(c[0]) && Canon(lb) == Canon(c[1])
}

// withCase spells syl in the case of read: all capitals, a capital first,
// or small.
func withCase(syl, read string) string {
	r, _ := utf8.DecodeRuneInString(read)
	switch {
	case read == strings.ToUpper(read) && utf8.RuneCountInString(read) > 1:
		return strings.ToUpper(syl)
	case unicode.IsUpper(r):
		s, n := utf8.DecodeRuneInString(syl)
		return string(unicode.ToUpper(s)) + syl[n:]
	default:
		return syl
	}
}

// RepairNumberLabel respells the word before a numeral (next, as read) as
// "số" when OCR lost or bent its tone and kept its hat (sô 2269, Sỗ 15):
// a numeral cited in a text is always introduced by "số". It reports
// whether it changed a; any other word is left as read.
func RepairNumberLabel(a, next string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(next)
	switch strings.ToLower(NFC(a)) {
	case "sô", "sồ", "sỗ", "sộ":
		if unicode.IsDigit(r) {
			return withCase("số", a), true
		}
	}
	return a, false
}
