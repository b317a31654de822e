import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel } from "@/lib/errors/zod-messages";
import { findFiles, REPO_ROOT } from "@/lib/testing/find-files";

/**
 * Zod's own wording must never reach a person. Every exported schema in lib/**\/schemas.ts is fed
 * hostile input (nothing, wrong types, every field wrong, an extra field, overlong text) and no
 * message may read like zod's defaults.
 */
const ZOD_DEFAULT_WORDING = /Invalid input|Too small|Too big|Invalid (string|option|UUID|email|enum|union|type|format|element|key)|expected \w+, received|Unrecognized key|to have (>|<)=|Required$|Expected (string|number|object|array)|must be (>|<)=/;

const HOSTILE_VALUES: unknown[] = [undefined, null, 42, -1, 1.5, "", "x", "x".repeat(5000), true, [], {}, ["nope"], "not-a-uuid"];

function hostileInputs(schema: z.ZodType): unknown[] {
  const inputs: unknown[] = [...HOSTILE_VALUES, { unexpectedField: 1 }];
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) {
    for (const value of HOSTILE_VALUES) inputs.push(Object.fromEntries(Object.keys(shape).map((k) => [k, value])));
    for (const key of Object.keys(shape)) for (const value of HOSTILE_VALUES) inputs.push({ [key]: value });
  }
  return inputs;
}

describe("validation messages are written for people", () => {
  it("no schema answers hostile input in zod's default wording", async () => {
    // (installed by the pipeline: lib/server/execute.ts)
    await import("@/lib/errors/zod-messages");
    const offenders: string[] = [];
    let schemas = 0;
    for (const file of findFiles("lib", /^schemas\.ts$/)) {
      const mod = (await import(`${REPO_ROOT}/${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!(value instanceof z.ZodType)) continue;
        schemas += 1;
        for (const input of hostileInputs(value)) {
          const result = value.safeParse(input);
          if (result.success) continue;
          for (const issue of result.error.issues) {
            if (ZOD_DEFAULT_WORDING.test(issue.message)) offenders.push(`${file}#${name} ${JSON.stringify(input)?.slice(0, 60)} → ${issue.message}`);
          }
        }
      }
    }
    expect(schemas).toBeGreaterThan(10);
    expect([...new Set(offenders)].slice(0, 20)).toEqual([]);
  });

  it("names the field in words", () => {
    expect(fieldLabel(["expiresInDays"])).toBe("Expires in days");
    expect(fieldLabel(["teamId"])).toBe("Team");
    expect(fieldLabel(["credentialIds", 3])).toBe("Credentials");
    expect(fieldLabel([])).toBe("This value");
  });

  it("turns each kind of issue into a sentence", () => {
    const schema = z.object({ name: z.string().min(2).max(5), days: z.number().int().min(1), kind: z.enum(["a", "b"]), id: z.uuid() }).strict();
    const messages = (input: unknown) => (schema.safeParse(input).error?.issues ?? []).map((i) => i.message);
    expect(messages({ name: "x", days: 0, kind: "c", id: "no", extra: 1 })).toEqual([
      "Name must have at least 2 characters",
      "Days must be at least 1",
      "Kind must be one of: a, b",
      "Id must be an id as Tokenward gives it",
      '"extra" is not a field of this form',
    ]);
    expect(messages({})).toContain("Name is required");
    expect(messages({ name: "abcdef", days: 1.5, kind: "a", id: "00000000-0000-7000-8000-000000000000" })).toEqual(["Name must have at most 5 characters", "Days must be a whole number"]);
  });
});
