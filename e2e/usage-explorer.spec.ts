import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

/**
 * The hop-log explorer end to end on the seeded hops: filter by a caller clicked in a row, page
 * forward and back by keyset, narrow by outcome, open a trace's hop graph; a forged cursor is
 * refused with a way back; an owner reads only their own credentials' hops.
 */

test("security filters the hop log, pages it and opens a trace's hop graph", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "security", { next: "/" });
  await page.getByRole("link", { name: "Usage", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  const rows = page.getByTestId("hop-row");
  await expect(rows.first()).toBeVisible();

  // Small pages so the seeded log has several.
  await page.goto("/usage?limit=5");
  await expect(rows).toHaveCount(5);
  const caller = (await rows.first().locator("button").first().innerText()).trim();
  await rows.first().locator("button").first().click();
  await expect(page).toHaveURL(new RegExp(`caller=${encodeURIComponent(caller).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(page.getByLabel("Caller")).toHaveValue(caller);
  await expect(rows.first()).toBeVisible();
  await expect.poll(async () => [...new Set(await rows.locator("td:nth-child(2) > button:first-child").allInnerTexts())], { timeout: 30_000 }).toEqual([caller]);

  // Keyset paging: next, then previous lands on the same rows.
  await page.getByLabel("Caller").fill("");
  await page.getByTestId("hop-apply").click();
  await expect(page).not.toHaveURL(/caller=/);
  const firstPage = await rows.allInnerTexts();
  await page.getByTestId("page-next").click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(async () => (await rows.allInnerTexts()).join("|")).not.toBe(firstPage.join("|"));
  const times = (await rows.locator("td:first-child").allInnerTexts()).map((t) => t.trim());
  expect([...times].sort().reverse()).toEqual(times);
  await page.getByTestId("page-prev").click();
  await expect.poll(async () => (await rows.allInnerTexts()).join("|")).toBe(firstPage.join("|"));

  // Outcome filter through the form.
  await page.getByLabel("Outcome").selectOption("allowed");
  await page.getByTestId("hop-apply").click();
  await expect(page).toHaveURL(/outcome=allowed/);
  await expect(page.getByTestId("hop-status")).toContainText("on this page");

  // A trace opens its graph, listing this hop among its hops.
  await page.goto("/usage?limit=5");
  const trace = rows.first().getByTestId("hop-trace");
  const title = await trace.getAttribute("title");
  await trace.click();
  await expect(page).toHaveURL(/\/usage\/traces\//);
  await expect(page.getByTestId("trace-graph")).toBeVisible();
  expect(title).toContain(decodeURIComponent(page.url().split("/usage/traces/")[1]!));
  await page.goBack();
  await expect(page).toHaveURL(/\/usage\?limit=5/);
});

test("a forged cursor is refused with a way back; an owner sees only their credentials' hops", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "security", { next: "/usage" });
  const forged = Buffer.from(JSON.stringify(["+275760-09-13T00:00:00.000Z", "1"])).toString("base64url");
  await page.goto(`/usage?after=${forged}`);
  await expect(page.getByTestId("hop-error")).toContainText("cursor is not a page cursor from this hop log", { timeout: 30_000 });
  await page.getByRole("link", { name: "Start again from the newest hop" }).click();
  await expect(page.getByTestId("hop-row").first()).toBeVisible();
  await page.goto("/usage?outcome=granted");
  await expect(page.getByTestId("hop-invalid")).toContainText('"granted" is not an outcome', { timeout: 30_000 });

  await signIn(page, "owner", { next: "/usage" });
  await expect(page.getByTestId("hop-status")).toContainText("Hops of the credentials you and your teams own.");
  // Every hop shown is of a credential the owner or their team owns ("my credentials").
  const hopsResponse = await page.request.get("/api/v1/usage/events?limit=200");
  // Every API read says where its time went (lib/server/route.ts): durations only.
  expect(hopsResponse.headers()["server-timing"]).toMatch(/^session;dur=\d+\.\d{2}, query;dur=\d+\.\d{2}, app;dur=\d+\.\d{2}$/);
  const hops = (await hopsResponse.json()) as { items: { credential: { id: string } | null }[] };
  const mine = new Set<string>();
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page1 = (await (await page.request.get(`/api/v1/credentials?mine=1&limit=200${after ? `&after=${after}` : ""}`)).json()) as { items: { id: string }[]; nextCursor: string | null };
    for (const c of page1.items) mine.add(c.id);
    after = page1.nextCursor;
    if (!after) break;
  }
  for (const hop of hops.items) expect(mine.has(hop.credential!.id)).toBe(true);
  // And security sees more than that.
  await signIn(page, "security", { next: "/usage" });
  const all = (await (await page.request.get("/api/v1/usage/events?limit=200")).json()) as { items: { traceId: string; credential: { id: string } | null }[] };
  expect(all.items.some((h) => !mine.has(h.credential!.id))).toBe(true);

  // A trace with none of the owner's credentials in it: security opens it, the owner gets a 404 —
  // a trace link passed around (an alert, a webhook) shows no more than the hop log would.
  let foreign: string | undefined;
  for (const hop of all.items.filter((h) => !mine.has(h.credential!.id))) {
    const inTrace = (await (await page.request.get(`/api/v1/usage/events?trace=${encodeURIComponent(hop.traceId)}&limit=200`)).json()) as { items: { credential: { id: string } | null }[] };
    if (inTrace.items.every((h) => !mine.has(h.credential!.id))) {
      foreign = hop.traceId;
      break;
    }
  }
  expect(foreign).toBeDefined();
  const tracePath = `/usage/traces/${encodeURIComponent(foreign!)}`;
  expect((await page.goto(tracePath))?.status()).toBe(200);
  await expect(page.getByTestId("trace-graph")).toBeVisible();
  await signIn(page, "owner", { next: "/usage" });
  expect((await page.goto(tracePath))?.status()).toBe(404);
  await expect(page.getByText("This page does not exist")).toBeVisible();
  // A malformed escape in the path is a bad request (proxy.ts), not a server error.
  expect((await page.goto("/usage/traces/%E0%A4%A"))?.status()).toBe(400);
});
