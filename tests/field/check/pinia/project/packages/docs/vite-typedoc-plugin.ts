import { Plugin } from 'vite'
import _fs from 'fs'
import { TypeDocOptions } from 'typedoc'
import { createTypeDocApp } from './typedoc-markdown'















