package dict

import "strings"

// IsRecipientsLabel reports whether line begins with the label "Nơi
// nhận:" that opens the list of recipients at the foot of an NĐ 30 page.
// The label is printed bold, italic and underlined, and OCR often misreads
// its first word (Với, Vơi, Mới, Nhi, Ni nhận): a first word one letter
// from "Nơi", then "nhận" and the colon, with little after it on the line,
// counts too. "tiếp nhận: 49" in a body does not.
func IsRecipientsLabel(line string) bool {
	f := strings.ToUpper(Fold(NFC(line)))
	f = strings.TrimLeft(f, " .,:;'\"`‘’“”-_|~*")
	if strings.HasPrefix(f, "NOI NHAN") {
		return true
	}
	ws := strings.Fields(f)
	if len(ws) < 2 || len(ws[0]) > 4 || !withinOne(ws[0], "NOI") {
		return false
	}
	rest, ok := strings.CutPrefix(strings.Join(ws[1:], " "), "NHAN")
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return true
	}
	if rest[0] != ':' && rest[0] != ';' {
		return false
	}
	// The list may begin on the label's row ("Nơi nhận: - Như trên;").
	rest = strings.TrimSpace(rest[1:])
	return rest == "" || rest[0] == '-' || len(strings.Fields(rest)) <= 4
}

// IsReceivedMark reports whether w, a word as read, is the mark ĐẾN of a
// receiving office's stamp (NĐ 30, Phụ lục IV), in capitals with its
// marks read or not, the punctuation at its ends aside.
func IsReceivedMark(w string) bool {
	w = strings.Trim(NFC(w), ".,:;")
	return w != "" && strings.ToUpper(w) == w && strings.ToUpper(Fold(w)) == "DEN"
}

// IsReceivedLabel reports whether w, a word as read, is the label of a
// field of that stamp other than its name: Số:, Ngày:, Chuyển:.
func IsReceivedLabel(w string) bool {
	f, ok := strings.CutSuffix(strings.ToUpper(Fold(NFC(w))), ":")
	return ok && (f == "SO" || f == "NGAY" || f == "CHUYEN")
}
