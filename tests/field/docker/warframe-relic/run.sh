git pull
docker compose up -d --build
docker system prune -f