import { describe, expect, it } from "vitest";
import { ZEnv } from "@/lib/env";

describe("TOKENWARD_WORKER", () => {
  it("runs the worker inside the app unless switched off", () => {
    expect(ZEnv.parse({}).TOKENWARD_WORKER).toBe("inline");
    expect(ZEnv.parse({ TOKENWARD_WORKER: "off" }).TOKENWARD_WORKER).toBe("off");
  });
  it("rejects anything else with the allowed values", () => {
    const result = ZEnv.safeParse({ TOKENWARD_WORKER: "yes" });
    expect(result.error?.issues[0]?.message).toBe("TOKENWARD_WORKER must be inline or off");
  });
});
