package vanthu

import (
	"errors"
	"fmt"
)

// Kind classifies an error by what the caller should do about it.
type Kind int

const (
	// Other is an error nobody classified; treat it as Transient.
	Other Kind = iota
	// Invalid input: retrying cannot help. The document is failed or the
	// request refused, with the reason.
	Invalid
	// Transient: retry with back-off.
	Transient
	// NotExist: the thing asked for is not there.
	NotExist
	// Exist: the thing is already there (a duplicate).
	Exist
)

func (k Kind) String() string {
	switch k {
	case Invalid:
		return "invalid"
	case Transient:
		return "transient"
	case NotExist:
		return "not exist"
	case Exist:
		return "exist"
	}
	return "other"
}

// Error is an error with the operation that failed and its kind.
type Error struct {
	Op   string // e.g. "ocr: page 3"
	Kind Kind
	Err  error
}

// E builds an *Error. If err is nil it returns nil.
func E(op string, kind Kind, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Op: op, Kind: kind, Err: err}
}

// Errorf builds an *Error from a format.
func Errorf(op string, kind Kind, format string, args ...any) error {
	return &Error{Op: op, Kind: kind, Err: fmt.Errorf(format, args...)}
}

func (e *Error) Error() string {
	if e.Op == "" {
		return e.Err.Error()
	}
	return e.Op + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of the outermost classified error in err's chain,
// or Other.
func KindOf(err error) Kind {
	var e *Error
	for err != nil {
		if !errors.As(err, &e) {
			return Other
		}
		if e.Kind != Other {
			return e.Kind
		}
		err = e.Err
	}
	return Other
}
