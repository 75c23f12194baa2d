uglifyjs --compress --mangle --output ot.min.js \
./text-operation.js \
./selection.js \
./wrapped-operation.js \
./undo-manager.js \
./client.js \
./codemirror-adapter.js \
./socketio-adapter.js \
./ajax-adapter.js \
./editor-client.js