// Vite's `?worker&url` import: the URL of a worker entry built as its own script.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
