import { execFile } from 'node:child_process';

/**
 * The text of a PDF as Debian's `pdftotext -layout` reads it (poppler-utils;
 * .ci/run installs it): columns kept apart by spaces, pages by form feeds.
 */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'pdftotext',
      ['-layout', '-enc', 'UTF-8', '-', '-'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(
            new Error(`pdftotext failed (is poppler-utils installed?): ${stderr || error.message}`),
          );
        else resolve(stdout);
      },
    );
    child.stdin!.end(pdf);
  });
}

/** The pages of `pdfText`'s answer (it ends every page with a form feed). */
export function pdfPages(text: string): string[] {
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
