import { Html, Head, Main, NextScript } from "next/document";












