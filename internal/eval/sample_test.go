package eval

import (
	"errors"
	"os"
	"runtime"
	"sync"
)

// fullEnv asks for the whole evaluation: VANTHU_EVAL=full, as `make
// eval` (and CI after `make test`) sets it.
const fullEnv = "VANTHU_EVAL"

// evalFull reports whether every way of scanning reads every document.
// Without it (`make test`), each way reads a fifth of them (sampled), so
// that the tests stay within the time a developer waits for.
func evalFull() bool { return os.Getenv(fullEnv) == "full" }

// sampleEvery is how many documents the sample of a way of scanning
// reads one of.
const sampleEvery = 5

// sampled reports whether the way of scanning numbered way reads the
// document numbered doc: every document in the whole evaluation; else
// every fifth one, the fifth moving on from one way to the next, so that
// each document is read in a fifth of the ways and each way reads
// documents of every sort.
func sampled(way, doc int) bool { return evalFull() || doc%sampleEvery == way%sampleEvery }

// sampleFloors are floors, set for all n documents, held on m of them:
// as many misses allowed as on the n (the whole evaluation holds the
// counts themselves).
func sampleFloors(floors map[string]int, n, m int) map[string]int {
	if floors == nil || n == m {
		return floors
	}
	out := make(map[string]int, len(floors))
	for f, v := range floors {
		out[f] = max(0, v-(n-m))
	}
	return out
}

// parallel calls fn(i) for each i below n, as many at once as the
// machine has cores, and returns their errors joined.
func parallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.NumCPU()) {
		wg.Go(func() {
			for i := range next {
				errs[i] = fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
