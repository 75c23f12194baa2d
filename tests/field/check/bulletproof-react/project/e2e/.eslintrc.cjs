module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  extends: 'plugin:playwright/recommended',
};
