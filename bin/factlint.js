#!/usr/bin/env node
// Entry point for `factlint` / `npx factlint`: runs the bundled CLI through its code cache (src/cli/launch.ts).
require('../dist/launch.js').launch();
