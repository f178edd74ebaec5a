#!/usr/bin/env bash
# Builds the graph-drawing assets that package explorer embeds
# (//go:embed all:dist): installs the pinned npm packages from
# package-lock.json and copies their prebuilt UMD bundles into dist/.
#
# Idempotent and fast on a second run: `npm ci` is skipped while
# node_modules/ matches package.json + package-lock.json (a stamp file holds
# their hash), and files in dist/ are only rewritten when they differ.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

stamp=node_modules/.factgraph-explorer.stamp
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
have=""
if [[ -f "$stamp" ]]; then
	have="$(cat "$stamp")"
fi
if [[ "$have" != "$want" ]]; then
	echo "explorer: npm ci" >&2
	# No dependency has install scripts; --ignore-scripts keeps it that way.
	npm ci --no-audit --no-fund --ignore-scripts
	printf '%s\n' "$want" >"$stamp"
fi

# source (under node_modules/) -> name in dist/
assets=(
	"cytoscape/dist/cytoscape.min.js:cytoscape.min.js"
	"layout-base/layout-base.js:layout-base.js"
	"cose-base/cose-base.js:cose-base.js"
	"cytoscape-fcose/cytoscape-fcose.js:cytoscape-fcose.js"
	"cytoscape/LICENSE:LICENSE-cytoscape.txt"
	"layout-base/LICENSE:LICENSE-layout-base.txt"
	"cose-base/LICENSE:LICENSE-cose-base.txt"
	"cytoscape-fcose/LICENSE:LICENSE-cytoscape-fcose.txt"
)

mkdir -p dist
keep=(README.md)
for pair in "${assets[@]}"; do
	src="node_modules/${pair%%:*}"
	dst="dist/${pair#*:}"
	if [[ ! -f "$src" ]]; then
		echo "explorer: missing $src (delete node_modules/ and rerun)" >&2
		exit 1
	fi
	if ! cmp -s "$src" "$dst"; then
		cp "$src" "$dst.tmp"
		chmod 0644 "$dst.tmp"
		mv -f "$dst.tmp" "$dst"
	fi
	keep+=("${pair#*:}")
done

# Drop anything stale (e.g. an asset removed from the list above).
for f in dist/* dist/.[!.]*; do
	[[ -e "$f" ]] || continue
	name="${f#dist/}"
	stale=1
	for k in "${keep[@]}"; do
		if [[ "$k" == "$name" ]]; then
			stale=0
			break
		fi
	done
	if ((stale)); then
		rm -rf -- "$f"
	fi
done

echo "explorer: dist/ ready ($(du -sh dist | cut -f1))" >&2
