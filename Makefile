# factgraph — the two set-up commands on a fresh machine are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

BIN := bin/factgraph
GO_SOURCES := $(shell find . -name '*.go' -not -path './server/playground/node_modules/*' -not -path './server/explorer/node_modules/*') go.mod go.sum
EXPLORER_STATIC := $(wildcard server/explorer/static/*)

# The dev server (make run) and the test server (make test) are two separate local Neo4j
# instances, so tests never wipe the data you explore.
NEO4J_PASSWORD ?= factgraph-dev
TEST_NEO4J_PORT ?= 7688
TEST_NEO4J_DIR ?= $(CURDIR)/.neo4j-test
TEST_NEO4J_PASSWORD ?= factgraph-test

.PHONY: all build run test check-generate generate playground neo4j-start neo4j-stop \
        neo4j-test-start neo4j-test-stop fmt vet clean help chromium audit-suite bench eval bench-query \
        explorer bench-explore

all: build

help:
	@echo "make run     start local Neo4j (unless NEO4J_URI is set), load data/sample.json, serve on :8080"
	@echo "make test    start the local test Neo4j and run every test, integration tests included"
	@echo "make build   build $(BIN) (playground assets included)"
	@echo "make bench-explore    the explorer in headless Chromium: first draw and pan frame times (BENCHMARKS.md)"
	@echo "make eval    score the extractor against its gold facts (docs/extraction.md)"
	@echo "make bench   the loader at 1M facts vs neo4j-admin import (BENCHMARKS.md)"
	@echo "make bench-query      queries vs @neo4j/graphql and the raw driver (BENCHMARKS.md)"
	@echo "make generate         regenerate the gqlgen code from schema/"
	@echo "make neo4j-start|neo4j-stop   the local dev Neo4j (scripts/neo4j)"

playground: server/playground/dist/graphiql.min.js

# The explorer's graph renderer (Cytoscape.js + fCoSE) from npm, embedded like the playground.
explorer: server/explorer/dist/cytoscape-fcose.js

server/explorer/dist/cytoscape-fcose.js: server/explorer/package.json server/explorer/package-lock.json server/explorer/build.sh
	bash server/explorer/build.sh

server/playground/dist/graphiql.min.js: server/playground/package.json server/playground/package-lock.json server/playground/build.sh
	bash server/playground/build.sh

build: $(BIN)

$(BIN): playground explorer $(GO_SOURCES) $(EXPLORER_STATIC)
	go build -o $(BIN) ./cmd/factgraph

# make run: with NEO4J_URI unset, the local Neo4j of scripts/neo4j is started first.
run: build
	@if [ -z "$${NEO4J_URI:-}" ]; then NEO4J_PASSWORD='$(NEO4J_PASSWORD)' scripts/neo4j start; fi
	NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(NEO4J_PASSWORD)}" $(BIN) load data/sample.json
	NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(NEO4J_PASSWORD)}" FACTGRAPH_ADDR="$${FACTGRAPH_ADDR:-:8080}" \
	  FACTGRAPH_LOG="$${FACTGRAPH_LOG:-console}" $(BIN) serve

neo4j-start:
	NEO4J_PASSWORD='$(NEO4J_PASSWORD)' scripts/neo4j start
neo4j-stop:
	scripts/neo4j stop

neo4j-test-start:
	NEO4J_BOLT_PORT=$(TEST_NEO4J_PORT) NEO4J_LOCAL_DIR='$(TEST_NEO4J_DIR)' NEO4J_PASSWORD='$(TEST_NEO4J_PASSWORD)' \
	  NEO4J_HEAP=1g NEO4J_PAGECACHE=1g scripts/neo4j start
neo4j-test-stop:
	NEO4J_BOLT_PORT=$(TEST_NEO4J_PORT) NEO4J_LOCAL_DIR='$(TEST_NEO4J_DIR)' scripts/neo4j stop

# Integration tests share one database, so packages run one at a time (-p 1).
test: playground explorer chromium audit-suite neo4j-test-start vet
	FACTGRAPH_TEST_NEO4J_URI=bolt://127.0.0.1:$(TEST_NEO4J_PORT) FACTGRAPH_TEST_NEO4J_PASSWORD='$(TEST_NEO4J_PASSWORD)' \
	  go test -p 1 -count=1 -timeout 45m ./...

# graphql-http's audit suite (server/audit_test.go), pinned by server/audit/package-lock.json.
audit-suite:
	@bash server/audit/install.sh

# The playground test drives Debian's Chromium; scripts/chromium installs it if missing.
chromium:
	@scripts/chromium >/dev/null

fmt:
	gofmt -w $$(git ls-files -co --exclude-standard '*.go')

vet:
	@test -z "$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go'))" || { gofmt -l $$(git ls-files -co --exclude-standard '*.go'); echo "gofmt needed"; exit 1; }
	go vet ./...

generate:
	go generate ./...

# CI: regenerating the gqlgen code must change nothing.
check-generate:
	go generate ./...
	@git diff --exit-code -- resolvers/ || { echo "generated code is stale: run make generate and commit"; exit 1; }

# The extractor scored against the hand-made gold facts of extract/testdata/{articles,dev,heldout}.
eval:
	go test -count=1 -v -run TestExtractionQuality ./extract

# The loader at 1,000,000 facts against neo4j-admin import (BENCHMARKS.md).
bench:
	bench/load.sh 1000000

# Queries: factgraph vs the raw-driver floor vs @neo4j/graphql (BENCHMARKS.md). Needs Node 20
# and npm for the peer. QUICK=1 for a short run; MEMORY=10m adds the memory run.
bench-query:
	bench/query.sh

# The explorer in headless Chromium at 200 and 2,000 nodes on generated data (BENCHMARKS.md).
bench-explore: build chromium
	bench/explore.sh

clean:
	rm -rf bin
