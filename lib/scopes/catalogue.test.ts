import { describe, expect, it } from "vitest";
import { API_KEY_SCOPE_IDS } from "@/lib/api-keys/scopes";
import { TOKENWARD_PROVIDER } from "@/lib/api-keys/services/create-api-key";
import { PROVIDERS } from "@/lib/seed/catalog-providers";
import { SCOPE_POOLS } from "@/lib/seed/scopes";
import { classifyScope } from "@/lib/scopes/classify";
import { SCOPE_FAMILIES } from "@/lib/scopes/registry";

/** Every scope Tokenward itself grants or seeds must be in the catalogue: unknown is for the outside world. */
describe("scope catalogue coverage", () => {
  for (const spec of PROVIDERS) {
    const scopes = SCOPE_POOLS[spec.key].flatMap((pool) => [...pool.narrow, ...pool.broad]);
    // The seed adds offline_access to every refresh token it issues.
    if (spec.kinds.some(([kind]) => kind === "oauth_refresh_token")) scopes.push("offline_access");
    it(`classifies every seeded ${spec.key} scope (provider type ${spec.type})`, () => {
      expect(Object.keys(SCOPE_FAMILIES)).toContain(spec.type);
      const unknown = scopes.map((s) => classifyScope(spec.type, s)).filter((c) => c.privilege === "unknown");
      expect(unknown).toEqual([]);
    });
  }

  it("classifies every Tokenward API key scope", () => {
    expect(SCOPE_FAMILIES).toHaveProperty(TOKENWARD_PROVIDER.type);
    for (const scope of API_KEY_SCOPE_IDS) expect(classifyScope(TOKENWARD_PROVIDER.type, scope).privilege, scope).not.toBe("unknown");
  });

  it("gives every exact entry a reason that reads as a sentence", () => {
    for (const family of Object.values(SCOPE_FAMILIES)) {
      for (const [scope, entry] of Object.entries(family.exact)) {
        expect(entry.reason, `${family.id} ${scope}`).toMatch(/^[A-Z\p{Lu}].{8,}[^.]$/u);
      }
    }
  });
});
