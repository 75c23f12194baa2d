
import fs from 'node:fs'
import { globby } from 'globby'
import path from 'node:path'
import chalk from 'chalk'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { compress } from 'brotli-wasm'






























