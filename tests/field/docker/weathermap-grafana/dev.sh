#! /usr/bin/bash

npm i -f

x-terminal-emulator -e /home/seth/grafana-plugins/grafana-network-weathermap/testing/run.sh

npm run dev


