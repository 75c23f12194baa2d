

const express = require("express");

const join = require("path").join;
const http = require("http").Server(app);
const server = require("engine.io").attach(http, {



const { rollup } = require("rollup");

const rollupConfig = require("../../support/rollup.config.umd.js")[1];




































