#!/bin/bash
docker buildx build -t todo-app:latest .