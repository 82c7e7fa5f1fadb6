#!/usr/bin/env bash
# npm run image:check: builds what the Dockerfile builds, without Docker, and runs the result against the
# Discord emulator. The build stage gets the files its COPY lines name (minus .dockerignore), runs npm ci,
# the build and the prune; the run stage gets only what its COPY lines take from the build stage and the
# project; then scripts/image-smoke.ts starts it with plain node, as the container's CMD does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ticketbot-image-XXXXXX")"
build="$work/build"
app="$work/app"
mkdir -p "$build" "$app"
cd "$root"
step() { printf '\n== %s\n' "$*"; }

step "build stage in $build"
cp package.json package-lock.json prisma.config.ts "$build/"
cp -r scripts prisma "$build/"
(cd "$build" && npm ci --no-audit --no-fund --loglevel=error)
cp tsconfig.json "$build/"
# COPY src ./src, without what .dockerignore leaves out (the working tree's generated clients).
tar -C "$root" --exclude=src/generated -cf - src | tar -C "$build" -xf -
(cd "$build" && npm run build --silent && npm prune --omit=dev --ignore-scripts --loglevel=error)

step "run stage in $app"
cp -r "$build/node_modules" "$build/dist" "$app/"
cp -r package.json prisma languages "$app/"
mkdir -p "$app/config" "$app/data" "$app/logs"
cp config/config.example.yaml "$app/config/"
du -sh "$app/node_modules" | sed 's/^/production node_modules: /'

step "smoke test of the run stage"
node --import tsx scripts/image-smoke.ts "$app"
rm -rf "$work"
