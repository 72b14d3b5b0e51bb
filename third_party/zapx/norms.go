//  Copyright (c) 2026 Vanthu authors.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//              http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package zap

import (
	"encoding/binary"
	"fmt"
)

// A posting's norm is the length of its document's field, the same for
// every term of the field. zapx writes it after the freq of every
// posting, a uvarint of about 2 bytes: on a long field, more bytes than
// the document's text. Segments of chunk mode 1029 write it once a
// document instead, in a table of the field's norms (a Vanthu patch):
//
//	width byte (1, 2 or 4), then width bytes a document, little-endian
//
// written before the field's section header, which gains a fourth
// uvarint, the table's offset (0: no table, when no posting has a norm).
// The table is preceded by its length, a uvarint, and passes through the
// file callbacks as the dictionary does.

// normsByDoc reports whether segments of chunk mode m keep their norms
// in a table a field, not in the postings.
func normsByDoc(m uint32) bool { return m >= 1029 }

// normTable is a field's norms, one a document.
type normTable struct {
	b     []byte
	width int
	at    uint64 // where b starts in the segment's bytes; 0: b is a copy (willneed.go)
}

// norm returns document doc's norm bits.
func (t *normTable) norm(doc uint64) uint64 {
	switch t.width {
	case 1:
		return uint64(t.b[doc])
	case 2:
		return uint64(binary.LittleEndian.Uint16(t.b[2*doc:]))
	case 4:
		return uint64(binary.LittleEndian.Uint32(t.b[4*doc:]))
	}
	return 0
}

// appendNorms appends the table of norms to b, in the narrowest width
// that holds them. ok is false when every norm is 0: no table is written.
func appendNorms(b []byte, norms []uint32) (out []byte, ok bool) {
	var most uint32
	for _, n := range norms {
		most = max(most, n)
	}
	switch {
	case most == 0:
		return b, false
	case most <= 0xff:
		b = append(b, 1)
		for _, n := range norms {
			b = append(b, byte(n))
		}
	case most <= 0xffff:
		b = append(b, 2)
		for _, n := range norms {
			b = binary.LittleEndian.AppendUint16(b, uint16(n))
		}
	default:
		b = append(b, 4)
		for _, n := range norms {
			b = binary.LittleEndian.AppendUint32(b, n)
		}
	}
	return b, true
}

// writeNorms writes the field's table of norms and returns its offset, or
// 0 when there is none.
func writeNorms(w *FileWriter, norms []uint32, buf []byte) (uint64, []byte, error) {
	buf, ok := appendNorms(buf[:0], norms)
	if !ok {
		return 0, buf, nil
	}
	at := uint64(w.Count())
	data := w.process(buf)
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(data)))]); err != nil {
		return 0, buf, err
	}
	_, err := w.Write(data)
	return at, buf, err
}

// readNorms reads the table of norms at offset at of a segment of numDocs
// documents.
func (sb *SegmentBase) readNorms(at uint64) (*normTable, error) {
	if at == 0 {
		return nil, nil
	}
	if at >= uint64(len(sb.mem)) {
		return nil, fmt.Errorf("norms at %d, past the segment's %d bytes", at, len(sb.mem))
	}
	size, n := binary.Uvarint(sb.mem[at:])
	if n <= 0 || size > uint64(len(sb.mem))-at-uint64(n) {
		return nil, fmt.Errorf("norms at %d: bad length", at)
	}
	data, err := sb.fileReader.process(sb.mem[at+uint64(n) : at+uint64(n)+size])
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("norms at %d: empty", at)
	}
	t := &normTable{b: data[1:], width: int(data[0])}
	if &data[0] == &sb.mem[at+uint64(n)] { // not changed by the file callbacks
		t.at = at + uint64(n) + 1
	}
	if t.width != 1 && t.width != 2 && t.width != 4 || uint64(len(t.b)) != uint64(t.width)*sb.numDocs {
		return nil, fmt.Errorf("norms at %d: %d bytes of width %d for %d documents", at, len(t.b), t.width, sb.numDocs)
	}
	return t, nil
}
