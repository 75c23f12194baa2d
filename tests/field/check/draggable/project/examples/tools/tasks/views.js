import fs from 'fs';

import gulp from 'gulp';
import data from 'gulp-data';
import htmlmin from 'gulp-htmlmin';
import nunjucks from 'nunjucks';
import gulpjucks from 'gulp-nunjucks';

































