import * as React from 'react';
import dynamic from 'next/dynamic';
import Image from 'next/image';
import Head from 'next/head';
import Link from 'next/link';

















  code: dynamic(() => import('./Highlight2')),



