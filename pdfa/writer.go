package pdfa

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

const producer = "Vanthu"

// Info is what the file says of itself, in its XMP metadata and Info
// dictionary.
type Info struct {
	Title   string    // dc:title and /Title
	Lang    string    // the text's language (BCP 47, e.g. "vi"): /Lang and dc:language
	Created time.Time // creation and modification date
	// ID is the document ID: the trailer's /ID and xmpMM:DocumentID.
	// The same ID and content make the same bytes.
	ID     [16]byte
	Schema *Schema // the caller's own properties, if any
}

// Page is one page: a scanned image and the words read on it.
type Page struct {
	Image []byte  // JPEG or PNG
	DPI   float64 // the image's resolution: the page is its size at this resolution
	Words []Word  // in reading order
}

// Word is one word of the text layer with its box in image pixels (x to the
// right, y down, the box's top left corner and bottom right corner).
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64
}

// PageStats is what went into one page.
type PageStats struct {
	ImagePassed bool // the image's own bytes went in, not re-encoded
	ImageBytes  int
	Width       int // pixels
	Height      int
}

// Writer writes a PDF/A-2b file, page by page.
type Writer struct {
	w       *bufio.Writer
	cw      *countWriter
	info    Info
	offsets []int64 // by object number; 0 unused
	pages   []int   // page objects
	pagesID int     // the page tree, written last
	fontID  int
	err     error
}

// NewWriter starts a file on w: the header and the objects every page
// shares (the font, the output intent's profile).
func NewWriter(w io.Writer, info Info) (*Writer, error) {
	if s := info.Schema; s != nil {
		if !xmlName(s.Prefix) || s.Namespace == "" || !strings.HasSuffix(s.Namespace, "/") && !strings.HasSuffix(s.Namespace, "#") {
			return nil, fmt.Errorf("pdfa: schema prefix %q or namespace %q not usable", s.Prefix, s.Namespace)
		}
		for _, p := range s.Properties {
			if !xmlName(p.Name) {
				return nil, fmt.Errorf("pdfa: property name %q is not an XML name", p.Name)
			}
		}
	}
	cw := &countWriter{w: w}
	pw := &Writer{cw: cw, w: bufio.NewWriterSize(cw, 64<<10), info: info, offsets: []int64{0}}
	// A binary comment after the header marks the file as binary.
	pw.printf("%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n")
	pw.pagesID = pw.alloc()

	gidMap := pw.stream(flate, deflate(cidToGIDMap()))
	toUni := pw.stream(flate, deflate(toUnicodeCMap()))
	file := pw.stream(fmt.Sprintf("/Length1 %d %s", len(glyphlessFont), flate), deflate(glyphlessFont))
	desc := pw.object(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 5 /FontBBox [0 %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>",
		fontName, descent, glyphWidth, ascent, ascent, descent, ascent, file))
	cid := pw.object(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW %d /CIDToGIDMap %d 0 R >>",
		fontName, desc, glyphWidth, gidMap))
	pw.fontID = pw.object(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		fontName, cid, toUni))
	return pw, pw.err
}

// AddPage writes one page: its image, filling the page, and the invisible
// words over it.
func (pw *Writer) AddPage(p Page) (PageStats, error) {
	if pw.err != nil {
		return PageStats{}, pw.err
	}
	if p.DPI <= 0 {
		return PageStats{}, errors.New("pdfa: page without a resolution")
	}
	img, err := imageXObject(p.Image)
	if err != nil {
		return PageStats{}, err
	}
	scale := 72 / p.DPI // image pixels to points
	wpt, hpt := float64(img.width)*scale, float64(img.height)*scale

	var c bytes.Buffer
	fmt.Fprintf(&c, "q %s 0 0 %s 0 0 cm /Im0 Do Q\n", num(wpt), num(hpt))
	if len(p.Words) > 0 {
		c.WriteString("BT 3 Tr\n")
		for _, w := range apart(p.Words, maxShift*p.DPI/72) {
			text := strings.TrimSpace(norm.NFC.String(w.Text))
			if text == "" || w.X1 <= w.X0 || w.Y1 <= w.Y0 {
				continue
			}
			hex, n := encodeText(text + " ")
			n-- // the space after the word, past its box, tells a reader the word ends
			// The font's height (descent to ascent) is the word's box; the
			// horizontal scale stretches the word's advances to its width.
			size := (w.Y1 - w.Y0) * scale * 1000 / (ascent - descent)
			width := (w.X1 - w.X0) * scale
			scaleX := 100 * width / (float64(n) * size * glyphWidth / 1000)
			base := hpt - w.Y1*scale - size*descent/1000
			fmt.Fprintf(&c, "/F0 %s Tf %s Tz 1 0 0 1 %s %s Tm %s Tj\n", num(size), num(scaleX), num(w.X0*scale), num(base), hex)
		}
		c.WriteString("ET\n")
	}
	im := pw.stream(fmt.Sprintf("/Type /XObject /Subtype /Image %s", img.dict), img.data)
	content := pw.stream(flate, deflate(c.Bytes()))
	page := pw.object(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /XObject << /Im0 %d 0 R >> /Font << /F0 %d 0 R >> >> /Contents %d 0 R >>",
		pw.pagesID, num(wpt), num(hpt), im, pw.fontID, content))
	pw.pages = append(pw.pages, page)
	return PageStats{ImagePassed: img.passed, ImageBytes: len(img.data), Width: img.width, Height: img.height}, pw.err
}

// maxShift is how far, in points, apart may move a word's edge.
const maxShift = 1.9

// apart keeps a reader that extracts text (poppler) from joining two words
// of a line into one. It joins a word to the one before when the gap
// between them is under 0.15 of the earlier word's font size and any
// overlap under 0.2 of it (a larger overlap it takes for a new line); the
// font size here is half the word's height. Of two such words, the edges
// facing each other move by the least that takes them out of that range,
// apart or further over each other, each edge at most limit (image pixels)
// and no word made narrower than half its box.
func apart(words []Word, limit float64) []Word {
	ws := slices.Clone(words)
	for i := 1; i < len(ws); i++ {
		a, b := &ws[i-1], &ws[i]
		size := (a.Y1 - a.Y0) * 1000 / (ascent - descent)
		sameLine := min(a.Y1, b.Y1)-max(a.Y0, b.Y0) > max(a.Y1-a.Y0, b.Y1-b.Y0)/2
		gap := b.X0 - a.X1
		if !sameLine || b.X0 < a.X0 || gap >= 0.16*size || gap <= -0.22*size {
			continue
		}
		move := (0.16*size - gap) / 2 // apart
		if over := (gap + 0.22*size) / 2; over < move {
			move = -over // further over each other
		}
		if math.Abs(move) > limit || a.X1-move-a.X0 < (words[i-1].X1-words[i-1].X0)/2 || b.X1-b.X0-move < (b.X1-b.X0)/2 {
			continue
		}
		a.X1 -= move
		b.X0 += move
	}
	return ws
}

// Close writes the page tree, the catalogue with the metadata and the
// output intent, the cross-reference table and the trailer. It does not
// close the underlying writer.
func (pw *Writer) Close() error {
	if pw.err != nil {
		return pw.err
	}
	if len(pw.pages) == 0 {
		return errors.New("pdfa: a file needs at least one page")
	}
	kids := make([]string, len(pw.pages))
	for i, p := range pw.pages {
		kids[i] = fmt.Sprintf("%d 0 R", p)
	}
	pw.at(pw.pagesID)
	pw.printf("%d 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n", pw.pagesID, strings.Join(kids, " "), len(pw.pages))

	created := pw.info.Created
	if created.IsZero() {
		created = time.Now()
	}
	created = created.Truncate(time.Second)
	info := pw.info
	info.Created = created
	meta := pw.stream("/Type /Metadata /Subtype /XML", xmpPacket(info, info.ID))
	icc := pw.stream("/N 3 "+flate, deflate(srgbProfile))
	intent := pw.object(fmt.Sprintf("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (%s) /Info (%s) /DestOutputProfile %d 0 R >>", srgbName, srgbName, icc))
	lang := ""
	if info.Lang != "" {
		lang = " /Lang " + pdfString(info.Lang)
	}
	catalog := pw.object(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Metadata %d 0 R /OutputIntents [%d 0 R]%s >>", pw.pagesID, meta, intent, lang))
	title := ""
	if info.Title != "" {
		title = "/Title " + pdfString(info.Title) + " "
	}
	infoID := pw.object(fmt.Sprintf("<< %s/Producer (%s) /CreationDate (%s) /ModDate (%s) >>", title, producer, pdfDate(created), pdfDate(created)))

	if err := pw.w.Flush(); err != nil {
		pw.err = err
		return err
	}
	xref := pw.cw.n
	pw.printf("xref\n0 %d\n0000000000 65535 f \n", len(pw.offsets))
	for _, off := range pw.offsets[1:] {
		pw.printf("%010d 00000 n \n", off)
	}
	pw.printf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%X> <%X>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(pw.offsets), catalog, infoID, info.ID, info.ID, xref)
	if pw.err == nil {
		pw.err = pw.w.Flush()
	}
	err := pw.err
	if err == nil {
		pw.err = errClosed
	}
	return err
}

var errClosed = errors.New("pdfa: writer closed")

// alloc reserves an object number.
func (pw *Writer) alloc() int {
	pw.offsets = append(pw.offsets, -1)
	return len(pw.offsets) - 1
}

// at records that object id starts here.
func (pw *Writer) at(id int) {
	pw.offsets[id] = pw.cw.n + int64(pw.w.Buffered())
}

// object writes a new object and returns its number.
func (pw *Writer) object(body string) int {
	id := pw.alloc()
	pw.at(id)
	pw.printf("%d 0 obj\n%s\nendobj\n", id, body)
	return id
}

// flate is the filter of a stream deflate()d.
const flate = "/Filter /FlateDecode"

// stream writes a new stream object; data is already encoded as dict says.
func (pw *Writer) stream(dict string, data []byte) int {
	id := pw.alloc()
	pw.at(id)
	pw.printf("%d 0 obj\n<< %s /Length %d >>\nstream\n", id, dict, len(data))
	if pw.err == nil {
		_, pw.err = pw.w.Write(data)
	}
	pw.printf("\nendstream\nendobj\n")
	return id
}

func (pw *Writer) printf(format string, args ...any) {
	if pw.err == nil {
		_, pw.err = fmt.Fprintf(pw.w, format, args...)
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func deflate(b []byte) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(b)
	zw.Close()
	return z.Bytes()
}

// num formats a coordinate with at most 3 decimals.
func num(v float64) string {
	s := fmt.Sprintf("%.3f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// pdfString is s as a PDF text string: literal when ASCII, else UTF-16BE
// with a byte order mark, in hex.
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(norm.NFC.String(s))) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

func xmlName(s string) bool {
	for i, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}
