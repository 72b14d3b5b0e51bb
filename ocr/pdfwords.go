package ocr

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os/exec"
	"regexp"
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
		Words []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"line"`
}

// parseBBoxLayout reads pdftotext's XHTML (one page) into words, with
// coordinates multiplied by k. Every line gets a number of its own.
func parseBBoxLayout(r io.Reader, k float64) ([]vanthu.Word, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var out []vanthu.Word
	block, line := 0, 0
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
		var text []string
		for _, l := range b.Lines {
			for _, w := range l.Words {
				text = append(text, w.Text)
			}
		}
		if isStamp(strings.Join(text, " ")) {
			continue
		}
		block++
		for _, l := range b.Lines {
			line++
			for _, w := range l.Words {
				t := dict.NFC(strings.TrimSpace(w.Text))
				if t == "" {
					continue
				}
				out = append(out, vanthu.Word{Text: t, X0: int(w.XMin * k), Y0: int(w.YMin * k), X1: int(w.XMax*k + 0.5), Y1: int(w.YMax*k + 0.5),
					Confidence: 100, Block: block, Line: line})
			}
		}
	}
}

// stampMarks are what a signature stamp prints and a document's own text
// does not: a signing time with its clock, an e-mail address, "Ký bởi".
var stampMarks = regexp.MustCompile(`\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}|[\w.-]+@[\w-]+\.[\w.]+|(?i:k[ýy] b[ởo]i\s*:|th[ờo]i gian k[ýy])`)

func isStamp(text string) bool { return stampMarks.MatchString(dict.NFC(text)) }

// wordsText lays words out as text: one line of the page a line.
func wordsText(words []vanthu.Word) string {
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
