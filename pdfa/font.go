package pdfa

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// The text layer's font: a TrueType font with two glyphs, .notdef and one
// blank glyph, both 500 units wide on a 1000-unit em, with an ascent of
// 1600 and a descent of 400: a word's box is two ems high, so that the gap
// a text extractor needs between two words (a fraction of the font size)
// is half as wide. Every character code (a UTF-16 code unit, with the Identity-H
// encoding) maps to the blank glyph through the CIDToGIDMap, so one tiny
// font carries any Vietnamese text; the ToUnicode map gives the text back.
const (
	fontName   = "GlyphLessFont"
	glyphWidth = 500 // in 1/1000 em, the font's advance and the PDF's /DW
	ascent     = 1600
	descent    = -400
)

var glyphlessFont = buildFont()

// buildFont assembles the TrueType font's tables.
func buildFont() []byte {
	be := binary.BigEndian
	u16 := func(b *bytes.Buffer, vs ...int) {
		for _, v := range vs {
			binary.Write(b, be, uint16(v))
		}
	}
	u32 := func(b *bytes.Buffer, vs ...uint32) {
		for _, v := range vs {
			binary.Write(b, be, v)
		}
	}
	tables := map[string][]byte{}

	var head bytes.Buffer
	u32(&head, 0x00010000, 0x00010000, 0, 0x5F0F3CF5) // version, revision, checkSumAdjustment (set below), magic
	u16(&head, 0x000B, 1000)                          // flags, unitsPerEm
	u32(&head, 0, 0, 0, 0)                            // created, modified
	u16(&head, 0, descent, glyphWidth, ascent)        // xMin, yMin, xMax, yMax
	u16(&head, 0, 8, 2, 0, 0)                         // macStyle, lowestRecPPEM, fontDirectionHint, indexToLocFormat (short), glyphDataFormat
	tables["head"] = head.Bytes()

	var hhea bytes.Buffer
	u32(&hhea, 0x00010000)
	u16(&hhea, ascent, descent, 0, glyphWidth, 0, 0, glyphWidth, 1, 0, 0, 0, 0, 0, 0, 0, 2)
	tables["hhea"] = hhea.Bytes()

	var maxp bytes.Buffer
	u32(&maxp, 0x00010000)
	u16(&maxp, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0) // numGlyphs 2, maxZones 1
	tables["maxp"] = maxp.Bytes()

	var hmtx bytes.Buffer
	u16(&hmtx, glyphWidth, 0, glyphWidth, 0)
	tables["hmtx"] = hmtx.Bytes()

	var loca bytes.Buffer
	u16(&loca, 0, 0, 0) // both glyphs empty
	tables["loca"] = loca.Bytes()
	tables["glyf"] = []byte{}

	// cmap: a format 4 subtable with only the closing segment; the PDF maps
	// codes to the glyph, not this table.
	var cmap bytes.Buffer
	u16(&cmap, 0, 1, 3, 1)
	u32(&cmap, 12)
	u16(&cmap, 4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0)
	tables["cmap"] = cmap.Bytes()

	names := map[int]string{1: fontName, 2: "Regular", 3: fontName, 4: fontName, 6: fontName}
	var name, strs bytes.Buffer
	ids := []int{1, 2, 3, 4, 6}
	u16(&name, 0, len(ids), 6+12*len(ids))
	for _, id := range ids {
		var s bytes.Buffer
		for _, c := range utf16.Encode([]rune(names[id])) {
			u16(&s, int(c))
		}
		u16(&name, 3, 1, 0x409, id, s.Len(), strs.Len())
		strs.Write(s.Bytes())
	}
	name.Write(strs.Bytes())
	tables["name"] = name.Bytes()

	var os2 bytes.Buffer
	u16(&os2, 4, glyphWidth, 400, 5, 0)          // version, xAvgCharWidth, weight, width, fsType 0: embedding allowed
	u16(&os2, 650, 600, 0, 75, 650, 600, 0, 350) // sub- and superscript sizes and offsets
	u16(&os2, 50, 250, 0)                        // strikeout size, position; family class
	os2.Write(make([]byte, 10))                  // panose
	u32(&os2, 0, 0, 0, 0)                        // Unicode ranges
	os2.WriteString("VTHU")                      // vendor
	u16(&os2, 0x40, 0x20, 0xFFFF)                // fsSelection REGULAR, first and last char
	u16(&os2, ascent, descent, 0, ascent, -descent)
	u32(&os2, 1, 0)               // code page ranges: Latin 1
	u16(&os2, 500, 700, 0, 32, 1) // xHeight, capHeight, default char, break char, max context
	tables["OS/2"] = os2.Bytes()

	var post bytes.Buffer
	u32(&post, 0x00030000, 0)
	u16(&post, -100, 50)
	u32(&post, 1, 0, 0, 0, 0)
	tables["post"] = post.Bytes()

	return assembleSFNT(tables)
}

// assembleSFNT lays out the tables in tag order with their checksums, and
// sets head's checkSumAdjustment.
func assembleSFNT(tables map[string][]byte) []byte {
	tags := []string{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}
	n := len(tags)
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	log2 := 0
	for 1<<log2 < pow {
		log2++
	}
	var out bytes.Buffer
	be := binary.BigEndian
	binary.Write(&out, be, uint32(0x00010000))
	binary.Write(&out, be, []uint16{uint16(n), uint16(pow * 16), uint16(log2), uint16(n*16 - pow*16)})
	offset := 12 + 16*n
	var body bytes.Buffer
	headAt := 0
	for _, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			headAt = offset + body.Len()
		}
		out.WriteString(tag)
		binary.Write(&out, be, []uint32{checksum(t), uint32(offset + body.Len()), uint32(len(t))})
		body.Write(t)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	out.Write(body.Bytes())
	font := out.Bytes()
	be.PutUint32(font[headAt+8:], 0xB1B0AFBA-checksum(font))
	return font
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// cidToGIDMap maps every 2-byte code to glyph 1, the blank glyph.
func cidToGIDMap() []byte {
	b := make([]byte, 2*65536)
	for i := 1; i < len(b); i += 2 {
		b[i] = 1
	}
	return b
}

// toUnicodeCMap maps each code, a UTF-16 code unit outside the surrogate
// range, to itself.
func toUnicodeCMap() []byte {
	var ranges []string
	for hi := 0; hi < 256; hi++ {
		if hi >= 0xD8 && hi <= 0xDF {
			continue
		}
		ranges = append(ranges, fmt.Sprintf("<%02X00> <%02XFF> <%02X00>", hi, hi, hi))
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(ranges) > 0 {
		k := min(100, len(ranges))
		fmt.Fprintf(&b, "%d beginbfrange\n%s\nendbfrange\n", k, strings.Join(ranges[:k], "\n"))
		ranges = ranges[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// encodeText is s as Identity-H codes, in a PDF hex string: one UTF-16 code
// unit each. Characters outside the Basic Multilingual Plane (none in
// Vietnamese) become U+FFFD, which the ToUnicode map can name.
func encodeText(s string) (hex string, n int) {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		if r > 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			r = 0xFFFD
		}
		fmt.Fprintf(&b, "%04X", r)
		n++
	}
	b.WriteByte('>')
	return b.String(), n
}
