import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build*/", "node_modules/", ".data/", "test-results/", "playwright-report/"] },
  ...tseslint.configs.recommended,
  {
    // The hooks rules (the costly compiler-based ones among them) only where React code lives.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/domain/**", "app/data/**", "app/**/*.server.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // Domain modules are pure: no framework, no database, no clock (time is an argument).
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@remix-run/*", "react", "react-*", "kysely", "pg", "~/data/*", "~/auth/*", "~/routes/*", "*.server"] },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Domain code takes the time as an argument (`now`), never reads the clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Domain code takes the time as an argument (`now`), never reads the clock." },
      ],
    },
  },
  {
    // The citizens' browser script runs with no framework beside it: pure domain rules only, nothing server-side.
    files: ["app/enhance/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*", "react", "react-*", "i18next", "kysely", "pg", "*.server", "node:*"], message: "The enhancement script ships to the browser alone: no framework, no server code." },
            { group: ["~/*", "!~/domain", "!~/domain/*"], message: "The enhancement script imports app/domain only." },
          ],
        },
      ],
    },
  },
  {
    // Routes are thin: no SQL. Queries and commands live in app/data.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "kysely", message: "Routes build no SQL: call a function of app/data." }] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom|transaction)$/]",
          message: "Routes build no SQL: call a function of app/data.",
        },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: "Routes build no SQL: call a function of app/data." },
      ],
    },
  },
  {
    // A DATE column arrives as its "YYYY-MM-DD" text (db/connect.ts, DateOnly): select it as it is.
    files: ["app/data/**/*.ts", "app/pages/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "TemplateElement[value.raw=/to_char\\(.*'YYYY-MM-DD'/]", message: "Select the DATE column as it is: db/connect.ts reads it as \"YYYY-MM-DD\" text." },
      ],
    },
  },
  {
    // Server modules never import components.
    files: ["app/**/*.server.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["~/ui/*", "~/ui"], message: "Server modules do not import components (app/ui)." }] }] },
  },
  {
    // Components take the locale from ~/i18n/react (useLocale), never from the root route.
    files: ["app/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "~/root", message: "Use useLocale() from ~/i18n/react." }] }] },
  },
  {
    // One concern per file: over ~400 lines a file says why in its header; 500 is the limit.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "max-lines": ["error", { max: 500 }] },
  },
  {
    files: ["db/**/*.ts", "server/**/*.ts", "tests/**/*.ts", "**/cli/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
