// Loads the YAML readers on first use: most workspaces have no fact file or .factlint.yaml, and yaml is a third of the code.
import type * as FactFiles from '../core/factFiles';

let readers: typeof FactFiles | undefined;

/** The fact-file and config readers, from dist/factFiles.js beside this bundle (built from src/core/factFiles.ts). */
export function factFileReaders(): typeof FactFiles {
  // A plain require, kept out of the bundle (esbuild.js marks it external): loaded once, when first asked.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (readers ??= require('./factFiles.js') as typeof FactFiles);
}
