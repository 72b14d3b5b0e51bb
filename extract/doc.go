// Package extract reads the metadata of a Vietnamese administrative document
// from its recognised pages: the fields Nghị định 30/2020/NĐ-CP puts in fixed
// places (số và ký hiệu, loại văn bản, cơ quan ban hành, địa danh and ngày
// ban hành, trích yếu, người ký and chức vụ, nơi nhận, độ khẩn, độ mật).
//
// It uses the layout (package layout): OCR word boxes grouped into segments
// on each printed row and placed in the left or right column, centred, or
// across the page, so that "Số: …" (left) and "Hà Nội, ngày …" (right) on
// one row, or "Nơi nhận:" beside the signature, are read apart. It tolerates
// the OCR noise found exactly there: QD for QĐ, O for 0, l for 1, spaced
// digits in dates, capitals without marks.
//
// Nothing here is learned from particular documents: the rules come from
// the decree and the writing system, and the tables live in package dict.
package extract
