/**
 * The worker thread a PDF is read in (`readPdfWithin`, pdf-text.ts): PDF.js
 * runs here, under the heap limit the thread was started with, so a file
 * built to exhaust memory or time stops this thread, never the check.
 * Reads one PDF per message, in order, and answers each with its text or
 * its error's name and message.
 */
import { parentPort } from 'node:worker_threads';
import { readPdf, type ReadOptions } from './pdf-text.ts';

interface Request {
  bytes: Uint8Array;
  options: ReadOptions;
}

parentPort?.on('message', ({ bytes, options }: Request) => {
  readPdf(bytes, options).then(
    (text) => parentPort?.postMessage({ text }),
    (error: unknown) =>
      parentPort?.postMessage({
        error: {
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        },
      }),
  );
});
