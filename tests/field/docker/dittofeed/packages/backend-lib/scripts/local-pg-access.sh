#!/bin/bash
docker compose exec -u postgres postgres psql dittofeed