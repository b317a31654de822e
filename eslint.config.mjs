import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Environment is read only through lib/env.ts.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts" }],
    },
  },
  {
    // Scripts, tests and configuration legitimately read the process environment.
    files: ["scripts/**", "e2e/**", "lib/testing/**", "**/*.test.ts", "*.config.*", "lib/env.ts", "proxy.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
