//  Copyright (c) 2020 Couchbase, Inc.
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 		http://www.apache.org/licenses/LICENSE-2.0
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

type memUvarintReader struct {
	C int // index of next byte to read from S
	S []byte
}

func newMemUvarintReader(s []byte) *memUvarintReader {
	return &memUvarintReader{S: s}
}

// Len returns the number of unread bytes.
func (r *memUvarintReader) Len() int {
	n := len(r.S) - r.C
	if n < 0 {
		return 0
	}
	return n
}

// ReadUvarint reads an encoded uint64.  The original code this was
// based on is at encoding/binary/ReadUvarint().
func (r *memUvarintReader) ReadUvarint() (uint64, error) {
	if r.C >= len(r.S) {
		// nothing else to read
		return 0, nil
	}

	var x uint64
	var s uint
	var C = r.C
	var S = r.S

	for {
		b := S[C]
		C++

		if b < 0x80 {
			r.C = C

			// why 63?  The original code had an 'i += 1' loop var and
			// checked for i > 9 || i == 9 ...; but, we no longer
			// check for the i var, but instead check here for s,
			// which is incremented by 7.  So, 7*9 == 63.
			//
			// why the "extra" >= check?  The normal case is that s <
			// 63, so we check this single >= guard first so that we
			// hit the normal, nil-error return pathway sooner.
			if s >= 63 && (s > 63 || b > 1) {
				return 0, fmt.Errorf("memUvarintReader overflow")
			}

			return x | uint64(b)<<s, nil
		}

		x |= uint64(b&0x7f) << s
		s += 7
	}
}

// SkipUvarint skips ahead one encoded uint64.
func (r *memUvarintReader) SkipUvarint() {
	for {
		if r.C >= len(r.S) {
			return
		}

		b := r.S[r.C]
		r.C++

		if b < 0x80 {
			return
		}
	}
}

// SkipBytes skips a count number of bytes.
func (r *memUvarintReader) SkipBytes(count int) {
	r.C = r.C + count
}

func (r *memUvarintReader) Reset(s []byte) {
	r.C = 0
	r.S = s
}

// SkipFreqNorms reads past k freq/norm entries of postings without
// locations: each a freqHasLocs uvarint, then, when norms are inline
// (chunk modes before 1029), a norm uvarint unless the freq is 0, that
// is unless the first uvarint is the one byte 0 or 1.
func (r *memUvarintReader) SkipFreqNorms(k uint64, inline bool) {
	S, C := r.S, r.C
	for ; k > 0 && C < len(S); k-- {
		b := S[C]
		C++
		hasNorm := inline && b > 1
		for b >= 0x80 && C < len(S) {
			b = S[C]
			C++
		}
		if hasNorm {
			for C < len(S) && S[C] >= 0x80 {
				C++
			}
			C++
		}
	}
	r.C = C
}

// SkipFreqNormsLocs reads past k entries as SkipFreqNorms does, and, for
// each entry whose freq has its locations bit, past its locations in
// locs: their length in bytes, a uvarint, then the bytes. One loop over
// both, rather than a call for each uvarint.
func (r *memUvarintReader) SkipFreqNormsLocs(k uint64, inline bool, locs *memUvarintReader) {
	S, C := r.S, r.C
	L, LC := locs.S, locs.C
	for ; k > 0 && C < len(S); k-- {
		b := S[C]
		C++
		hasNorm, hasLocs := inline && b > 1, b&1 != 0
		for b >= 0x80 && C < len(S) {
			b = S[C]
			C++
		}
		if hasNorm {
			for C < len(S) && S[C] >= 0x80 {
				C++
			}
			C++
		}
		if hasLocs {
			var n uint64
			for s := uint(0); LC < len(L); s += 7 {
				c := L[LC]
				LC++
				n |= uint64(c&0x7f) << s
				if c < 0x80 {
					break
				}
			}
			LC += int(n)
		}
	}
	r.C, locs.C = C, LC
}

// SkipCountedLocs reads past a posting's compact locations of chunk mode
// 1030, as many as freq unless the first says how many (locs.go).
func (r *memUvarintReader) SkipCountedLocs(freq uint64) {
	r.C = skipCountedLocs(r.S, r.C, freq)
}

// SkipFreqsCountedLocs reads past k freq entries of chunk mode 1030 (a
// freqHasLocs uvarint each, the norms in their table) and, for each entry
// with locations, past them in locs.
func (r *memUvarintReader) SkipFreqsCountedLocs(k uint64, locs *memUvarintReader) {
	S, C := r.S, r.C
	L, LC := locs.S, locs.C
	for ; k > 0 && C < len(S); k-- {
		var v uint64
		v, C = uvarintAt(S, C)
		if v&1 != 0 {
			LC = skipCountedLocs(L, LC, v>>1)
		}
	}
	r.C, locs.C = C, LC
}

// skipCountedLocs returns where the compact locations at S[C:] of a
// posting of freq freq end: an unchanged location is one uvarint, or
// three with offsets; a changed one says in c what follows it. Most
// locations of a field kept for its positions are one byte, unchanged:
// up to eight of them at once are as many bytes with neither the high
// nor the low bit set.
func skipCountedLocs(S []byte, C int, freq uint64) int {
	offsets := false
	// a posting has a location at least: when its freq is 0, the first
	// says how many
	k, first := max(freq, 1), true
	for k > 0 && C < len(S) {
		if !offsets && C+8 <= len(S) {
			n := min(k, 8)
			if binary.LittleEndian.Uint64(S[C:])&(0x8181818181818181>>(64-8*n)) == 0 {
				C, k, first = C+int(n), k-n, false
				continue
			}
		}
		b := S[C]
		C++
		changed := b&1 != 0
		for b >= 0x80 && C < len(S) {
			b = S[C]
			C++
		}
		k--
		if !changed {
			if offsets {
				C = skipUvarints(S, C, 2)
			}
			first = false
			continue
		}
		var c, n uint64
		c, C = uvarintAt(S, C)
		if c&8 != 0 {
			n, C = uvarintAt(S, C)
			if first && n > 0 {
				k = n - 1
			}
		}
		first = false
		if c&1 != 0 {
			C = skipUvarints(S, C, 1)
		}
		if c&2 != 0 {
			n, C = uvarintAt(S, C)
			C = skipUvarints(S, C, n)
		}
		offsets = c&4 != 0
		if offsets {
			C = skipUvarints(S, C, 2)
		}
	}
	return min(C, len(S))
}

// uvarintAt reads the uvarint at S[C:], and returns it and where the
// next begins; past the end, what it read.
func uvarintAt(S []byte, C int) (uint64, int) {
	var v uint64
	for s := uint(0); C < len(S); s += 7 {
		b := S[C]
		C++
		if b < 0x80 {
			return v | uint64(b)<<s, C
		}
		v |= uint64(b&0x7f) << s
	}
	return v, C
}

// skipUvarints returns where the n uvarints at S[C:] end.
func skipUvarints(S []byte, C int, n uint64) int {
	for ; n > 0 && C < len(S); n-- {
		for C < len(S) && S[C] >= 0x80 {
			C++
		}
		C++
	}
	return min(C, len(S))
}
