
import { readFileSync } from 'node:fs'
import path from 'node:path'
























