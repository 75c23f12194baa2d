import '@docsearch/css';
import '../styles/index.css';
import { Analytics } from '@vercel/analytics/react';











