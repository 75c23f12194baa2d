FROM nginx:alpine

RUN apk add --no-cache openssl