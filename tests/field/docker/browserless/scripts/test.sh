#!/bin/bash
set -e

# Install all dependencies for tests from the lockfile. --include=dev forces
# devDependencies in even when the runtime image sets NODE_ENV=production.
npm ci --include=dev

# Setup Env Variables
export DEBUG=-*
export PUPPETEER_DISABLE_HEADLESS_WARNING=true

if [ -z "$DISPLAY" ]
then
  Xvfb :99 -screen 0 1024x768x16 -nolisten tcp -nolisten unix >/dev/null 2>&1 &
  xvfb=$!
  export DISPLAY=:99
fi

# Run the tests
./node_modules/.bin/mocha --timeout 45000 --slow 10000 --exit $@ && kill -TERM $xvfb
