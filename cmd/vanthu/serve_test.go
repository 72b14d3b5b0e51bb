package main

import "testing"

// --preload-index: always maps in any index, never none, auto one that
// fits in half the machine's memory; anything else is refused.
func TestPreloadLimit(t *testing.T) {
	for mode, want := range map[string]int64{"always": 0, "never": -1} {
		if got, err := preloadLimit(mode); err != nil || got != want {
			t.Errorf("%s: %d, %v; want %d", mode, got, err, want)
		}
	}
	total, err := memTotal()
	if err != nil {
		t.Skip(err)
	}
	if got, err := preloadLimit("auto"); err != nil || got != total/2 || total < 1<<28 {
		t.Errorf("auto: %d, %v; the machine has %d bytes", got, err, total)
	}
	if _, err := preloadLimit("yes"); err == nil {
		t.Error("--preload-index yes accepted")
	}
}
