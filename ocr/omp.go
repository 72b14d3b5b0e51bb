package ocr

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

// EnsureSingleThreadOMP makes sure OMP_THREAD_LIMIT=1 was in the environment
// when this process started. OpenMP reads it once, at load time, so setting
// it later has no effect: if it is missing, the process re-executes itself
// with it set and does not return. It must be the first thing main (or
// TestMain) does.
func EnsureSingleThreadOMP() error {
	if os.Getenv("OMP_THREAD_LIMIT") == "1" {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("ocr: set OMP_THREAD_LIMIT: %w", err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OMP_THREAD_LIMIT=") {
			env = append(env, kv)
		}
	}
	env = append(env, "OMP_THREAD_LIMIT=1")
	return fmt.Errorf("ocr: re-exec with OMP_THREAD_LIMIT=1: %w", syscall.Exec(exe, os.Args, env))
}

// SingleThreadOMP reports whether this process started with
// OMP_THREAD_LIMIT=1.
func SingleThreadOMP() bool { return os.Getenv("OMP_THREAD_LIMIT") == "1" }
