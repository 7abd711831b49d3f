// The YAML readers (fact files, .factlint.yaml) as an entry point of their own: the editor loads them only for a workspace that has such files.
export { parseFactBase } from './factBase';
export { parseProjectConfig } from './config';
