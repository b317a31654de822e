import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

/** Topology nodes are links: a click and Enter open their page, and on a phone the graph fits. */

async function openServerWithGraph(page: Page) {
  await page.goto("/mcp-servers");
  // A seeded server with bindings: earlier specs register and scan servers that have no graph yet.
  await page.getByTestId("mcp-server-link").filter({ hasText: /^github-mcp$/ }).click();
  await expect(page.getByTestId("mcp-server-name")).toBeVisible();
  const links = page.getByTestId("topology").getByTestId("topology-node-link");
  await expect(links.first()).toBeVisible();
  return links;
}

async function otherNode(page: Page, links: ReturnType<Page["getByTestId"]>) {
  const here = new URL(page.url()).pathname;
  for (const link of await links.all()) {
    const href = await link.getAttribute("href");
    if (href && href !== here && !href.startsWith("/inventory?")) return { link, href };
  }
  throw new Error("no node links to another page");
}

test("a topology node opens its page on click, and on Enter from the keyboard", async ({ page }) => {
  await signIn(page, "security");
  let links = await openServerWithGraph(page);
  const clicked = await otherNode(page, links);
  await clicked.link.click();
  await expect(page).toHaveURL(new RegExp(`${clicked.href}$`));

  links = await openServerWithGraph(page);
  const pressed = await otherNode(page, links);
  await pressed.link.focus();
  await expect(pressed.link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${pressed.href}$`));
});

test("on a phone the whole graph fits its frame", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "security");
  await openServerWithGraph(page);
  const frame = (await page.getByTestId("topology").locator(".react-flow").boundingBox())!;
  const nodes = page.getByTestId("topology").locator(".react-flow__node");
  await expect(nodes.first()).toBeVisible();
  for (const node of await nodes.all()) {
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  }
});
