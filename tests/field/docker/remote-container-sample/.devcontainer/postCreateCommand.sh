#!/usr/bin/env bash
# コンテナ作成時に一度だけ実行される

npm install
