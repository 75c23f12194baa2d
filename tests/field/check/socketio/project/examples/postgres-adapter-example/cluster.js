import cluster from 'node:cluster';












