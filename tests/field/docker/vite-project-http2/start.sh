#!/bin/bash

# Use for production
npm run build
npm start

# Use for development
# npm run dev