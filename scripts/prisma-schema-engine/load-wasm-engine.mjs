// @ts-check
/**
 * Load `@prisma/schema-engine-wasm` on Node 20.
 *
 * The package entry does `import * as wasm from "./schema_engine_bg.wasm"`, which needs
 * `--experimental-wasm-modules` on Node 20. Its glue module (`schema_engine_bg`) is plain JS, so we
 * instantiate the sibling .wasm ourselves, with the glue module as the import object, exactly as
 * the entry would.
 */

import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** @typedef {typeof import("@prisma/schema-engine-wasm/schema_engine_bg")} SchemaEngineBindings */

/** @type {Promise<SchemaEngineBindings> | undefined} */
let loading;

/** @returns {Promise<SchemaEngineBindings>} the glue module, with its `SchemaEngine` class ready to use */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = gluePath.replace(/\.js$/, ".wasm");
    // The wasm imports everything from the module named after the glue file.
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": /** @type {any} */ (bindings),
    });
    bindings.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return bindings;
  })();
  return loading;
}
