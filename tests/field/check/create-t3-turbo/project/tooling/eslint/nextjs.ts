import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig } from "eslint/config";













