import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of docs/ARCHITECTURE.md, as import rules. ESLint keeps one options list per rule and file (a later
// block replaces an earlier one), so each block lists every restriction that applies to its folder.
const NOT_APP = {
  regex: String.raw`^(@/|(\.\./)+)app(/|$)`,
  message: "lib/ never imports app/: hand the server action (or whatever app/ has) to it instead.",
};
const NOT_SERVER = {
  regex: String.raw`^(@/lib/|(\.\./)+(lib/)?)(services|db)(/|$)`,
  message:
    "components/ and lib/client/ never import services or the database: the page loads the data and passes it as props, changes go through server actions.",
  // a type import is erased at build time: the views' types may be shared with the browser
  allowTypeImports: true,
};
const ONLY_DOMAIN = {
  regex: String.raw`^(?!\./|@/lib/domain/)`,
  message: "lib/domain is plain TypeScript: it imports only lib/domain (no packages, no framework, no I/O).",
};
// a file one folder down (lib/domain/planner/solve.ts) may also reach its parent: `../time`, never `../../`
const ONLY_DOMAIN_FROM_SUBFOLDER = { ...ONLY_DOMAIN, regex: String.raw`^(?!\./|\.\./(?!\.\.)|@/lib/domain/)` };

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["lib/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_APP] }] },
  },
  {
    files: ["lib/client/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_APP, NOT_SERVER] }] },
  },
  {
    files: ["components/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_SERVER] }] },
  },
  {
    files: ["lib/domain/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [ONLY_DOMAIN] }] },
  },
  {
    files: ["lib/domain/*/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [ONLY_DOMAIN_FROM_SUBFOLDER] }] },
  },
  {
    // the service worker's classic scripts share one global scope (public/sw.js imports the others): what one
    // declares, another uses, so "never used" is wrong there
    files: ["public/sw.js", "public/sw/**/*.js"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "node_modules/**",
    "lib/db/generated/**",
    "artifacts/**",
    ".data/**",
    "coverage/**",
    "scripts/schema-engine.mjs",
  ]),
]);
