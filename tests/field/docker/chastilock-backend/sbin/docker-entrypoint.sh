# Run application
# TODO use PM2
node index.js