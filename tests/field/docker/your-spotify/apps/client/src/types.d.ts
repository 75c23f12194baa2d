declare module "*.css" {
  const classes: any;
  export default classes;
}
