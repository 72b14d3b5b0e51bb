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
	"sync"

	"github.com/golang/snappy"
	"github.com/klauspost/compress/zstd"
)

// A document's stored fields are compressed one document at a time. zapx
// compresses them with snappy; segments of chunk mode 1031 with zstd (a
// Vanthu patch), about a sixth smaller on Vietnamese page text, without
// frames' checksums: the segment has its own.

// storedZstd reports whether segments of chunk mode m compress their
// stored documents with zstd.
func storedZstd(m uint32) bool { return m >= 1031 }

var (
	zstdEncoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderCRC(false), zstd.WithEncoderConcurrency(1))
		if err != nil {
			panic(err) // only for bad options
		}
		return e
	})
	zstdDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.IgnoreChecksum(true))
		if err != nil {
			panic(err) // only for bad options
		}
		return d
	})
)

// compressStored compresses a document's stored fields as segments of
// chunk mode m do, into dst's memory.
func compressStored(m uint32, dst, src []byte) []byte {
	if storedZstd(m) {
		return zstdEncoder().EncodeAll(src, dst[:0])
	}
	return snappy.Encode(dst[:cap(dst)], src)
}

// decompressStored decompresses a document's stored fields of a segment
// of chunk mode m, into dst's memory.
func decompressStored(m uint32, dst, src []byte) ([]byte, error) {
	if storedZstd(m) {
		return zstdDecoder().DecodeAll(src, dst[:0])
	}
	return snappy.Decode(dst[:cap(dst)], src)
}
