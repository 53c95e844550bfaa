# Sponsorcal: the built server and web app on Node 20 (Debian bookworm, slim).
#   docker build -t sponsorcal .
#   docker run -p 3000:3000 -v sponsorcal-data:/data -e APP_URL=https://cal.example.com sponsorcal
# Every setting comes from the environment at run time (see the README's Configuration);
# nothing about a deployment, and no secret, is baked into the image.

FROM node:20-bookworm-slim AS build
# Only for builds behind a TLS-intercepting proxy: the path of an extra CA bundle the build
# mounts (e.g. `-v /etc/ssl/certs:/etc/ssl/certs:ro`). Empty by default, and an ARG, so it
# reaches the RUN steps of this stage only, never the final image.
ARG NODE_EXTRA_CA_CERTS=
# better-sqlite3 is a native addon: npm downloads a prebuilt binary when it can, and
# otherwise compiles it, which needs a compiler and Node's headers (under /usr/local).
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# better-sqlite3 keeps its C sources and object files (26 MB) beside the addon it loads.
RUN cd node_modules/better-sqlite3 \
  && mv build/Release/better_sqlite3.node /tmp/ \
  && rm -rf build deps src \
  && mkdir -p build/Release \
  && mv /tmp/better_sqlite3.node build/Release/

FROM node:20-bookworm-slim
WORKDIR /app
# Owned by root and read-only to the server: it writes only to /data.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The SQLite file and the generated link secret (secret.key beside it) live in /data. On
# PostgreSQL the secret goes to ./data, which leads to /data too.
RUN mkdir /data && chown node:node /data && ln -s /data /app/data
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=sqlite:/data/sponsorcal.db
VOLUME /data
EXPOSE 3000
USER node
# /api/health answers 200 once the database answers; node's fetch, as slim has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations run on start; SIGTERM stops the server gracefully (SHUTDOWN_GRACE_SECONDS).
CMD ["node", "--enable-source-maps", "dist/server/index.js"]
