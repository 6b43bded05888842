# The API image for docker-compose.yml. Runs the same `npm start` as a local checkout; with
# NEO4J_URI set it uses that Neo4j and starts none of its own.
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
CMD ["npx", "--no-install", "tsx", "scripts/start.ts"]
