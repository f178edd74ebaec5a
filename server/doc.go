// Package server is factgraph's HTTP layer: the routes (/graphql, the playground, health
// and readiness) and the middleware around them (request ids, access logs, recovery).
package server
