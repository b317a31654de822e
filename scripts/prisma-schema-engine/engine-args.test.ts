import { describe, expect, it } from "vitest";

import { isPostgresUrl, pgliteDirFromUrl } from "./adapters.mjs";
import { parseEngineArgs } from "./cli-args.mjs";

describe("parseEngineArgs", () => {
  it("reads what the Prisma CLI passes in JSON-RPC mode", () => {
    const args = parseEngineArgs([
      "--datamodels",
      "/repo/prisma/a.prisma",
      "--datamodels",
      "/repo/prisma/b.prisma",
      "--datasource",
      JSON.stringify({ url: "file:/repo/.data/pglite" }),
    ]);
    expect(args).toEqual({
      datamodels: ["/repo/prisma/a.prisma", "/repo/prisma/b.prisma"],
      datasource: { url: "file:/repo/.data/pglite" },
      previewFeatures: [],
      cliCommand: undefined,
      version: false,
    });
  });

  it("reads one-shot cli commands and --version", () => {
    expect(parseEngineArgs(["--datasource", '{"url":"postgresql://h/db"}', "cli", "can-connect-to-database"]).cliCommand).toBe(
      "can-connect-to-database",
    );
    expect(parseEngineArgs(["--version"]).version).toBe(true);
  });

  it("rejects flags it does not know, so a CLI upgrade fails loudly", () => {
    expect(() => parseEngineArgs(["--something-new", "x"])).toThrow(/unsupported schema engine argument/);
    expect(() => parseEngineArgs(["--datamodels"])).toThrow(/needs a value/);
  });
});

describe("datasource URLs", () => {
  it("tells PostgreSQL from PGlite", () => {
    expect(isPostgresUrl("postgresql://u@h:5432/db")).toBe(true);
    expect(isPostgresUrl("postgres://u@h/db")).toBe(true);
    expect(isPostgresUrl("file:/data/pglite")).toBe(false);
  });

  it("maps file: URLs to a PGlite data directory", () => {
    expect(pgliteDirFromUrl("file:/data/pglite", "/repo")).toBe("/data/pglite");
    expect(pgliteDirFromUrl("file:///data/my%20db", "/repo")).toBe("/data/my db");
    expect(pgliteDirFromUrl("file:.data/pglite", "/repo")).toBe("/repo/.data/pglite");
  });
});
