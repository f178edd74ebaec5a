// Package server is factgraph's HTTP layer: the routes (/graphql, the playground, health,
// readiness and metrics; routes.go lists them) and the middleware around them (request ids,
// access logs, recovery, timeouts, CORS, bearer-token auth, GraphQL limits and metrics).
package server
