package zap

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Compact locations (a Vanthu patch; chunk mode 1028).
//
// A posting's locations were written as five uvarints each and its
// array positions: field, pos, start, end, how many array positions,
// then those. A field indexed for its positions alone (start and end 0)
// in an array (a document's pages) paid 7 bytes or more a location, most
// of a large index. In chunk mode 1028 and above a location is written
// against the one before it in the same posting (the first against the
// posting list's own field, array position 0, no offsets):
//
//	h = uvarint(p<<1 | changed)
//	changed: c = uvarint(fieldDiffers | arrayPositionsDiffer<<1 | hasOffsets<<2)
//	         then the field if it differs, the array positions (how many,
//	         then each) if they differ; p is the position; with offsets,
//	         start and end follow
//	not:     p is the position less the one before; with offsets (as the
//	         one before), start less the start before, then end less start
//
// A location is written changed when its field, array positions or
// having offsets differ from the one before, or when a difference would
// be negative. In chunk modes 1028 and 1029 a posting's locations are
// preceded by their length in bytes, so a reader skips them as before.
//
// In chunk mode 1030 they are not: a posting has as many locations as
// its freq, and a reader skips them by reading them (SkipCountedLocs).
// When a posting has another number of locations (a field whose term
// vectors only some of its parts keep), its first location is written
// changed, with 8 in c, and the number follows c.

// compactLocs reports whether segments of chunk mode m write compact
// locations.
func compactLocs(m uint32) bool { return m >= 1028 }

// countedLocs reports whether segments of chunk mode m write a posting's
// locations without their length in bytes.
func countedLocs(m uint32) bool { return m >= 1030 }

// locWriter writes postings' locations in compact form.
type locWriter struct {
	field   uint16 // of the postings being written
	counted bool   // without their length in bytes (chunk mode 1030)
	state   locState
	buf     []byte
}

// begin starts a posting's n locations, of a posting of freq freq.
func (w *locWriter) begin(n int, freq uint64) {
	w.state.reset(w.field)
	if w.counted && uint64(n) != freq {
		w.state.count = uint64(n)
	}
	w.buf = w.buf[:0]
}

// add adds one location to the posting's.
func (w *locWriter) add(field, pos, start, end uint64, ap []uint64) {
	w.buf = w.state.appendLoc(w.buf, field, pos, start, end, ap)
}

// write writes the posting's locations to enc, as of document docNum:
// their length in bytes (unless counted), then them.
func (w *locWriter) write(enc *chunkedIntCoder, docNum uint64) error {
	if !w.counted {
		if err := enc.Add(docNum, uint64(len(w.buf))); err != nil {
			return err
		}
	}
	return enc.AddBytes(docNum, w.buf)
}

// locState is what a compact location is written against.
type locState struct {
	field      uint64
	ap         []uint64
	offsets    bool
	pos, start uint64
	count      uint64 // a posting's locations when not its freq; else 0
}

func (s *locState) reset(field uint16) {
	*s = locState{field: uint64(field), ap: append(s.ap[:0], 0)}
}

// appendLoc appends one location to buf, against s, and moves s on.
func (s *locState) appendLoc(buf []byte, field, pos, start, end uint64, ap []uint64) []byte {
	offsets := start != 0 || end != 0
	if s.count == 0 && field == s.field && offsets == s.offsets && slices.Equal(ap, s.ap) &&
		pos >= s.pos && (!offsets || start >= s.start && end >= start) {
		buf = binary.AppendUvarint(buf, (pos-s.pos)<<1)
		if offsets {
			buf = binary.AppendUvarint(buf, start-s.start)
			buf = binary.AppendUvarint(buf, end-start)
		}
		s.pos, s.start = pos, start
		return buf
	}
	var c uint64
	if field != s.field {
		c |= 1
	}
	if !slices.Equal(ap, s.ap) {
		c |= 2
	}
	if offsets {
		c |= 4
	}
	if s.count != 0 {
		c |= 8
	}
	buf = binary.AppendUvarint(buf, pos<<1|1)
	buf = binary.AppendUvarint(buf, c)
	if s.count != 0 {
		buf = binary.AppendUvarint(buf, s.count)
		s.count = 0
	}
	if c&1 != 0 {
		buf = binary.AppendUvarint(buf, field)
	}
	if c&2 != 0 {
		buf = binary.AppendUvarint(buf, uint64(len(ap)))
		for _, a := range ap {
			buf = binary.AppendUvarint(buf, a)
		}
	}
	if offsets {
		buf = binary.AppendUvarint(buf, start)
		buf = binary.AppendUvarint(buf, end)
	}
	s.field, s.ap, s.offsets, s.pos, s.start = field, append(s.ap[:0], ap...), offsets, pos, start
	return buf
}

// readLoc reads one compact location into l, against s, and moves s on.
func (s *locState) readLoc(r *memUvarintReader, fieldsInv []string, l *Location) error {
	h, err := r.ReadUvarint()
	if err != nil {
		return fmt.Errorf("error reading location: %v", err)
	}
	pos := h >> 1
	if h&1 == 0 {
		pos += s.pos
		var start, end uint64
		if s.offsets {
			d, err := r.ReadUvarint()
			if err != nil {
				return fmt.Errorf("error reading location start: %v", err)
			}
			n, err := r.ReadUvarint()
			if err != nil {
				return fmt.Errorf("error reading location end: %v", err)
			}
			start = s.start + d
			end = start + n
		}
		s.pos, s.start = pos, start
		return s.fill(l, fieldsInv, pos, start, end)
	}
	c, err := r.ReadUvarint()
	if err != nil {
		return fmt.Errorf("error reading location change: %v", err)
	}
	if c&8 != 0 {
		if s.count, err = r.ReadUvarint(); err != nil || s.count == 0 {
			return fmt.Errorf("error reading the count of locations: %v", err)
		}
	}
	if c&1 != 0 {
		if s.field, err = r.ReadUvarint(); err != nil {
			return fmt.Errorf("error reading location field: %v", err)
		}
	}
	if c&2 != 0 {
		n, err := r.ReadUvarint()
		if err != nil {
			return fmt.Errorf("error reading location num array pos: %v", err)
		}
		if n > uint64(r.Len()) { // each takes a byte at least
			return fmt.Errorf("location has %d array positions in %d bytes", n, r.Len())
		}
		s.ap = s.ap[:0]
		for range n {
			a, err := r.ReadUvarint()
			if err != nil {
				return fmt.Errorf("error reading array position: %v", err)
			}
			s.ap = append(s.ap, a)
		}
	}
	s.offsets = c&4 != 0
	var start, end uint64
	if s.offsets {
		if start, err = r.ReadUvarint(); err != nil {
			return fmt.Errorf("error reading location start: %v", err)
		}
		if end, err = r.ReadUvarint(); err != nil {
			return fmt.Errorf("error reading location end: %v", err)
		}
	}
	s.pos, s.start = pos, start
	return s.fill(l, fieldsInv, pos, start, end)
}

func (s *locState) fill(l *Location, fieldsInv []string, pos, start, end uint64) error {
	if s.field >= uint64(len(fieldsInv)) {
		return fmt.Errorf("location of field %d, of %d fields", s.field, len(fieldsInv))
	}
	l.field, l.pos, l.start, l.end = fieldsInv[s.field], pos, start, end
	l.ap = append(l.ap[:0], s.ap...)
	return nil
}
