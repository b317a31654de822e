import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * The owner role's promise, "act on the credentials you or your team own", in the browser: the
 * controls appear exactly where the server would allow them, and the server refuses the rest.
 */

type TItem = { id: string; name: string; owner: { id: string; active: boolean } | null };

async function ids(page: Page, qs: string): Promise<TItem[]> {
  const response = await page.request.get(`/api/v1/credentials?${qs}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: TItem[] }).items;
}

test.describe("owners act on what they or their team own", () => {
  test("My credentials lists their and their team's credentials; they hand one over to another team", async ({ page }) => {
    await signIn(page, "owner", { next: "/my-credentials?sort=name&status=active" });
    const first = page.getByTestId("credential-link").first();
    const name = (await first.textContent())!;
    await first.click();
    await expect(page.getByTestId("credential-name")).toHaveText(name);
    await page.getByTestId("assign-owner-open").click();
    // Any team but the current one.
    const current = ((await page.getByTestId("detail-team").textContent()) ?? "").trim();
    const team = page.getByTestId("assign-team-select");
    await team.click();
    await team.fill("a");
    const options = page.getByTestId("assign-team-select-list").getByRole("option");
    await expect(options.first()).toBeVisible();
    const names = (await options.allTextContents()).map((n) => n.trim());
    await options.nth(names.findIndex((n) => !current.includes(n))).click();
    await page.getByTestId("assign-owner-submit").click();
    await expect(page.getByTestId("credential-history")).toContainText("ownership.assign");
    await expect(page.getByTestId("credential-history")).toContainText("owner@tokenward.local");
  });

  test("no hand-over control on another team's credential, on its page or in a selection (the server refuses it too: rbac-resource-matrix)", async ({ page }) => {
    await signIn(page, "owner", { next: "/inventory" });
    const mine = new Set((await ids(page, "mine=1&limit=200")).map((i) => i.id));
    const candidates = (await ids(page, "status=active&sort=name&limit=200")).filter((i) => !mine.has(i.id) && i.owner?.active);
    // Confirm it is really outside the owner's reach (mine=1 pages hold at most 200).
    let foreign: TItem | undefined;
    for (const c of candidates) {
      if (!(await ids(page, `mine=1&q=${encodeURIComponent(c.name)}&limit=200`)).some((i) => i.id === c.id)) {
        foreign = c;
        break;
      }
    }
    expect(foreign, "a credential another team owns").toBeDefined();
    await page.goto(`/inventory/${foreign!.id}`);
    await expect(page.getByTestId("credential-name")).toHaveText(foreign!.name);
    await expect(page.getByTestId("assign-owner-open")).toHaveCount(0);
    await expect(page.getByTestId("claim-ownership")).toHaveCount(0);

    // Selecting it in the inventory offers no hand-over either.
    await page.goto(`/inventory?q=${encodeURIComponent(foreign!.name)}`);
    const row = page.getByTestId("credential-row").filter({ has: page.locator(`a[href="/inventory/${foreign!.id}"]`) });
    await row.getByTestId("select-row").check();
    await expect(page.getByTestId("selection-bar")).toBeVisible();
    await expect(page.getByTestId("assign-owner-open")).toHaveCount(0);
  });
});
