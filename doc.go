// Package vanthu holds the vocabulary shared by every stage of Vanthu, the
// records-office (văn thư) system that turns scanned Vietnamese administrative
// documents into searchable records.
//
// It is a leaf package: it imports nothing of ours. The stages (intake, ocr,
// extract, index, search) speak in these types, and transports carry them
// encoded as JSON.
//
// A document moves through these states:
//
//	received → rasterised → recognised → extracted → indexed
//	                     ↘ failed (with a reason) ↙
//
// A document is identified by the sha256 of its bytes (a [Ref]); the same
// bytes received twice make one record.
package vanthu
