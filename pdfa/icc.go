package pdfa

import (
	"bytes"
	"encoding/binary"
	"math"
)

// srgbProfile is an ICC version 2 display profile of sRGB (IEC
// 61966-2-1): the colorants adapted to D50 and the sRGB transfer curve as a
// 1024-entry table. It is the output intent every page's DeviceRGB and
// DeviceGray images are read against.
var srgbProfile = buildSRGB()

const srgbName = "sRGB IEC61966-2.1"

func buildSRGB() []byte {
	be := binary.BigEndian
	s15 := func(b *bytes.Buffer, vs ...float64) {
		for _, v := range vs {
			binary.Write(b, be, int32(math.Round(v*65536)))
		}
	}
	xyz := func(x, y, z float64) []byte {
		var b bytes.Buffer
		b.WriteString("XYZ \x00\x00\x00\x00")
		s15(&b, x, y, z)
		return b.Bytes()
	}
	var desc bytes.Buffer
	desc.WriteString("desc\x00\x00\x00\x00")
	binary.Write(&desc, be, uint32(len(srgbName)+1))
	desc.WriteString(srgbName + "\x00")
	desc.Write(make([]byte, 4+4+2+1+67)) // no Unicode or ScriptCode description
	cprt := []byte("text\x00\x00\x00\x00No copyright, use freely\x00")

	var curv bytes.Buffer
	curv.WriteString("curv\x00\x00\x00\x00")
	const n = 1024
	binary.Write(&curv, be, uint32(n))
	for i := 0; i < n; i++ {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		binary.Write(&curv, be, uint16(math.Round(v*65535)))
	}

	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", desc.Bytes()},
		{"cprt", cprt},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
		{"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
		{"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
		{"rTRC", curv.Bytes()},
	}
	var data bytes.Buffer
	table := make([]byte, 4+12*(len(tags)+2))
	be.PutUint32(table, uint32(len(tags)+2))
	offset := 128 + len(table)
	pos := 4
	var trc [2]uint32
	for _, t := range tags {
		at := uint32(offset + data.Len())
		copy(table[pos:], t.sig)
		be.PutUint32(table[pos+4:], at)
		be.PutUint32(table[pos+8:], uint32(len(t.data)))
		pos += 12
		if t.sig == "rTRC" {
			trc = [2]uint32{at, uint32(len(t.data))}
		}
		data.Write(t.data)
		for data.Len()%4 != 0 {
			data.WriteByte(0)
		}
	}
	for _, sig := range []string{"gTRC", "bTRC"} { // the same curve
		copy(table[pos:], sig)
		be.PutUint32(table[pos+4:], trc[0])
		be.PutUint32(table[pos+8:], trc[1])
		pos += 12
	}

	header := make([]byte, 128)
	be.PutUint32(header[0:], uint32(128+len(table)+data.Len()))
	be.PutUint32(header[8:], 0x02100000)
	copy(header[12:], "mntrRGB XYZ ")
	for i, v := range []uint16{2026, 1, 1, 0, 0, 0} {
		be.PutUint16(header[24+2*i:], v)
	}
	copy(header[36:], "acsp")
	var d50 bytes.Buffer
	s15(&d50, 0.9642, 1.0, 0.8249)
	copy(header[68:], d50.Bytes())

	var out bytes.Buffer
	out.Write(header)
	out.Write(table)
	out.Write(data.Bytes())
	return out.Bytes()
}
