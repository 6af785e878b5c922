/** `import text from './x.sql?raw'`: Vite (electron-vite, vitest, the renderer) inlines the file as a string. */
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
