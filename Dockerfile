# syntax=docker/dockerfile:1
# Gazette as one image: the standalone output started by Gazette's server entry (server.js), as a non-root user,
# with PGlite's data and locally stored media on the /data volume (or PostgreSQL, Redis and S3 from the
# environment: see compose.yaml and docs/configuration.md). Build: `docker build -t gazette .`

FROM node:22-bookworm-slim AS deps
WORKDIR /app
# npm ci runs the postinstall patch of Next.js (scripts/patch-next.mjs).
COPY package.json package-lock.json ./
COPY scripts/patch-next.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 STANDALONE=1
# Several containers built from separate `docker build`s must share this key (docs/configuration.md); one image
# run as many containers shares the key Next generated at build time.
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `npm run build` = next build + scripts/package-standalone.mjs (server entry, static assets; drizzle/ is traced).
RUN npm run build

FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/data
RUN groupadd --system --gid 1001 gazette \
  && useradd --system --uid 1001 --gid gazette --home-dir /app --no-create-home gazette \
  && mkdir -p /data && chown gazette:gazette /data
COPY --from=build --chown=gazette:gazette /app/.next/standalone ./
USER gazette
VOLUME ["/data"]
EXPOSE 3000
# SIGTERM: the server stops accepting, finishes requests in flight, writes view counts and closes the database
# within 10 s, Docker's default grace period.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
