import createDOMPurify from 'dompurify';
import { parse } from 'marked';

















