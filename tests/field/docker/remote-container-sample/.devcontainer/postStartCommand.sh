#!/usr/bin/env bash
# コンテナスタート時に毎回実行される

node test.js
