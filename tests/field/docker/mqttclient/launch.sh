#!/bin/sh
node main.js
