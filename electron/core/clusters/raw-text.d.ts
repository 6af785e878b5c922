/** `import text from '…/job.py?raw'`: Vite (electron-vite, vitest) inlines the file as a string. */
declare module '*.py?raw' {
  const text: string;
  export default text;
}
