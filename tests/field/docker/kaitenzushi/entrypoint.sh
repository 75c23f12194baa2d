#!/bin/sh

exec kaitenzushi "$@"