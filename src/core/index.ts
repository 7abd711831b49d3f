// The core's public surface: pure functions from text to plain data (no I/O, no vscode, no Node).
export * from './types';
export { createChecker, DEFAULT_SEVERITY, type Checker } from './checker';
export type { CheckSession } from './session';
export { parseFactBase, mergeFactBases, nameClashes, SCHEMA_VERSION, MAX_FACT_FILE_CHARS } from './factBase';
export { parseProjectConfig, CONFIG_FILE_NAME, type ProjectConfig } from './config';
export { applyEdits } from './rewrite';
export { createPositionMap, offsetAt, type LineColumn } from './positions';
export { readDirectives } from './directives';
export { normalizeName } from './names';
export { FoldingPattern, foldsLikeAscii } from './caseFolding';
