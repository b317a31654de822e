import { z } from "zod";

/**
 * The provider form, generated from a connector's zod schemas (the registry is the only place a
 * connector's settings are described). JSON Schema is the bridge: zod emits it with each field's
 * `.meta({ title, description, widget })`, and the result is plain data a client component renders.
 */

export type TFormFieldKind = "text" | "url" | "textarea" | "select" | "checkbox" | "secret";

export type TFormField = {
  name: string;
  label: string;
  hint?: string;
  kind: TFormFieldKind;
  required: boolean;
  options?: string[];
  defaultValue?: string | boolean;
};

type TJsonProperty = {
  type?: string;
  format?: string;
  enum?: unknown[];
  title?: string;
  description?: string;
  widget?: string;
  default?: unknown;
};

export function formFieldsOf(schema: z.ZodType, options: { secret?: boolean } = {}): TFormField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, TJsonProperty>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, p]) => {
    const kind: TFormFieldKind = Array.isArray(p.enum)
      ? "select"
      : p.type === "boolean"
        ? "checkbox"
        : p.widget === "textarea"
          ? "textarea"
          : options.secret
            ? "secret"
            : p.format === "uri"
              ? "url"
              : "text";
    const defaultValue = typeof p.default === "string" || typeof p.default === "boolean" ? p.default : undefined;
    return {
      name,
      label: p.title ?? name,
      ...(p.description ? { hint: p.description } : {}),
      kind,
      required: required.has(name) && defaultValue === undefined,
      ...(Array.isArray(p.enum) ? { options: p.enum.map(String) } : {}),
      ...(defaultValue !== undefined ? { defaultValue } : {}),
    };
  });
}
