package pagerender

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/vanthu/vanthu/internal/pdftest"
)

// PDF writes runs (see Layout) as a born-digital A4 page, as a word
// processor exports one: each run a text object in its face, embedded as
// a Type0 font of Identity-H encoding (each character's code its glyph's
// number in the font) with its widths and a ToUnicode map, so that a
// reader takes the words and their boxes from the text and draws the page
// as set.
func (r *Renderer) PDF(runs []Run) []byte {
	const pt = 72.0 / DPI
	var content strings.Builder
	glyphs := map[Style]map[sfnt.GlyphIndex]rune{}
	var b sfnt.Buffer
	for _, run := range runs {
		tf := r.typeface(run.Style)
		if glyphs[run.Style] == nil {
			glyphs[run.Style] = map[sfnt.GlyphIndex]rune{}
		}
		var hex strings.Builder
		for _, c := range run.Text {
			g, _ := tf.font.GlyphIndex(&b, c) // 0, .notdef, for none
			glyphs[run.Style][g] = c
			fmt.Fprintf(&hex, "%04X", g)
		}
		fmt.Fprintf(&content, "BT /F%d 13 Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET\n",
			run.Style, float64(run.X)*pt, float64(PageHeight-run.Y)*pt, hex.String())
	}

	// Objects: 1 catalog, 2 pages, 3 page, 4 contents, then for each face
	// its Type0 font, CIDFont, descriptor, font file and ToUnicode map.
	var fonts strings.Builder
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"", // the page, once its fonts are numbered
		stream("", []byte(content.String())),
	}
	for _, st := range slices.Sorted(maps.Keys(glyphs)) {
		tf := r.typeface(st)
		n := len(objs) + 1
		fmt.Fprintf(&fonts, "/F%d %d 0 R ", st, n)
		flags := 2 | 32 // serif, of the standard Latin characters
		if st == Italic {
			flags |= 64
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", tf.name, n+1, n+4),
			fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "+
				"/FontDescriptor %d 0 R /DW 500 /W [%s] /CIDToGIDMap /Identity >>", tf.name, n+2, tf.widths(glyphs[st])),
			fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [-200 -300 1200 1000] /ItalicAngle 0 "+
				"/Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>", tf.name, flags, n+3),
			stream(fmt.Sprintf("/Length1 %d ", len(tf.data)), tf.data),
			stream("", toUnicode(glyphs[st])),
		)
	}
	objs[2] = fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /Font << %s>> >> >>", fonts.String())
	return pdftest.Build(objs...)
}

// widths is a /W array of the advances of glyphs, in thousandths of an
// em.
func (tf *typeface) widths(glyphs map[sfnt.GlyphIndex]rune) string {
	var w strings.Builder
	var b sfnt.Buffer
	upem := int(tf.font.UnitsPerEm())
	for _, g := range slices.Sorted(maps.Keys(glyphs)) {
		if adv, err := tf.font.GlyphAdvance(&b, g, fixed.I(upem), font.HintingNone); err == nil {
			fmt.Fprintf(&w, "%d [%d] ", g, adv.Round()*1000/upem)
		}
	}
	return w.String()
}

// stream is a PDF stream object of data, compressed, with the entries of
// extra in its dictionary.
func stream(extra string, data []byte) string {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	return fmt.Sprintf("<< %s/Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", extra, z.Len(), z.Bytes())
}

// toUnicode is a ToUnicode CMap mapping each glyph's code to its
// character.
func toUnicode(glyphs map[sfnt.GlyphIndex]rune) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	gs := slices.Sorted(maps.Keys(glyphs))
	for len(gs) > 0 {
		n := min(100, len(gs))
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, g := range gs[:n] {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", g, glyphs[g])
		}
		b.WriteString("endbfchar\n")
		gs = gs[n:]
	}
	b.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end")
	return b.Bytes()
}
