package memo

// Len is how many keys the memo holds, for the tests of its bound.
func (m *Memo[V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.dirty)
}
