//go:build !unix

package zap

// readInOrder does nothing: the kernel reads as it will.
func readInOrder([]*Segment) (again func()) { return func() {} }

const pageSize = 4096

// willNeed does nothing: the pages are read when they are.
func willNeed([]byte) {}
