#!/usr/bin/env sh

echo "Running in entrypoint-2.sh"
exec "$@"