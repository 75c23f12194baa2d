import path from 'node:path'
import { createTypeDocApp } from './typedoc-markdown.mjs'

















