// Package gqlpost is the GraphQL client of the benchmark tools that only need to know
// whether an answer failed and with which codes (bench/soak, bench/recoverytrace).
package gqlpost

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Codes sends one GraphQL request (with the bearer token, if any) and returns the extensions.code of its errors.
func Codes(ctx context.Context, c *http.Client, url, token, query string, vars map[string]any) ([]string, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Errors []struct{ Extensions map[string]any }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("status %d, not JSON: %.100s", resp.StatusCode, raw)
	}
	var codes []string
	for _, e := range r.Errors {
		c, _ := e.Extensions["code"].(string)
		codes = append(codes, c)
	}
	return codes, nil
}
