import * as React from 'react';
import { MDXProvider } from '@mdx-js/react';
import { Banner } from 'components/Banner';
import { Nav } from 'components/Nav';
import { Sidebar } from 'components/Sidebar';
import { SidebarCategory } from 'components/SidebarCategory';
import { SidebarHeading } from 'components/SidebarHeading';
import { SidebarMobile } from 'components/SidebarMobile';
import { SidebarPost } from 'components/SidebarPost';
import { Sticky } from 'components/Sticky';
import { useIsMobile } from 'components/useIsMobile';
import { findRouteByPath } from 'lib/docs/findRouteByPath';
import { removeFromLast } from 'lib/docs/utils';
import { getRouteContext } from 'lib/get-route-context';
import { Page, RouteItem } from 'lib/types';
import { useRouter } from 'next/router';
import { Toc } from './Toc';
import s from './markdown.module.css';
import { Footer } from './Footer';
import { DocsPageFooter } from './DocsPageFooter';
import { Seo } from './Seo';
import MDXComponents from './MDXComponents';
import Head from 'next/head';
import { getManifest } from 'manifests/getManifest';
import { Inter } from 'next/font/google';





















































































































































































