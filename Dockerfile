# Builds the whole workspace, then runs the server that also serves the built client.
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles where its prebuilt binary cannot be downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.tests.json ./
COPY shared/package.json shared/
COPY questions/package.json questions/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app /app
# The SQLite file of the default store (without REDIS_URL); mount a volume here to keep it.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A young generation of 64 MB instead of 16: see the README's Performance section (fewer objects
# that live across a commit or a Redis round trip are promoted, so the old generation is marked less).
CMD ["node", "--max-semi-space-size=64", "server/dist/index.js"]
