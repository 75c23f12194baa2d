#!/bin/bash

set -e

npm ci
npm run create-test-users
