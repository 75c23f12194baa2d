import * as React from 'react';
import cx from 'classnames';
import { useTocHighlight } from './useTocHighlight';
import { Post } from 'lib/types';
import styles from './Toc.module.css';





















































