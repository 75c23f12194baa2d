import { defineConfig } from 'cypress'
import vitePreprocessor from 'cypress-vite'












