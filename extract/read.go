package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// Result is what extraction reads from a document: its metadata, the
// confidence of each field, the fields a clerk must check, and warnings.
type Result struct {
	Metadata   vanthu.Metadata
	Confidence map[string]float64
	Review     []string
	Warnings   []string
	// HeaderPage is the number of the page the header was read from: the
	// first with text (see firstPage), or the last of a file scanned last
	// page first; 0 for a file with no pages.
	HeaderPage int
}

// UnreadWarning names the pages (a list of their numbers) with ink on
// them of which OCR read no text.
const UnreadWarning = "Không đọc được chữ nào trên trang %s dù trang có nét in hoặc viết: hãy xem ảnh trang (no text read on a page with ink)"

// LeadingPagesWarning names the pages without text (a list of their
// numbers) before the page the fields are read from.
const LeadingPagesWarning = "Trang %s không có chữ: các trường được đọc từ trang %d (pages without text before the first)"

// LastFirstWarning names the page (its number) a file scanned last page
// first begins on, from which the fields are read.
const LastFirstWarning = "Các trang được quét theo thứ tự ngược, trang cuối trước: văn bản bắt đầu ở trang %d, các trường được đọc từ đó (the pages scanned last first)"

// Read extracts a document's metadata from its recognised pages, weighs it
// against the evidence of its digital signatures (sigs, none for an
// unsigned file), and lists the fields to review. A file that holds
// several documents is read for the first, with a warning naming the pages
// where the others begin; one that begins with pages without text (the
// blank backs of sheets fed face down through a duplex scanner) is read
// from the first with text (see firstPage), and one scanned last page
// first from its last (see lastFirst). Pages with ink of which OCR read
// no text, and pages passed over, are named in warnings.
func Read(pages []vanthu.Page, sigs []vanthu.Signature) Result {
	var r Result
	var unread []string
	for _, pg := range pages {
		if pg.Unread {
			unread = append(unread, fmt.Sprint(pg.Number))
		}
	}
	if len(unread) > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf(UnreadWarning, strings.Join(unread, ", ")))
	}
	if first := firstPage(pages); first > 0 {
		var blank []string
		for _, pg := range pages[:first] {
			blank = append(blank, fmt.Sprint(pg.Number))
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf(LeadingPagesWarning, strings.Join(blank, ", "), pages[first].Number))
		pages = pages[first:]
	}
	segsOf := make([][]layout.Segment, len(pages))
	for i := 1; i < len(pages); i++ {
		segsOf[i] = layout.Segments(pages[i])
	}
	starts := documentStarts(pages, segsOf)
	if lastFirst(pages, segsOf, starts) {
		pages, segsOf = slices.Clone(pages), slices.Clone(segsOf)
		slices.Reverse(pages)
		slices.Reverse(segsOf)
		r.Warnings = append(r.Warnings, fmt.Sprintf(LastFirstWarning, pages[0].Number))
		starts = nil
	}
	if len(pages) > 0 {
		r.HeaderPage = pages[0].Number
	}
	if len(starts) > 0 {
		var at []string
		for _, i := range starts {
			at = append(at, fmt.Sprint(pages[i].Number))
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("Tệp có nhiều văn bản: văn bản khác bắt đầu ở trang %s; các trường được đọc từ văn bản đầu tiên (the file holds several documents)", strings.Join(at, ", ")))
		pages, segsOf = pages[:starts[0]], segsOf[:starts[0]]
	}
	r.Metadata, r.Confidence = extractFields(pages, segsOf)
	review := map[string]bool{}
	// The signatures first: their evidence changes fields and confidences.
	for _, f := range signatureEvidence(&r.Metadata, r.Confidence, sigs, dayAlternatives(pages)) {
		review[f] = true
	}
	r.Warnings = append(r.Warnings, attachedEvidence(&r.Metadata, r.Confidence, pages, segsOf)...)
	for _, f := range Review(r.Metadata, r.Confidence) {
		review[f] = true
	}
	for _, f := range reviewOrder {
		if review[f] {
			r.Review = append(r.Review, f)
		}
	}
	return r
}

// vietnam is the time of the offices, UTC+7.
var vietnam = time.FixedZone("ICT", 7*60*60)

// CheckArrival sends the issue date to review where it is later than the
// day the document arrived at the office (arrived, in Vietnam's time): a
// document is issued before it reaches anyone, so such a date was
// misread (a year's 4 read as 9, a month's 0 as 8). A date read to its
// year or month is compared as far as it goes. A zero arrival checks
// nothing.
func (r *Result) CheckArrival(arrived time.Time) {
	d := r.Metadata.IssuedDate
	if d == "" || arrived.IsZero() || slices.Contains(r.Review, "issued_date") {
		return
	}
	day := arrived.In(vietnam).Format("2006-01-02")
	if len(d) > len(day) || d <= day[:len(d)] {
		return
	}
	if r.Confidence == nil {
		r.Confidence = map[string]float64{}
	}
	r.Confidence["issued_date"] = 0
	r.Review = append(r.Review, "issued_date")
	slices.SortStableFunc(r.Review, func(a, b string) int {
		return slices.Index(reviewOrder, a) - slices.Index(reviewOrder, b)
	})
}

// reviewOrder is the order fields are listed for review: the register's.
var reviewOrder = []string{"number", "doc_type", "issuer", "parent_body", "issued_date", "place", "subject", "signer", "signer_title", "recipients", "urgency", "confidentiality"}

// documentStarts returns the indexes of the pages after the first (each
// as its segments, segsOf) on which another document begins: a page whose
// top carries an NĐ 30 header, the Quốc hiệu or its motto together with a
// number or a date of its own (a
// "Số:" line whose slot holds a numeral or ink, or a "…, ngày … tháng …
// năm …" line with its year). A continuation page has none of these; an
// appendix (phụ lục) carries no number line; a form an appendix sets out
// (mẫu) carries the header with its slots left blank ("Số: …/QĐ-UBND",
// "…, ngày … tháng … năm 20…"), or is labelled as one ("Mẫu số 01"); and
// what the document issues under the same header (a regulation, a plan)
// says it goes "kèm theo" the document's number, with its date or with a
// date line of its own.
func documentStarts(pages []vanthu.Page, segsOf [][]layout.Segment) []int {
	var out []int
	for i := 1; i < len(pages); i++ {
		segs := segsOf[i]
		if national, form, attached := topOf(pages[i], segs); !national || form || attached {
			continue
		}
		own := false
		for j, s := range segs {
			if !nearTop(pages[i], s, j) {
				break
			}
			n, num := ownNumber(s.Text)
			_, _, date := ParseDateLine(s.Text)
			own = own || (num && (n.Numeral != "" || n.Unreadable)) || date
		}
		if own {
			out = append(out, i)
		}
	}
	return out
}

// firstPage returns the index of the page a document is read from: the
// first with text or ink (vanthu.FirstWritten), past the blank backs of
// sheets fed face down through a duplex scanner; and past pages without
// words (a seal alone, ink unread) where the first page with words
// carries the Quốc hiệu at its top, the document's header. A page
// without words before any other is read from: it may be the header,
// unread.
func firstPage(pages []vanthu.Page) int {
	first := vanthu.FirstWritten(pages)
	for i := first; i < len(pages); i++ {
		if !wordless(pages[i]) {
			if national, _, _ := topOf(pages[i], layout.Segments(pages[i])); national {
				return i
			}
			break
		}
	}
	return first
}

// wordless reports whether page p holds no text of the language: fewer
// than three syllables read (a seal alone read as marks), or none.
func wordless(p vanthu.Page) bool {
	words := strings.Fields(p.Text)
	if len(p.Words) > 0 {
		words = words[:0]
		for _, w := range p.Words {
			words = append(words, strings.Fields(w.Text)...)
		}
	}
	n := 0
	for _, w := range words {
		if dict.IsSyllable(dict.TrimSigns(w)) {
			if n++; n == 3 {
				return false
			}
		}
	}
	return true
}

// lastFirst reports whether pages (each as its segments, segsOf; the
// first's made here) were scanned last page first: the first page carries
// no Quốc hiệu at its top but a document's foot, its Nơi nhận and
// signature block; the last page carries the Quốc hiệu at its top, and is
// neither a form nor what the document issues (see documentStarts); and
// no page between begins a document (starts). The last page's number and
// day may be written by hand, unread. A file of two documents begins with
// the first one's header.
func lastFirst(pages []vanthu.Page, segsOf [][]layout.Segment, starts []int) bool {
	n := len(pages)
	if n < 2 || len(starts) > 1 || len(starts) == 1 && starts[0] != n-1 {
		return false
	}
	if segsOf[0] == nil {
		segsOf[0] = layout.Segments(pages[0])
	}
	if national, _, _ := topOf(pages[0], segsOf[0]); national {
		return false
	}
	if national, form, attached := topOf(pages[n-1], segsOf[n-1]); !national || form || attached {
		return false
	}
	_, foot := closing(beforeCopyBlock(segsOf[0]), false)
	return foot
}

// topOf reads the top third of page p (as its segments, segs): whether it
// carries the Quốc hiệu or its motto, a form's label, or the line of what
// a document issues under its header.
func topOf(p vanthu.Page, segs []layout.Segment) (national, form, attached bool) {
	for j, s := range segs {
		if !nearTop(p, s, j) {
			break
		}
		f := foldUpper(s.Text)
		national = national || isNational(s.Text)
		form = form || formLabel.MatchString(f)
		attached = attached || attachedTo.MatchString(f)
	}
	return national, form, attached
}

// attachedTo matches (folded, in capitals) the line under the title of
// what a document issues or sets out after it, under the same header: a
// regulation, a plan, an appendix "(Ban hành) kèm theo Quyết định số …",
// by the issuing document's number. A trích yếu that names a paper sent
// with it ("V/v gửi hồ sơ kèm theo Công văn số …") is no such line.
var attachedTo = regexp.MustCompile(`^\W*(BAN HANH\s+)?KEM THEO\b.*\bSO\b`)

// formLabel matches the label of a form (folded, in capitals): "Mẫu số
// 01", "(Mẫu 2a)", "Biểu mẫu số II.1".
var formLabel = regexp.MustCompile(`^\(?(BIEU )?MAU( SO)?\s*[:.]?\s*[0-9IVX]`)

// nearTop reports whether segment s (the j-th of its page) lies in the top
// third of page p: by its box, or for text without boxes by its line.
func nearTop(p vanthu.Page, s layout.Segment, j int) bool {
	if len(s.Words) == 0 || p.Height == 0 {
		return j < 12
	}
	return s.Y1 < p.Height/3
}

// dayAlternatives returns the readings of the handwritten day that its
// reader weighed (see vanthu.Word.Alternatives): those of the word with
// alternatives on the first page's date line.
func dayAlternatives(pages []vanthu.Page) []vanthu.Alternative {
	if len(pages) == 0 {
		return nil
	}
	for _, s := range layout.Segments(pages[0]) {
		if _, _, ok := ParseDateLine(s.Text); !ok {
			continue
		}
		for _, w := range s.Words {
			if len(w.Alternatives) > 0 && isDigits(w.Text) {
				return w.Alternatives
			}
		}
		return nil
	}
	return nil
}

// signatureEvidence weighs the issuer and the date against the document's
// digital signatures and returns the fields that disagree. An issuer that
// reads as a signer's organisation once marks are ignored (OCR drops them
// from large capitals) is spelt as the certificate spells it; a joint
// document's agrees with the organisation of any of its bodies. A day read
// from handwriting alone, unsure, is chosen among its reader's readings
// (days) by the signature's date too (see chooseDay). Only intact
// signatures witness: a time stamp's authority is no party to the
// document, and a signature whose bytes changed witnesses nothing.
func signatureEvidence(md *vanthu.Metadata, conf map[string]float64, sigs []vanthu.Signature, days []vanthu.Alternative) []string {
	sigs = slices.DeleteFunc(slices.Clone(sigs), func(s vanthu.Signature) bool { return s.TimeStamp || !s.Intact })
	if len(sigs) == 0 {
		return nil
	}
	var review []string
	issuer := agencyKey(md.Issuer)
	// A joint document's bodies (BỘ TÀI CHÍNH - BỘ Y TẾ) each sign it.
	var bodies []string
	if parts := strings.Split(md.Issuer, " - "); len(parts) > 1 {
		for _, p := range parts {
			bodies = append(bodies, agencyKey(p))
		}
	}
	agrees := false
	for _, s := range sigs {
		for _, name := range []string{s.Organization, s.Signer} {
			if name != "" && slices.Contains(bodies, agencyKey(name)) {
				agrees = true
				continue
			}
			if name == "" || agencyKey(name) != issuer {
				continue
			}
			agrees = true
			if up := strings.ToUpper(dict.NFC(strings.Join(strings.Fields(name), " "))); up != md.Issuer {
				md.Issuer = up
				conf["issuer"] = max(conf["issuer"], ReviewThreshold)
			}
		}
	}
	if md.Issuer != "" && !agrees {
		review = append(review, "issuer")
	}
	// A person's own signature is the signer's (người ký): it spells the
	// name a seal or a signature over it hid from OCR.
	for _, s := range sigs {
		if !dict.LooksLikeName(s.Signer) {
			continue
		}
		switch {
		case md.Signer == "":
			md.Signer = dict.NFC(s.Signer)
			conf["signer"] = ReviewThreshold
		case agencyKey(md.Signer) == agencyKey(s.Signer):
			md.Signer = dict.NFC(s.Signer)
		default:
			continue
		}
		break
	}
	// The issuing office signs on the day of issue or a few days after: a
	// date after the first signature, or long before it, is misread.
	if signed, err := time.Parse(time.RFC3339, sigs[0].SignedAt); err == nil && md.IssuedDate != "" {
		day := signed.In(vanthu.VietnamTime).Format("2006-01-02")
		switch {
		case len(md.IssuedDate) < len(day):
			if !strings.HasPrefix(day, md.IssuedDate) && !strings.HasPrefix(day[:7], md.IssuedDate) {
				review = append(review, "issued_date")
			}
		case md.IssuedDate > day:
			review = append(review, "issued_date")
		case md.IssuedDate == day:
			// The day was read (from handwriting, perhaps) as the day
			// the office signed: two witnesses agree.
			conf["issued_date"] = max(conf["issued_date"], ReviewThreshold)
		default:
			if d, err := time.Parse("2006-01-02", md.IssuedDate); err == nil && signed.Sub(d) > 60*24*time.Hour {
				review = append(review, "issued_date")
			}
		}
		// After the check above: a day chosen by the signature's date is
		// never confirmed by it.
		if conf["issued_date"] < ReviewThreshold && len(md.IssuedDate) >= len("2006-01") {
			if d, ok := chooseDay(md.IssuedDate[:7], days, day); ok && d != md.IssuedDate {
				md.IssuedDate = d
				review = append(review, "issued_date")
			}
		}
	}
	return review
}

// chooseDay returns the likeliest date in month (YYYY-MM) among the
// readings of its handwritten day, each weighed by its probability and by
// how likely the office was to sign on signed (YYYY-MM-DD) a document of
// that date (see signingLag).
func chooseDay(month string, days []vanthu.Alternative, signed string) (string, bool) {
	s, err := time.Parse("2006-01-02", signed)
	if err != nil {
		return "", false
	}
	best, score := "", 0.0
	for _, a := range days {
		d, err := strconv.Atoi(a.Text)
		if err != nil {
			continue
		}
		date := fmt.Sprintf("%s-%02d", month, d)
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			continue // no such day in the month
		}
		if v := a.P * signingLag(int(s.Sub(t).Hours()/24)); v > score {
			best, score = date, v
		}
	}
	return best, best != ""
}

// signingLag is how likely (in proportion, not a probability) the issuing
// office is to sign a document digitally lag days after its date: on the
// day or soon after, seldom weeks after, hardly ever before.
func signingLag(lag int) float64 {
	switch {
	case lag < 0:
		return 0.02
	case lag <= 60:
		return 1 / float64(1+lag)
	default:
		return 0.005
	}
}

// agencyKey is an agency's name for comparison: folded, capitals, letters
// and single spaces only.
func agencyKey(s string) string {
	f := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, foldUpper(s))
	return strings.Join(strings.Fields(f), " ")
}
