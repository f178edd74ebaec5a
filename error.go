package factgraph

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. Act on the code, not the message.
const (
	EINVALID     = "invalid"     // bad input: a field, an argument, a record
	ENOTFOUND    = "not_found"   // the thing asked for does not exist
	ELIMIT       = "limit"       // a request beyond a configured limit
	EUNAVAILABLE = "unavailable" // the database cannot be reached
	EUNAUTH      = "unauthenticated"
	ECANCELED    = "canceled" // the caller went away (its context was cancelled)
	EINTERNAL    = "internal" // anything else; details are logged, never shown
)

// ErrCircuitOpen is in the chain of an EUNAVAILABLE error returned at once, without
// asking the database, because a circuit breaker knows it is down (the breaker logs its
// changes of state; callers need not log each such error).
var ErrCircuitOpen = errors.New("circuit breaker open")

// Error is factgraph's coded error. Message is safe to show to users.
type Error struct {
	Code    string
	Field   string // the offending field or argument, when there is one
	Message string
	Err     error // the cause, for logs; never shown to users
}

func (e *Error) Error() string {
	msg := e.text()
	if e.Err != nil {
		if msg == "" {
			return e.Err.Error()
		}
		return msg + ": " + e.Err.Error()
	}
	return msg
}

// text is the message with its field, without the cause.
func (e *Error) text() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, "" for nil, and
// EINTERNAL for anything else.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err: the message of its *Error, or a
// generic text for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.text()
	}
	return "internal error"
}

// fieldError is an EINVALID error about one field.
func fieldError(field, format string, args ...any) *Error {
	// The field may itself hold a format verb (aliases[%d]); its args come first.
	n := strings.Count(field, "%")
	if n > 0 {
		field = fmt.Sprintf(field, args[:n]...)
		args = args[n:]
	}
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// PrefixField puts a parent field or argument in front of the field of a coded error:
// PrefixField(err, "article") turns field publishedAt into article.publishedAt.
func PrefixField(err error, format string, args ...any) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	p := fmt.Sprintf(format, args...)
	c := *e
	if c.Field == "" {
		c.Field = p
	} else {
		c.Field = p + "." + c.Field
	}
	return &c
}
