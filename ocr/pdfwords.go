package ocr

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
)

// pdfWords reads the words of page n (from 1) of a born-digital PDF with
// their boxes, scaled from points to the pixels of the page image (scale
// pixels per inch), so that the layout rules that read a scan's header and
// signature block read a Word file's too. It uses poppler's pdftotext,
// which also reads the text that annotations draw: the number and the day
// an e-office system stamps into the slots of "Số: …" and "ngày …".
//
// The blocks of a signature stamp ("Ký bởi: …", an e-mail address, a
// signing time) are left out: they belong neither to the header nor to
// the body.
func pdfWords(ctx context.Context, src string, n int, scale float64) ([]vanthu.Word, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	p := strconv.Itoa(n)
	cmd := exec.CommandContext(ctx, "pdftotext", "-q", "-bbox-layout", "-f", p, "-l", p, src, "-")
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return parseBBoxLayout(bytes.NewReader(out), scale/72)
}

// bboxBlock is a block of pdftotext -bbox-layout: lines of words.
type bboxBlock struct {
	Lines []struct {
		Words []bboxWord `xml:"word"`
	} `xml:"line"`
}

// parseBBoxLayout reads pdftotext's XHTML (one page) into words, with
// coordinates multiplied by k. Every line gets a number of its own, but
// for a numeral stamped over a line (see stampedInto).
func parseBBoxLayout(r io.Reader, k float64) ([]vanthu.Word, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var out []vanthu.Word
	block, line := 0, 0
	var rows []row // the lines read, with their numbers
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "block" {
			continue
		}
		var b bboxBlock
		if err := dec.DecodeElement(&b, &se); err != nil {
			return out, err
		}
		if isStamp(b) {
			continue
		}
		block++
		for _, l := range b.Lines {
			n := stampedInto(rows, l.Words)
			if n == 0 {
				line++
				n = line
				rows = append(rows, row{lineBox(l.Words), n})
			}
			for _, w := range l.Words {
				t := dict.NFC(strings.TrimSpace(w.Text))
				if t == "" {
					continue
				}
				out = append(out, splitLeaders(vanthu.Word{Text: t, X0: int(w.XMin * k), Y0: int(w.YMin * k), X1: int(w.XMax*k + 0.5), Y1: int(w.YMax*k + 0.5),
					Confidence: 100, Block: block, Line: n})...)
			}
		}
	}
}

// bboxWord is a word of pdftotext's XHTML.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// row is a line of the page read so far: its box (in points) and number.
type row struct {
	box [4]float64 // xMin, yMin, xMax, yMax
	n   int
}

func lineBox(words []bboxWord) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, w := range words {
		b = [4]float64{min(b[0], w.XMin), min(b[1], w.YMin), max(b[2], w.XMax), max(b[3], w.YMax)}
	}
	return b
}

// stampedInto returns the number of the line of rows that words (a line
// of pdftotext's) were stamped into, or 0: a numeral an e-office system
// writes into a form's slot ("Số: ………/UBND-KT", "ngày …… tháng") lies
// over the printed line's dots, and pdftotext, finding it over the line's
// words, starts a line of its own there, which may take the rest of the
// printed line with it ("12 tháng 3 năm 2024"). Such a line begins with a
// numeral, on the row of a line read before and within its width.
func stampedInto(rows []row, words []bboxWord) int {
	if len(words) == 0 || strings.Trim(words[0].Text, "0123456789") != "" {
		return 0
	}
	b := lineBox(words)
	for _, r := range rows {
		overlap := min(b[3], r.box[3]) - max(b[1], r.box[1])
		if 2*overlap >= b[3]-b[1] && b[0] >= r.box[0] && b[0] < r.box[2] {
			return r.n
		}
	}
	return 0
}

var leaderRun = regexp.MustCompile(dict.Leaders)

// splitLeaders parts w where a run of dotted leaders meets a label's
// colon or a code's slash ("Số:………", "………/UBND-KT"), each part as wide
// as its letters are in a serif type: what an e-office system stamps
// into a form's dotted slot (the number) is a word of its own, and
// stands in the slot between the parts, not after the code.
func splitLeaders(w vanthu.Word) []vanthu.Word {
	var cuts []int
	for _, r := range leaderRun.FindAllStringIndex(w.Text, -1) {
		if r[0] > 0 && w.Text[r[0]-1] == ':' {
			cuts = append(cuts, r[0])
		}
		if r[1] < len(w.Text) && w.Text[r[1]] == '/' {
			cuts = append(cuts, r[1])
		}
	}
	if cuts == nil {
		return []vanthu.Word{w}
	}
	var parts []string
	at := 0
	for _, c := range append(cuts, len(w.Text)) {
		parts = append(parts, w.Text[at:c])
		at = c
	}
	total := printWidth([]rune(w.Text))
	var out []vanthu.Word
	x := float64(w.X0)
	for _, p := range parts {
		part := w
		part.Text = p
		part.X0 = int(x)
		x += float64(w.X1-w.X0) * printWidth([]rune(p)) / total
		part.X1 = int(x)
		out = append(out, part)
	}
	out[len(out)-1].X1 = w.X1
	return out
}

// stampMarks are what a signature stamp prints and a document's own text
// does not: a signing time with its clock (12.03.2024 15:20, 2024-03-12
// 15:20 or 2024-03-12T15:20), and the stamp's labels, Ký bởi, Người ký,
// Ngày ký, Thời gian ký.
var stampMarks = regexp.MustCompile(`\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}(?:T|\s+)\d{1,2}:\d{2}|(?i:k[ýy] (?:s[ốo] )?b[ởo]i\s*:|ng[ưu][ờo]i k[ýy]\s*:|ng[àa]y k[ýy]\s*:|th[ờo]i gian k[ýy])`)

// email is an e-mail address; mailLabel the label a letterhead or a
// contact line sets before one (Email:, E-mail, Thư điện tử).
var (
	email     = regexp.MustCompile(`[\w.-]+@[\w-]+\.[\w.]+`)
	mailLabel = regexp.MustCompile(`(?i)mail|th[ưu] đi[ệe]n t[ửu]`)
)

// isStamp reports whether block b is a signature stamp's: it holds a
// stamp's mark, or it is a few short lines with an e-mail address that
// nothing labels (TRUNG TÂM CÔNG BÁO / VÀ TIN HỌC / ttcbth@…, its time
// in a block of its own). A paragraph of the body or a letterhead's line
// that gives an address (Email: vanthu@…) is the document's own.
func isStamp(b bboxBlock) bool {
	var text []string
	short := len(b.Lines) <= 5
	for _, l := range b.Lines {
		for _, w := range l.Words {
			text = append(text, w.Text)
		}
		short = short && len(l.Words) <= 5
	}
	t := dict.NFC(strings.Join(text, " "))
	if stampMarks.MatchString(t) {
		return true
	}
	return short && email.MatchString(t) && !mailLabel.MatchString(email.ReplaceAllString(t, ""))
}

// wordsText lays words out as text: one line of the page a line, its
// words from left to right (a numeral stamped into a slot comes after
// the line's print in pdftotext's order).
func wordsText(words []vanthu.Word) string {
	words = slices.Clone(words)
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].Line == words[i].Line {
			j++
		}
		slices.SortStableFunc(words[i:j], func(a, b vanthu.Word) int { return a.X0 - b.X0 })
		i = j
	}
	var b strings.Builder
	for i, w := range words {
		switch {
		case i == 0:
		case w.Line != words[i-1].Line:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// stampedNumerals returns the numerals page n of the PDF src draws over
// its content, in pixels at scale pixels per inch: on a scanned page, the
// number and the day an e-office system stamps into the slots as
// annotations when the văn thư signs the scan. pdftotext reads
// annotations; content is what MuPDF reads of the page's own content
// (visible or not), and a numeral it holds is no annotation's: a
// scanner's invisible OCR layer has its own readings of the slots, which
// are not the document's text.
func stampedNumerals(ctx context.Context, src string, n int, scale float64, content string) []vanthu.Word {
	words, err := pdfWords(ctx, src, n, scale)
	if err != nil {
		return nil
	}
	own := map[string]bool{}
	for _, f := range strings.FieldsFunc(content, func(r rune) bool { return r < '0' || r > '9' }) {
		own[f] = true
	}
	var out []vanthu.Word
	for _, w := range words {
		t := strings.Trim(w.Text, ".,;:")
		if t != "" && len(t) <= 4 && strings.Map(keepDigit, t) == t && !own[t] {
			w.Text = t
			out = append(out, w)
		}
	}
	return out
}
