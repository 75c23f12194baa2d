#!/usr/bin/env bash

yarn build
yarn start
