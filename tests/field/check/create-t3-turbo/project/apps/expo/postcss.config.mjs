export { default } from "@acme/tailwind-config/postcss-config";
