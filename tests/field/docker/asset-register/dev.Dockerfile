FROM node:latest
WORKDIR /app
VOLUME /app
