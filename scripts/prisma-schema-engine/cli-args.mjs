// @ts-check
/**
 * Arguments the Prisma CLI passes to the schema engine binary (see the native `schema-engine-cli`):
 *
 *   schema-engine [--datamodels <file>]... [--datasource <json>] [--enabled-preview-features <a,b>]
 *                 [--extension-types <json>] [cli <command>]
 *   schema-engine --version
 *
 * Unknown flags are rejected rather than ignored, so a CLI upgrade that passes something new
 * fails loudly instead of silently doing the wrong thing.
 */

/**
 * @typedef {object} EngineArgs
 * @property {string[]} datamodels schema file paths, in order
 * @property {{ url?: string, shadowDatabaseUrl?: string } | undefined} datasource
 * @property {string[]} previewFeatures
 * @property {string | undefined} cliCommand e.g. "can-connect-to-database"; undefined = JSON-RPC mode
 * @property {boolean} version
 */

/**
 * @param {string[]} argv process.argv without node and the script
 * @returns {EngineArgs}
 */
export function parseEngineArgs(argv) {
  /** @type {EngineArgs} */
  const args = { datamodels: [], datasource: undefined, previewFeatures: [], cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--datamodels":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = JSON.parse(value());
        break;
      case "--enabled-preview-features":
        args.previewFeatures = value().split(",").filter(Boolean);
        break;
      case "--extension-types":
        // Postgres extension types are only needed for introspection of extension-defined types.
        value();
        break;
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "cli":
        args.cliCommand = value();
        break;
      default:
        throw new Error(`unsupported schema engine argument: ${flag}`);
    }
  }
  return args;
}
