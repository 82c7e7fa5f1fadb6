# Build stage: install with dev dependencies, generate the Prisma clients, compile TypeScript.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles against Node's own headers when no prebuilt binary can be fetched.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# Run stage: production dependencies and the compiled bot only, as the unprivileged node user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
	HEALTH_PORT=8080 \
	LOG_DIR=/app/logs \
	DATABASE_URL=file:/app/data/ticket-bot.db
WORKDIR /app
# The captcha picture is drawn with a system font.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends fonts-dejavu-core \
	&& rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node prisma ./prisma
COPY --chown=node:node languages ./languages
COPY --chown=node:node config/config.example.yaml ./config/config.example.yaml
RUN mkdir -p /app/data /app/logs && chown node:node /app/data /app/logs
USER node
VOLUME ["/app/data", "/app/logs"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD node -e "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The bot applies pending migrations itself before logging in.
CMD ["node", "dist/index.js"]
