
export { default } from "@changesets/changelog-git";
