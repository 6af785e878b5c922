/** A dropped file, read for `storage.importFiles`. */
export interface ReadFile {
  name: string;
  size: number;
  dataBase64: string;
}

/** What the import contract accepts in one call. */
export const MAX_FILES = 100;
/** Base64 grows a file by a third; the browser-mode server takes bodies up to 256 MB. */
export const MAX_TOTAL_BYTES = 180 * 1024 * 1024;

/** Reads files as base64 (without the `data:…;base64,` prefix). */
export async function readFiles(files: File[]): Promise<ReadFile[]> {
  return Promise.all(
    files.map(async (file) => ({ name: file.name, size: file.size, dataBase64: await toBase64(file) })),
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Why a drop cannot be imported as is, or undefined when it can. */
export function dropProblem(files: File[]): string | undefined {
  if (files.length === 0) return 'Only files can be imported; folders are not read.';
  if (files.length > MAX_FILES)
    return `Drop at most ${MAX_FILES} files at a time (you dropped ${files.length}).`;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_TOTAL_BYTES) return 'These files are too large to import in one go: drop fewer at a time.';
  return undefined;
}
