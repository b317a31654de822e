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
    // The UI calls the server one way: useServerAction (lib/client/use-server-action.ts) for server
    // actions and apiGet/apiPost (lib/client/api.ts) for route handlers — never fetch directly.
    files: ["components/**", "lib/**/hooks/**", "app/**/*.tsx"],
    rules: {
      "no-restricted-globals": ["error", { name: "fetch", message: "Call the server through lib/client/api.ts (apiGet/apiPost) or useServerAction." }],
      "no-restricted-imports": ["error", { paths: [{ name: "@tanstack/react-query", importNames: ["useMutation"], message: "Server actions go through useServerAction (lib/client/use-server-action.ts)." }] }],
    },
  },
  {
    // Scripts, tests and configuration legitimately read the process environment.
    files: ["scripts/**", "e2e/**", "lib/testing/**", "**/*.test.ts", "*.config.*", "lib/env.ts", "proxy.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
