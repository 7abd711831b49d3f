#!/usr/bin/env node
// Entry point for `factlint` / `npx factlint`: runs the bundled CLI.
require('../dist/cli.js');
