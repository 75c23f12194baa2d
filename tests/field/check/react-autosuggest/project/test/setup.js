import { JSDOM } from 'jsdom';






