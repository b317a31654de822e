// `npm run screenshots -- --url http://localhost:3000 --out .data/screenshots [--role owner] [--password P] [--cookie name=value] [paths…]`
// Signs in with the local login and saves each page at desktop (1440) and narrow (390) widths, in
// light and dark, so a change can be looked at. Uses Debian's Chromium (CHROMIUM_PATH).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1] ?? fallback;
  args.splice(i, 2);
  return value;
};
const url = flag("url", "http://localhost:3000");
const out = flag("out", ".data/screenshots");
const role = flag("role", "security");
const password = flag("password", process.env.TOKENWARD_DEMO_PASSWORD ?? "");
// e.g. --cookie tw_inventory_columns=name.provider.scopes.risk to look at a column that is off by default.
const cookie = flag("cookie", "");
const paths = args.length ? args : ["/", "/inventory"];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const [label, width] of [["desktop", 1440], ["narrow", 390]] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      if (cookie) {
        const [name = "", ...rest] = cookie.split("=");
        await context.addCookies([{ name, value: rest.join("="), url }]);
      }
      const page = await context.newPage();
      if (password) {
        await page.goto(`${url}/sign-in`);
        await page.getByLabel("E-mail").fill(`${role}@tokenward.local`);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await page.getByTestId("user-menu").waitFor();
      }
      for (const p of paths) {
        await page.goto(`${url}${p}`);
        await page.waitForLoadState("networkidle");
        const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${role}-${label}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        process.stdout.write(`${file}\n`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
