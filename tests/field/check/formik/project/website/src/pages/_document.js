import Document, { Html, Head, Main, NextScript } from 'next/document';
















