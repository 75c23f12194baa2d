#!/usr/bin/env sh

echo "Running in entrypoint-1.sh"
exec "$@"