// Package memo remembers the results of a function of strings that is
// asked the same few thousand keys again and again (the syllables of a
// text, the agencies and document types of a register), for readers on
// every core at once.
package memo

import (
	"maps"
	"sync"
	"sync/atomic"
)

// Memo holds f's results for up to bound keys; it is dropped whole when
// it grows past that.
//
// A key is looked for in a map that is never written once it is
// published, without a lock (a lock that every lookup takes, even to
// read, passes its cache line from core to core). A key not there is
// looked for, or added, under a lock in the map being written, which is
// published in its place once it has been missed in as many times as it
// has keys, as sync.Map does.
type Memo[V any] struct {
	f     func(string) V
	bound int

	read   atomic.Pointer[map[string]V]
	mu     sync.Mutex
	dirty  map[string]V
	misses int
}

// New returns a memo of f that holds up to bound keys.
func New[V any](bound int, f func(string) V) *Memo[V] {
	m := &Memo[V]{f: f, bound: bound, dirty: map[string]V{}}
	m.read.Store(&map[string]V{})
	return m
}

// Get returns f(string(key)); a key found costs no allocation.
func (m *Memo[V]) Get(key []byte) V {
	if v, ok := (*m.read.Load())[string(key)]; ok {
		return v
	}
	return m.miss(string(key))
}

// GetString returns f(key).
func (m *Memo[V]) GetString(key string) V {
	if v, ok := (*m.read.Load())[key]; ok {
		return v
	}
	return m.miss(key)
}

func (m *Memo[V]) miss(key string) V {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.dirty[key]
	if !ok {
		if len(m.dirty) >= m.bound {
			m.dirty, m.misses = map[string]V{}, 0
			m.read.Store(&map[string]V{})
		}
		v = m.f(key)
		m.dirty[key] = v
	}
	if m.misses++; m.misses >= len(m.dirty) {
		published := m.dirty
		m.read.Store(&published)
		m.dirty, m.misses = maps.Clone(published), 0
	}
	return v
}
