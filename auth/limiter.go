package auth

import (
	"sync"
	"time"
)

// Limiter slows password guessing: after Max failures within Window for
// one account, or for one address, logins for it are refused until the
// window has passed. A success clears the account's count.
type Limiter struct {
	Max    int
	Window time.Duration

	mu       sync.Mutex
	failures map[string][]time.Time
}

// NewLimiter allows max failures per window.
func NewLimiter(max int, window time.Duration) *Limiter {
	return &Limiter{Max: max, Window: window, failures: map[string][]time.Time{}}
}

// Allow reports whether a login for account from addr may be tried now,
// and if not, how long until it may.
func (l *Limiter) Allow(account, addr string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	var wait time.Duration
	for _, k := range []string{"u:" + account, "a:" + addr} {
		recent := l.recent(k, now)
		if len(recent) >= l.Max {
			wait = max(wait, recent[0].Add(l.Window).Sub(now))
		}
	}
	return wait == 0, wait
}

// Fail records a failed login.
func (l *Limiter) Fail(account, addr string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	for _, k := range []string{"u:" + account, "a:" + addr} {
		l.failures[k] = append(l.recent(k, now), now)
	}
	if len(l.failures) > 100_000 { // bounded: forget the quiet ones
		for k := range l.failures {
			if len(l.recent(k, now)) == 0 {
				delete(l.failures, k)
			}
		}
	}
}

// Succeed clears an account's failures.
func (l *Limiter) Succeed(account string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, "u:"+account)
}

// recent returns k's failures within the window; l.mu is held.
func (l *Limiter) recent(k string, now time.Time) []time.Time {
	ts := l.failures[k]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= l.Window {
		i++
	}
	ts = ts[i:]
	if len(ts) == 0 {
		delete(l.failures, k)
	} else {
		l.failures[k] = ts
	}
	return ts
}
