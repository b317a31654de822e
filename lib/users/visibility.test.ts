import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { mayReadPeople, personFor } from "@/lib/users/visibility";

describe("personFor", () => {
  const person = { id: "u1", name: "Ada", email: "ada@example.com" };
  it.each(ROLES)("%s sees an e-mail exactly when the role has users.read", (role) => {
    const seen = personFor({ role }, person);
    expect("email" in seen).toBe(mayReadPeople({ role }));
    expect(seen).toMatchObject({ id: "u1", name: "Ada" });
  });
  it("the owner role has no users.read", () => {
    expect(mayReadPeople({ role: "owner" })).toBe(false);
  });
});
