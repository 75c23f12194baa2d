#!/bin/bash
docker compose exec clickhouse-server clickhouse-client -d dittofeed
