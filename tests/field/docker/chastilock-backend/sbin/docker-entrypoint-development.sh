# Install dependencies using yarn
yarn

# Run application
./node_modules/.bin/nodemon index.js