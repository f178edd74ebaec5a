package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/factgraph/factgraph"
)

// Codes in extensions.code, by domain error code.
var extensionCodes = map[string]string{
	factgraph.EINVALID:     "INVALID_ARGUMENT",
	factgraph.ENOTFOUND:    "NOT_FOUND",
	factgraph.ELIMIT:       "LIMIT_EXCEEDED",
	factgraph.EUNAVAILABLE: "UNAVAILABLE",
	factgraph.EUNAUTH:      "UNAUTHENTICATED",
	factgraph.EINTERNAL:    "INTERNAL",
	factgraph.ECANCELED:    "CANCELLED",
}

// ErrorPresenter maps domain errors to GraphQL errors with extensions.code, in one place.
// Internal errors are logged with the request's logger and shown only as "internal error";
// the text of an unavailable database's cause is logged, not returned.
func ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var fe *factgraph.Error
	if !errors.As(err, &fe) && errors.As(err, new(*gqlerror.Error)) {
		return gerr // an error gqlgen made itself, such as a null in a non-null field
	}
	code := factgraph.ErrorCode(err)
	// An outage is logged once, by the circuit breaker, not once per refused field.
	if code == factgraph.EINTERNAL || (code == factgraph.EUNAVAILABLE && !errors.Is(err, factgraph.ErrCircuitOpen)) {
		zerolog.Ctx(ctx).Error().Err(err).Str("code", code).Msg("graphql resolver error")
	}
	gerr.Message = factgraph.ErrorMessage(err)
	if code == factgraph.EUNAVAILABLE {
		// The cause (with the database's address) is logged above, not shown to clients.
		gerr.Message = "the graph database is unavailable; try again later"
	}
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	gerr.Extensions["code"] = extensionCodes[code]
	return gerr
}
