import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["build*/", "node_modules/", ".data/", "test-results/", "playwright-report/"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // Domain modules are pure: no framework, no database.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@remix-run/*", "react", "react-*", "kysely", "pg", "~/data/*", "~/auth/*", "~/routes/*", "*.server"] },
      ],
    },
  },
  {
    files: ["db/**/*.ts", "server/**/*.ts", "tests/**/*.ts", "**/cli/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
