# The API image for docker-compose.yml. Runs the same `npm start` as a local checkout; with
# NEO4J_URI set it uses that Neo4j and starts none of its own.
# Through the supervisor rather than the API alone with only Docker's restart policy: a crashed API
# process is back in about two seconds, without migrating and seeding again, and the supervisor
# logs why it died; Docker's policy (docker-compose.yml) restarts the container if the
# supervisor itself exits. `node --import tsx` rather than `npx tsx`: one process fewer between
# the signal and its handler (npx would be the process SIGTERM reaches first).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY schema ./schema
COPY src ./src
COPY seed ./seed
COPY scripts ./scripts
COPY tsconfig.json ./
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "ops/start.ts"]
