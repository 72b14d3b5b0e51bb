// Package sniff identifies received files by their content, never by their
// name, and reads the page geometry of image files from their headers
// without decoding any pixels.
package sniff

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig
	_ "image/png"  // DecodeConfig
	"io"

	"github.com/vanthu/vanthu"
)

// HeaderSize is how many leading bytes Sniff needs.
const HeaderSize = 512

// Sniff returns the accepted format of a file from its first bytes, or ""
// and a short name of what it looks like instead ("empty", "ZIP archive", …).
func Sniff(head []byte) (vanthu.Format, string) {
	switch {
	case len(head) == 0:
		return "", "empty file"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return vanthu.PDF, "PDF"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return vanthu.TIFF, "TIFF"
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return vanthu.JPEG, "JPEG"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return vanthu.PNG, "PNG"
	}
	// A PDF may carry up to 1 KiB of junk before its header.
	if i := bytes.Index(head, []byte("%PDF-")); i > 0 && i < 1024 {
		return vanthu.PDF, "PDF"
	}
	for _, k := range known {
		if bytes.HasPrefix(head, []byte(k.magic)) {
			return "", k.name
		}
	}
	if isText(head) {
		return "", "text"
	}
	return "", "unknown binary data"
}

var known = []struct{ magic, name string }{
	{"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97 document (DOC/XLS)"},
	{"GIF87a", "GIF image"}, {"GIF89a", "GIF image"},
	{"BM", "BMP image"},
	{"RIFF", "RIFF (WebP/AVI/WAV)"},
	{"\x1f\x8b", "gzip archive"},
	{"Rar!", "RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"\x7fELF", "executable program (ELF)"},
	{"MZ", "executable program (Windows)"},
	{"{\\rtf", "RTF document"},
	{"\x00\x00\x00\x0cjP  ", "JPEG 2000 image"},
	{"AT&TFORM", "DjVu document"},
}

func isText(b []byte) bool {
	for _, c := range b {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			return false
		}
	}
	return true
}

// Page is the geometry of one image page.
type Page struct {
	Width, Height int
	DPI           int // 0 when the file does not say
}

// ErrCorrupt is wrapped by Inspect's errors for malformed headers.
var ErrCorrupt = errors.New("corrupt image header")

// maxTIFFPages bounds the IFD chain walk; a longer chain is refused.
const maxTIFFPages = 10000

// Inspect reads the pages of an image file (TIFF, JPEG or PNG) from its
// headers. For PDF it returns nil: only the rasteriser can read PDF.
func Inspect(r io.ReaderAt, size int64, f vanthu.Format) ([]Page, error) {
	switch f {
	case vanthu.TIFF:
		return tiffPages(r, size)
	case vanthu.JPEG, vanthu.PNG:
		sr := io.NewSectionReader(r, 0, size)
		cfg, _, err := image.DecodeConfig(sr)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		head := make([]byte, min(size, 64<<10))
		n, _ := r.ReadAt(head, 0)
		return []Page{{Width: cfg.Width, Height: cfg.Height, DPI: imageDPI(head[:n], f)}}, nil
	}
	return nil, nil
}

func imageDPI(head []byte, f vanthu.Format) int {
	if f == vanthu.PNG {
		// pHYs: 4-byte x, 4-byte y (pixels per unit), 1-byte unit (1 = metre).
		i := bytes.Index(head, []byte("pHYs"))
		if i < 0 || i+13 > len(head) {
			return 0
		}
		ppm := binary.BigEndian.Uint32(head[i+4:])
		if head[i+12] != 1 {
			return 0
		}
		return int(float64(ppm)*0.0254 + 0.5)
	}
	// JFIF APP0: "JFIF\0", version(2), units(1), xdensity(2), ydensity(2).
	i := bytes.Index(head, []byte("JFIF\x00"))
	if i < 0 || i+12 > len(head) {
		return 0
	}
	units, x := head[i+7], int(binary.BigEndian.Uint16(head[i+8:]))
	switch units {
	case 1:
		return x
	case 2:
		return int(float64(x)*2.54 + 0.5)
	}
	return 0
}

// TIFF tags we read.
const (
	tagWidth          = 256
	tagHeight         = 257
	tagXResolution    = 282
	tagResolutionUnit = 296
)

func tiffPages(r io.ReaderAt, size int64) ([]Page, error) {
	hdr := make([]byte, 8)
	if _, err := r.ReadAt(hdr, 0); err != nil {
		return nil, fmt.Errorf("%w: TIFF header: %v", ErrCorrupt, err)
	}
	var bo binary.ByteOrder
	switch string(hdr[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("%w: not a classic TIFF", ErrCorrupt)
	}
	var pages []Page
	seen := make(map[uint32]bool)
	off := bo.Uint32(hdr[4:])
	for off != 0 {
		if seen[off] {
			return nil, fmt.Errorf("%w: TIFF directory loop", ErrCorrupt)
		}
		if len(pages) >= maxTIFFPages {
			return nil, fmt.Errorf("%w: more than %d TIFF pages", ErrCorrupt, maxTIFFPages)
		}
		seen[off] = true
		p, next, err := tiffIFD(r, size, bo, off)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
		off = next
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: TIFF has no pages", ErrCorrupt)
	}
	return pages, nil
}

func tiffIFD(r io.ReaderAt, size int64, bo binary.ByteOrder, off uint32) (Page, uint32, error) {
	var p Page
	if int64(off)+2 > size {
		return p, 0, fmt.Errorf("%w: TIFF directory at %d beyond end of file", ErrCorrupt, off)
	}
	nb := make([]byte, 2)
	if _, err := r.ReadAt(nb, int64(off)); err != nil {
		return p, 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	n := int64(bo.Uint16(nb))
	ents := make([]byte, n*12+4)
	if int64(off)+2+int64(len(ents)) > size {
		return p, 0, fmt.Errorf("%w: TIFF directory truncated", ErrCorrupt)
	}
	if _, err := r.ReadAt(ents, int64(off)+2); err != nil {
		return p, 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var xres float64
	unit := uint32(2) // inch, the TIFF default
	for i := int64(0); i < n; i++ {
		e := ents[i*12 : i*12+12]
		tag, typ := bo.Uint16(e), bo.Uint16(e[2:])
		val := func() uint32 {
			if typ == 3 { // SHORT
				return uint32(bo.Uint16(e[8:]))
			}
			return bo.Uint32(e[8:])
		}
		switch tag {
		case tagWidth:
			p.Width = int(val())
		case tagHeight:
			p.Height = int(val())
		case tagResolutionUnit:
			unit = val()
		case tagXResolution:
			if typ != 5 { // RATIONAL
				continue
			}
			at := int64(bo.Uint32(e[8:]))
			rat := make([]byte, 8)
			if at+8 > size {
				continue
			}
			if _, err := r.ReadAt(rat, at); err == nil && bo.Uint32(rat[4:]) != 0 {
				xres = float64(bo.Uint32(rat)) / float64(bo.Uint32(rat[4:]))
			}
		}
	}
	switch unit {
	case 2:
		p.DPI = int(xres + 0.5)
	case 3:
		p.DPI = int(xres*2.54 + 0.5)
	}
	if p.Width <= 0 || p.Height <= 0 {
		return p, 0, fmt.Errorf("%w: TIFF page without width or height", ErrCorrupt)
	}
	return p, bo.Uint32(ents[n*12:]), nil
}
