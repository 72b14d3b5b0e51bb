package ocr

import (
	"image"
	"regexp"
	"slices"
	"strings"

	"github.com/otiai10/gosseract/v2"

	"github.com/vanthu/vanthu"
	"github.com/vanthu/vanthu/dict"
	"github.com/vanthu/vanthu/layout"
)

// disputedFigures reads the figures of a first page's number and date
// line again, from the page cleaned without the median filter (cl.Plain),
// and returns the boxes of the first reading's words whose figures the
// second reads otherwise, as surely as a field is taken without review.
// A figure has no dictionary to be checked against, and the strokes that
// tell one from another are the thinnest of the print: the curl that
// makes a 6 of a 0, the gap between a 3 and an 8. A 3×3 median cuts a
// stroke of a pixel or two, as a 1-bit scan at 200 dpi prints them, and
// Tesseract then reads the other figure as surely as it reads the right
// one. Where two sure readings part, the scan does not tell and the clerk
// must (unsureOf). Where they agree, where either reads no figures there
// or a different count of them, or where the second is unsure (the noise
// the filter takes away), the first reading stands.
func (w *Worker) disputedFigures(cl Cleaned, words []gosseract.BoundingBox, width, height int) []image.Rectangle {
	if cl.Plain == nil {
		return nil
	}
	plain := Cleaned{Image: cl.Plain, Scale: cl.Scale}
	var disputed []image.Rectangle
	for _, r := range figureRows(toWords(words), width, height) {
		first := figureRuns(words, r)
		if len(first) == 0 {
			continue
		}
		again := w.readRegion(plain, r, nil)
		typeCodes(words, again, r)
		second := figureRuns(again, r)
		if len(second) != len(first) {
			continue
		}
		for k := range first {
			if first[k].text != second[k].text && again[second[k].word].Confidence >= sureFigures {
				disputed = append(disputed, words[first[k].word].Box)
			}
		}
	}
	return disputed
}

// typeCodes puts into words the numbers of second (a reading of the
// part r of the page without the median filter) whose type code is one
// (45/QĐ-UBND, 10/2020/TT-BNV, 125-QĐ/HU) where the first reading's word
// under it has none. The filter cuts a stroke of a pixel or two: a faded
// print's or a 1-bit scan's T loses its bar to a 1 or an I (10/2020/1-BNV,
// 15/G1-1V), and no type is read; the filter cannot make one.
func typeCodes(words, second []gosseract.BoundingBox, r image.Rectangle) {
	for i := range words {
		if !boxCentre(words[i].Box).In(r) || !strings.Contains(words[i].Word, "/") || typeCoded(words[i].Word) {
			continue
		}
		if best := coveringMost(words[i].Box, second); best >= 0 && typeCoded(second[best].Word) {
			words[i].Word = second[best].Word
		}
	}
}

// typeCoded reports whether w is a number whose code after its numeral
// (and year) names a type of document.
func typeCoded(w string) bool {
	m := typeCodeAfter.FindStringSubmatch(w)
	if m == nil {
		return false
	}
	_, ok := dict.DocTypeByAbbrev(m[1])
	return ok
}

// typeCodeAfter matches a numeral, a year after it perhaps, and the code
// after them: the type's, in a number of NĐ 30 or of the Party's.
var typeCodeAfter = regexp.MustCompile(`^\D{0,3}\d+[/-](?:\d{4}/)?([\p{L}&]+)[-/]`)

// unsureOf caps at unsureFigures the confidence of the words of a page
// that stand where disputed figures were read (disputedFigures), so that
// the number or date they make goes to review (a field is as sure as its
// figures' least). It is applied once the page's words are final: capped
// earlier, printed figures would be taken for a slot left blank and read
// as handwriting.
func unsureOf(words []vanthu.Word, disputed []image.Rectangle) []vanthu.Word {
	for i, w := range words {
		for _, r := range disputed {
			if centre(w).In(r) && strings.ContainsAny(w.Text, "0123456789") {
				words[i].Confidence = min(w.Confidence, unsureFigures)
			}
		}
	}
	return words
}

// sureFigures is the confidence (0–100) a second reading of figures needs
// to dispute the first: that of a field taken without review.
const sureFigures = 75

// unsureFigures is the confidence (0–100) of a word whose figures the two
// readings read differently: under extract's review threshold.
const unsureFigures = 50

// figureRows are the rows of a first page that hold its number and its
// date: the first of numberRows where the page's first reading has a
// numeral before a slash or hyphen (45/QĐ-UBND, 125-QĐ/HU), and the date
// line with a margin of its print's height about it.
func figureRows(words []vanthu.Word, width, height int) []image.Rectangle {
	segs := layout.Segments(vanthu.Page{Width: width, Words: words})
	var rows []image.Rectangle
	for _, b := range rowsOfNumber(segs, width, height) {
		var text []string
		for _, w := range words {
			if centre(w).In(b.row) {
				text = append(text, w.Text)
			}
		}
		if numeralBeforeCode.MatchString(strings.Join(text, " ")) {
			rows = append(rows, b.row)
			break
		}
	}
	if d, ok := dateLine(segs, width, height); ok {
		h := printHeight(d.Words)
		rows = append(rows, image.Rect(max(0, d.X0-h), max(0, d.Y0-h/2), min(width, d.X1+h), min(height, d.Y1+h/2)))
	}
	return rows
}

// numeralBeforeCode matches a numeral and the slash or hyphen that starts
// the codes after it.
var numeralBeforeCode = regexp.MustCompile(`[0-9]\s*[/-]`)

// figureRun is a run of figures in a reading: its text and the index of
// the word it is in.
type figureRun struct {
	text string
	word int
}

// figureRuns are the runs of figures of the words whose centres lie in r,
// from left to right.
func figureRuns(words []gosseract.BoundingBox, r image.Rectangle) []figureRun {
	var in []int
	for i, b := range words {
		if boxCentre(b.Box).In(r) {
			in = append(in, i)
		}
	}
	slices.SortStableFunc(in, func(a, b int) int { return words[a].Box.Min.X - words[b].Box.Min.X })
	var runs []figureRun
	for _, i := range in {
		for _, f := range figures.FindAllString(words[i].Word, -1) {
			runs = append(runs, figureRun{f, i})
		}
	}
	return runs
}

var figures = regexp.MustCompile(`[0-9]+`)

// centre is the middle of w's box.
func centre(w vanthu.Word) image.Point { return boxCentre(image.Rect(w.X0, w.Y0, w.X1, w.Y1)) }

// boxCentre is the middle of r.
func boxCentre(r image.Rectangle) image.Point { return r.Min.Add(r.Max).Div(2) }
