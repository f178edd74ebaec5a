package factgraph

import "context"

type ctxKey int

const writerKey ctxKey = iota

// WithWriter marks the request as allowed to write (it presented the configured token).
func WithWriter(ctx context.Context) context.Context {
	return context.WithValue(ctx, writerKey, true)
}

// IsWriter reports whether the request may write.
func IsWriter(ctx context.Context) bool {
	ok, _ := ctx.Value(writerKey).(bool)
	return ok
}
