const path = require('path');
const express = require('express');
const compression = require('compression');















