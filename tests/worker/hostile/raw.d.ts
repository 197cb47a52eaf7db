/** Vite's `?raw` import: the file's text (used for the Big List of Naughty Strings, see corpus.ts). */
declare module '*?raw' {
  const text: string;
  export default text;
}
