import path from 'path';
import fetch from 'isomorphic-unfetch';
import { readFile, writeFile } from '../fs-utils';
import { GITHUB_API_URL, REPO_NAME } from './constants';






































