#!/bin/bash

node ./packages/admin-cli/dist/scripts/cli.js "$@"
