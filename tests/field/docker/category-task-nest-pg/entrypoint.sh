npm run start
npm run add-pg-extensions