import { defineConfig } from "@rsbuild/core";

export default defineConfig({
  output: { distPath: "./build", target: "node" },
});
