#!/usr/bin/env bash
# `npm run test:e2e`: installs the tools (cached), packages the VSIX, bundles the suite and runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
step() { printf '# [e2e %4ss] %s\n' "$((SECONDS - started))" "$*"; }

bash test/e2e/setup.sh
step "tools ready"
npm run --silent package >/dev/null
step "packaged out/apigw-mapping.vsix"
node test/e2e/build.mjs
step "suite bundled"
# Last, so that the test runner's totals close the output.
node --enable-source-maps --test out/e2e/codeServer.e2e.js
