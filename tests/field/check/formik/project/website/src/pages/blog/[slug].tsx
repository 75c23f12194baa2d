import { Banner } from 'components/Banner';
import { Footer } from 'components/Footer';
import styles from 'components/markdown.module.css';
import MDXComponents from 'components/MDXComponents';
import { Nav } from 'components/Nav';
import { Seo } from 'components/Seo';
import { Sticky } from 'components/Sticky';
import fs from 'fs';
import matter from 'gray-matter';
import { postFilePaths, POSTS_PATH } from 'lib/blog/mdxUtils';
import { MDXRemote } from 'next-mdx-remote';
import { serialize } from 'next-mdx-remote/serialize';
import path from 'path';
import imageSize from 'rehype-img-size';
import { Inter } from 'next/font/google';
import classNames from 'classnames';















































































