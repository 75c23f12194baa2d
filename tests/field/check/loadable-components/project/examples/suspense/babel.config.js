module.exports = {
  presets: ['@babel/preset-react'],
  plugins: ['@babel/plugin-syntax-dynamic-import'],
}
