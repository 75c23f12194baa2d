corepack enable --install-directory ~/bin && corepack prepare pnpm@latest --activate
pnpm install