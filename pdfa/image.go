package pdfa

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/jpeg" // decoding the images a PDF cannot take as they are
	_ "image/png"
)

// xobject is a page's image as a PDF image XObject: its dictionary entries
// (after /Type, /Subtype, /Length) and its stream.
type xobject struct {
	dict          string
	data          []byte
	width, height int
	passed        bool // the image's own compressed bytes, not re-encoded
}

// imageXObject makes the XObject of a JPEG or PNG image. A baseline or
// progressive 8-bit JPEG in grey or RGB goes in as it is (DCTDecode); a
// PNG in grey, RGB or a palette, not interlaced and without transparency,
// keeps its own compressed data (FlateDecode with the PNG predictors).
// Anything else is decoded and stored losslessly: its pixels, Flate
// compressed, composited on white where it had transparency.
func imageXObject(b []byte) (xobject, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8}):
		if x, ok := jpegXObject(b); ok {
			return x, nil
		}
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		if x, ok := pngXObject(b); ok {
			return x, nil
		}
	default:
		return xobject{}, errors.New("pdfa: page image is neither JPEG nor PNG")
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return xobject{}, fmt.Errorf("pdfa: page image: %w", err)
	}
	return pixelXObject(img)
}

// jpegXObject reads a JPEG's frame header.
func jpegXObject(b []byte) (xobject, bool) {
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return xobject{}, false
		}
		marker := b[i+1]
		if marker == 0xFF {
			i++
			continue
		}
		if marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 {
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		switch marker {
		case 0xC0, 0xC1, 0xC2: // baseline, extended, progressive Huffman
			if i+4+n > len(b) || n < 8 {
				return xobject{}, false
			}
			f := b[i+4:]
			prec, h, w, comps := f[0], int(binary.BigEndian.Uint16(f[1:])), int(binary.BigEndian.Uint16(f[3:])), f[5]
			var cs string
			switch comps {
			case 1:
				cs = "/DeviceGray"
			case 3:
				cs = "/DeviceRGB"
			default:
				return xobject{}, false // CMYK: decoded instead
			}
			if prec != 8 || w == 0 || h == 0 {
				return xobject{}, false
			}
			return xobject{
				dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", w, h, cs),
				data: b, width: w, height: h, passed: true,
			}, true
		case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF, 0xDA:
			return xobject{}, false // lossless, hierarchical or arithmetic coding; or scan data before a frame
		}
		i += 2 + n
	}
	return xobject{}, false
}

// pngXObject reads a PNG's chunks.
func pngXObject(b []byte) (xobject, bool) {
	var (
		w, h          int
		depth, ctype  byte
		interlace     byte
		palette, idat []byte
		transparent   bool
	)
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if n < 0 || i+12+n > len(b) {
			return xobject{}, false
		}
		typ, data := string(b[i+4:i+8]), b[i+8:i+8+n]
		switch typ {
		case "IHDR":
			if n < 13 {
				return xobject{}, false
			}
			w, h = int(binary.BigEndian.Uint32(data)), int(binary.BigEndian.Uint32(data[4:]))
			depth, ctype, interlace = data[8], data[9], data[12]
		case "PLTE":
			palette = data
		case "tRNS":
			transparent = true
		case "IDAT":
			idat = append(idat, data...)
		}
		i += 12 + n
	}
	if w <= 0 || h <= 0 || interlace != 0 || transparent || len(idat) == 0 {
		return xobject{}, false
	}
	var cs string
	colors := 1
	switch {
	case ctype == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16):
		cs = "/DeviceGray"
	case ctype == 2 && (depth == 8 || depth == 16):
		cs, colors = "/DeviceRGB", 3
	case ctype == 3 && len(palette) >= 3 && len(palette)%3 == 0 && depth <= 8:
		cs = fmt.Sprintf("[/Indexed /DeviceRGB %d <%X>]", len(palette)/3-1, palette)
	default:
		return xobject{}, false // alpha: decoded and composited instead
	}
	return xobject{
		dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace %s /BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d >>",
			w, h, cs, depth, colors, depth, w),
		data: idat, width: w, height: h, passed: true,
	}, true
}

// pixelXObject stores an image's pixels losslessly, in grey when the image
// is grey, on white where it was transparent.
func pixelXObject(img image.Image) (xobject, error) {
	r := img.Bounds()
	var pix []byte
	cs := "/DeviceRGB"
	switch g := img.(type) {
	case *image.Gray:
		cs = "/DeviceGray"
		pix = make([]byte, 0, r.Dx()*r.Dy())
		for y := r.Min.Y; y < r.Max.Y; y++ {
			pix = append(pix, g.Pix[g.PixOffset(r.Min.X, y):g.PixOffset(r.Max.X, y)]...)
		}
	default:
		rgba := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(rgba, rgba.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.Draw(rgba, rgba.Bounds(), img, r.Min, draw.Over)
		pix = make([]byte, 0, 3*r.Dx()*r.Dy())
		for i := 0; i < len(rgba.Pix); i += 4 {
			pix = append(pix, rgba.Pix[i:i+3]...)
		}
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	zw.Write(pix)
	if err := zw.Close(); err != nil {
		return xobject{}, err
	}
	return xobject{
		dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /FlateDecode", r.Dx(), r.Dy(), cs),
		data: z.Bytes(), width: r.Dx(), height: r.Dy(),
	}, nil
}
