#!/bin/bash
npm version patch
npm publish