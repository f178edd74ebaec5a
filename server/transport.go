package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// GraphQL over HTTP, per https://graphql.github.io/graphql-over-http/draft/.
//
// gqlgen v0.17.98's GET and POST transports negotiate the media type and refuse mutations
// over GET, but differ from the draft where it matters to clients, and their status
// codes are decided inside Do, so they cannot be fixed from outside:
//
//   - with application/json, parse and validation errors get 422; the draft wants 200 for
//     every well-formed request;
//   - with application/graphql-response+json, a request refused before execution for any
//     other reason (our depth and complexity limits, an unknown persisted query) gets
//     200, where the draft requires 4xx because the response has no data;
//   - a mutation over GET gets 406 without Allow; the draft requires 405;
//   - other methods and POST bodies that are not JSON get 400 "transport not supported"
//     (want 405 with Allow, and 415), HEAD gets 405 without Allow;
//   - the request body is read without a size limit, and a body that is not JSON is
//     echoed back in the error.
//
// So httpTransport replaces them (it is small) and refuseTransport answers what no
// transport supports; gqlgen's Options transport still answers OPTIONS.

// Media types of GraphQL responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// allowedMethods are the methods /graphql answers.
var allowedMethods = []string{http.MethodGet, http.MethodPost, http.MethodOptions}

// Codes in extensions.code of requests refused before GraphQL sees them.
const (
	codeBadRequest      = "BAD_REQUEST"
	codeUnauthenticated = "UNAUTHENTICATED"
	codeUnavailable     = "UNAVAILABLE"
)

// httpTransport serves GraphQL over GET (queries only) and POST (application/json).
type httpTransport struct {
	maxBody int64 // bytes of a POST body; <= 0: DefaultConfig.MaxBodyBytes
}

var _ graphql.Transport = httpTransport{}

func (httpTransport) Supports(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet:
		return true
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		return err == nil && mt == mediaJSON
	}
	return false
}

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	info := infoFrom(ctx)
	start := graphql.Now()
	params, status, err := t.readParams(w, r)
	if err == nil && params.Query == "" && params.Extensions["persistedQuery"] == nil {
		// Not a well-formed GraphQL-over-HTTP request (a persisted query may omit it).
		status, err = http.StatusBadRequest, errors.New(`the request has no "query" parameter`)
	}
	if err != nil {
		code := codeBadRequest
		if status == http.StatusRequestEntityTooLarge {
			code = codeLimitExceeded
		}
		refuse(w, r, status, code, "%v", err)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	opCtx, errs := exec.CreateOperationContext(ctx, params)
	info.operation = params.OperationName
	if opCtx != nil && opCtx.Operation != nil {
		info.operation = opCtx.Operation.Name
		info.validated = true
	}
	if errs != nil {
		// Refused before execution: parse, validation, variables, limits, APQ.
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		status := http.StatusOK // application/json: 200 for any well-formed request
		if responseMediaType(r) == mediaGraphQLResponse {
			status = http.StatusBadRequest // no data in the response: 4xx
		}
		info.outcome = outcomeRejected
		writeResponse(w, r, status, resp, false)
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", http.MethodPost)
		refuse(w, r, http.StatusMethodNotAllowed, codeBadRequest,
			"a %s must be sent with POST, not GET", opCtx.Operation.Operation)
		return
	}

	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if errors.Is(r.Context().Err(), context.Canceled) {
		// The client went away: nobody reads an answer, and the work stopped with the
		// request's context (resolvers and Neo4j transactions included).
		info.outcome = outcomeCancelled
		w.WriteHeader(statusClientClosed)
		return
	}
	if resp == nil {
		// The executor gives nothing when the request's context ended first.
		refuse(w, r, http.StatusServiceUnavailable, codeUnavailable, "the request timed out")
		info.outcome = outcomeError
		return
	}
	info.outcome = outcomeOK
	if len(resp.Errors) > 0 {
		info.outcome = outcomeError
	}
	writeResponse(w, r, http.StatusOK, resp, true)
}

// statusClientClosed is what the access log and the metrics show for a request whose
// client disconnected before the answer (nginx's 499); the client never sees it.
const statusClientClosed = 499

// readParams reads the GraphQL parameters from the URL (GET) or the JSON body (POST).
// Its errors are safe to show; the status says why the request is not well formed.
func (t httpTransport) readParams(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, int, error) {
	p := &graphql.RawParams{}
	if r.Method == http.MethodGet {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return nil, http.StatusBadRequest, fmt.Errorf("the query string is malformed: %w", err)
		}
		p.Query, p.OperationName = q.Get("query"), q.Get("operationName")
		for name, dst := range map[string]*map[string]any{"variables": &p.Variables, "extensions": &p.Extensions} {
			if v := q.Get(name); v != "" {
				if err := decodeJSON(strings.NewReader(v), dst); err != nil {
					return nil, http.StatusBadRequest, fmt.Errorf("the %s parameter is not a JSON object", name)
				}
			}
		}
		return p, 0, nil
	}
	max := t.maxBody
	if max <= 0 {
		max = DefaultConfig.MaxBodyBytes
	}
	if err := decodeJSON(http.MaxBytesReader(w, r.Body, max), p); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("the request body is larger than %d bytes", max)
		}
		return nil, http.StatusBadRequest, errors.New(`the request body is not a JSON object like {"query": "...", "variables": {...}}`)
	}
	return p, 0, nil
}

// decodeJSON decodes exactly one JSON value, numbers kept as json.Number for gqlgen.
func decodeJSON(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// refuseTransport answers every request that no other transport supports, except
// OPTIONS: 415 for a POST body that is not JSON, 405 with Allow for other methods.
type refuseTransport struct{}

var _ graphql.Transport = refuseTransport{}

func (refuseTransport) Supports(r *http.Request) bool { return r.Method != http.MethodOptions }

func (refuseTransport) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	if r.Method == http.MethodPost {
		refuse(w, r, http.StatusUnsupportedMediaType, codeBadRequest,
			"POST bodies must be application/json, not %q", truncate(r.Header.Get("Content-Type"), 100))
		return
	}
	w.Header().Set("Allow", strings.Join(allowedMethods, ", "))
	refuse(w, r, http.StatusMethodNotAllowed, codeBadRequest, "/graphql answers GET and POST, not %s", truncate(r.Method, 20))
}

// refuse answers a request refused before GraphQL execution with a GraphQL-shaped error
// and notes it for the access log and the metrics.
func refuse(w http.ResponseWriter, r *http.Request, status int, code, format string, args ...any) {
	info := infoFrom(r.Context())
	info.outcome = outcomeRejected
	err := &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
	writeResponse(w, r, status, &graphql.Response{Errors: gqlerror.List{err}}, false)
}

// response is a GraphQL response as written: "data" is there for an executed operation
// (null when a non-null field failed up to the root) and absent for one refused before
// execution, as the GraphQL spec and the GraphQL-over-HTTP draft say.
type response struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

// writeResponse writes resp as JSON in the media type the client asked for, with at most
// maxErrors errors, and notes the codes of its errors. executed says whether the
// operation ran, so whether the response has "data".
func writeResponse(w http.ResponseWriter, r *http.Request, status int, resp *graphql.Response, executed bool) {
	info := infoFrom(r.Context())
	errs := capErrors(resp.Errors)
	for _, e := range errs {
		info.codes = append(info.codes, errorCode(e))
	}
	out := response{Errors: errs, Extensions: resp.Extensions}
	if executed {
		out.Data = resp.Data
		if len(out.Data) == 0 {
			out.Data = json.RawMessage("null")
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		zerolog.Ctx(r.Context()).Error().Err(err).Msg("encode graphql response")
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
		info.codes = append(info.codes, "INTERNAL")
	}
	w.Header().Set("Content-Type", responseMediaType(r))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// capErrors keeps the first maxErrors-1 errors and sums up the rest in one more, with
// the code of the first one left out: 10,000 repeated directives need not be listed.
func capErrors(errs gqlerror.List) gqlerror.List {
	if len(errs) <= maxErrors {
		return errs
	}
	rest := errs[maxErrors-1:]
	more := &gqlerror.Error{
		Message:    fmt.Sprintf("%d more errors not shown (a response lists at most %d)", len(rest), maxErrors),
		Extensions: map[string]any{"code": errorCode(rest[0])},
	}
	return append(errs[:maxErrors-1:maxErrors-1], more)
}

// errorCode is the extensions.code of e, or "NONE".
func errorCode(e *gqlerror.Error) string {
	if e != nil {
		if c, ok := e.Extensions["code"].(string); ok && c != "" {
			return c
		}
	}
	return "NONE"
}

// responseMediaType is the media type of the response: application/graphql-response+json
// if the client's Accept prefers it (by q, and over application/json when tied),
// application/json otherwise, including for a missing Accept (the draft's legacy rule)
// and for an Accept naming neither (answered rather than refused with 406).
func responseMediaType(r *http.Request) string {
	best, bestQ := mediaJSON, 0.0
	for _, line := range r.Header.Values("Accept") {
		for part := range strings.SplitSeq(line, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := 1.0
			if s, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(s, 64); err != nil {
					continue
				}
			}
			var m string
			switch mt {
			case mediaGraphQLResponse:
				m = mediaGraphQLResponse
			case mediaJSON, "application/*", "*/*":
				m = mediaJSON
			default:
				continue
			}
			if q > bestQ || (q == bestQ && m == mediaGraphQLResponse) {
				best, bestQ = m, q
			}
		}
	}
	return best
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
