import matter from 'gray-matter';
import { GetStaticPaths, GetStaticProps } from 'next';
import ErrorPage from 'next/error';
import Head from 'next/head';
import { useRouter } from 'next/router';
import * as React from 'react';

import s from 'components/markdown.module.css';
import { Banner } from 'components/Banner';
import { SidebarCategory } from 'components/SidebarCategory';
import { SidebarPost } from 'components/SidebarPost';
import { Toc } from 'components/Toc';
import remarkPlugins from 'lib/docs/remark-plugins';
import {
  getCurrentTag,
  fetchRemoteDocsManifest,
  fetchLocalDocsManifest,
  getPaths,
  getRawFileFromLocal,
} from 'lib/docs/page';
import { findRouteByPath } from 'lib/docs/findRouteByPath';
import { addTagToSlug, getSlug, removeFromLast } from 'lib/docs/utils';
import { getRouteContext } from 'lib/get-route-context';
import { getRawFileFromRepo } from 'lib/github/raw';
import { RouteItem, Page } from 'lib/types';
import { SidebarHeading } from 'components/SidebarHeading';
import { Sidebar } from 'components/Sidebar';
import { SidebarMobile } from 'components/SidebarMobile';
import { Nav } from 'components/Nav';
import { Sticky } from 'components/Sticky';
import { useIsMobile } from 'components/useIsMobile';
import { Footer } from 'components/Footer';
import { Seo } from 'components/Seo';
import { DocsPageFooter } from 'components/DocsPageFooter';
import addRouterEvents from 'components/addRouterEvents';
import MDXComponents from 'components/MDXComponents';
import { serialize } from 'next-mdx-remote/serialize';
import { MDXRemote } from 'next-mdx-remote';
import rehypeDocs from 'lib/docs/rehype-docs';
import { Inter } from 'next/font/google';





































































































































































































































































