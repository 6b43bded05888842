# The API image for docker-compose.yml: compiled JavaScript, production dependencies only, run as
# the unprivileged `node` user. Nothing from tools/ (benchmarks, measurements, docs generator) or
# test/ is in it. It runs the same `npm start` as a checkout, compiled: with NEO4J_URI set it uses
# that Neo4j and starts none of its own, migrates and seeds, then supervises the API process.
# Through the supervisor rather than the API alone with only Docker's restart policy: a crashed API
# process is back in about two seconds, without migrating and seeding again, and the supervisor
# logs why it died; Docker's policy (docker-compose.yml) restarts the container if the supervisor
# itself exits. `node` directly rather than `npm start`: no process between the signal and its
# handler.

# Build stage: all dependencies, compile to dist/ (code, the SDL, the seed data and Neo4j Browser's
# style and guide beside it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY src ./src
COPY seed ./seed
COPY ops ./ops
COPY browser ./browser
RUN npm run build

# Runtime stage: production dependencies and the compiled build only.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
CMD ["node", "dist/ops/start.js"]
