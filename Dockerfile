# syntax=docker/dockerfile:1
#
# factgraph container image: one static binary (GraphQL server, migrator and loader)
# plus the bundled sample facts under /data.
#
#   docker build -t factgraph:local .
#   docker run --rm -p 8080:8080 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... factgraph:local
#
# Stages:
#   playground  node: builds the GraphQL playground and explorer assets (server/*/dist/)
#   build       go:   downloads modules, embeds those assets, builds a static binary
#   final       distroless static, non-root: /factgraph and /data
#
# The build stages run on the builder's own platform and cross-compile for the target
# (docker buildx build --platform linux/arm64 ... works without emulation).
# See docs/docker.md.

ARG NODE_VERSION=20
ARG GO_VERSION=1.26

# ---------------------------------------------------------------------------------------
# Playground assets. build.sh runs `npm ci` in server/playground and fills dist/.
FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-bookworm-slim AS playground
WORKDIR /src
COPY server/playground/ server/playground/
RUN --mount=type=cache,target=/root/.npm \
    bash server/playground/build.sh \
    && test -n "$(ls -A server/playground/dist)"
# The explorer's graph renderer (Cytoscape.js + fCoSE), the same way (server/explorer).
COPY server/explorer/ server/explorer/
RUN --mount=type=cache,target=/root/.npm \
    bash server/explorer/build.sh \
    && test -f server/explorer/dist/cytoscape.min.js

# ---------------------------------------------------------------------------------------
# Go binary. Modules are downloaded in their own layer, so editing source code does not
# download them again; the build cache is a BuildKit cache mount.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
# The assets built above replace whatever dist/ the context had (.dockerignore drops it).
COPY --from=playground /src/server/playground/dist/ server/playground/dist/
COPY --from=playground /src/server/explorer/dist/ server/explorer/dist/
ARG TARGETOS
ARG TARGETARCH
RUN --mount=type=cache,target=/root/.cache/go-build \
    GOOS="${TARGETOS:-linux}" GOARCH="${TARGETARCH:-amd64}" \
    go build -trimpath -ldflags="-s -w" -o /out/factgraph ./cmd/factgraph

# ---------------------------------------------------------------------------------------
# Runtime: no shell, no package manager, CA certificates and tzdata included,
# runs as uid/gid 65532 (the image's "nonroot" user).
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="factgraph" \
      org.opencontainers.image.description="GraphQL server over Neo4j" \
      org.opencontainers.image.source="https://github.com/factgraph/factgraph"
COPY --from=build /out/factgraph /factgraph
# Fact files for `factgraph load /data/sample.json` (the compose "load" service).
COPY data/ /data/
ENV FACTGRAPH_ADDR=:8080
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/factgraph"]
CMD ["serve"]
