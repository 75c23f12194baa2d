#!/usr/bin/env sh

DIR=`dirname "$0"`
export TRILIUM_SAFE_MODE=1

"$DIR/trilium" --disable-gpu

