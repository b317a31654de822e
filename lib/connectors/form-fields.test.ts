import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONNECTORS, CONNECTOR_TYPES } from "./registry";
import { formFieldsOf } from "./form-fields";

describe("formFieldsOf", () => {
  it("turns a schema's fields, titles, hints, enums and defaults into form fields", () => {
    const fields = formFieldsOf(
      z.object({
        url: z.url().meta({ title: "Base URL", description: "Where it lives" }),
        mode: z.enum(["a", "b"]).default("b").meta({ title: "Mode" }),
        note: z.string().optional().meta({ title: "Note", widget: "textarea" }),
        flag: z.boolean().default(false),
      }),
    );
    expect(fields).toEqual([
      { name: "url", label: "Base URL", hint: "Where it lives", kind: "url", required: true },
      { name: "mode", label: "Mode", kind: "select", required: false, options: ["a", "b"], defaultValue: "b" },
      { name: "note", label: "Note", kind: "textarea", required: false },
      { name: "flag", label: "flag", kind: "checkbox", required: false, defaultValue: false },
    ]);
  });

  it("secret fields are masked inputs unless they are long text", () => {
    expect(formFieldsOf(z.object({ token: z.string() }), { secret: true })[0]!.kind).toBe("secret");
  });

  it.each(CONNECTOR_TYPES)("every registered connector (%s) yields a form with a label for each field", (type) => {
    const definition = CONNECTORS[type];
    const fields = [...formFieldsOf(definition.configSchema), ...formFieldsOf(definition.secretSchema, { secret: true })];
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.label, `${type}.${field.name} needs .meta({ title })`).not.toBe(field.name);
  });
});
