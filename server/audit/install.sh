#!/usr/bin/env bash
# Installs the pinned graphql-http audit suite (package-lock.json) into node_modules/,
# for TestGraphQLHTTPAudit. Idempotent: skipped while node_modules/ matches the lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.factgraph-audit.stamp
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
	exit 0
fi
echo "audit: npm ci" >&2
# Neither package has install scripts; --ignore-scripts keeps it that way.
npm ci --no-audit --no-fund --ignore-scripts
printf '%s\n' "$want" >"$stamp"
