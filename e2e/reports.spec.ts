import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { FORMAT_LABELS, REPORT_FORMATS, REPORT_IDS, REPORTS } from "../lib/reports/catalogue";
import { checkReportBytes, parseManifest, type TReportManifest } from "../lib/reports/manifest";
import { signIn } from "./support/auth";
import { appEnv } from "./support/e2e-env.mjs";

/**
 * An auditor exports every report in every format from the Reports page, and the inventory's
 * current view from its Export menu; each download and its manifest verify with the verifier's own
 * code (lib/reports/manifest.ts, what `npm run report:verify` runs) against the audit public key
 * alone. An owner gets neither the page's form nor the menu.
 */

// The app's audit signing key is the e2e environment's; an auditor holds only its public half.
const publicKey = createPublicKey(createPrivateKey({ key: Buffer.from(appEnv.TOKENWARD_AUDIT_SIGNING_KEY, "base64"), format: "der", type: "pkcs8" }));
const keys = [{ keyId: null, publicKey }];

async function saved(download: Promise<Download>): Promise<{ bytes: Buffer; name: string }> {
  const d = await download;
  return { bytes: readFileSync((await d.path())!), name: d.suggestedFilename() };
}

async function verifyPair(page: Page, file: { bytes: Buffer; name: string }, manifestLink: ReturnType<Page["getByTestId"]>): Promise<TReportManifest> {
  const manifestFile = await saved(Promise.all([page.waitForEvent("download"), manifestLink.click()]).then(([d]) => d));
  expect(manifestFile.name).toBe(`${file.name}.manifest.json`);
  const manifest = parseManifest(manifestFile.bytes.toString("utf8"));
  if (typeof manifest === "string") throw new Error(manifest);
  expect(checkReportBytes(manifest, file.bytes, keys)).toMatchObject({ ok: true });
  // One changed byte is caught by the same code.
  const changed = Buffer.from(file.bytes);
  changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 1;
  expect(checkReportBytes(manifest, changed, keys).ok).toBe(false);
  return manifest;
}

test("an auditor exports each report in each format, and every download verifies against its signed manifest", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "auditor", { next: "/reports" });
  await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();
  for (const report of REPORT_IDS) {
    await page.getByTestId(`report-${report}`).check();
    for (const format of REPORT_FORMATS) {
      await page.getByTestId(`format-${format}`).check({ force: true });
      const file = await saved(Promise.all([page.waitForEvent("download"), page.getByTestId("report-export").click()]).then(([d]) => d));
      expect(file.name).toMatch(new RegExp(`^tokenward-${report}-.*\\.${format}$`));
      if (format === "pdf") expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (format === "json") expect(JSON.parse(file.bytes.toString("utf8"))).toMatchObject({ report, title: REPORTS[report].title });
      const row = page.getByTestId("report-started").locator("li").first();
      await expect(row).toContainText(`${REPORTS[report].title} · ${FORMAT_LABELS[format].label}`);
      const manifest = await verifyPair(page, file, row.getByTestId("report-manifest-link"));
      expect(manifest).toMatchObject({ report, contentFormat: format, requestedBy: { label: "auditor@tokenward.local (auditor)", role: "auditor" } });
      expect(manifest.auditHead?.seq).toMatch(/^\d+$/);
    }
  }
  // A bad inventory filter is said on the page, nothing is downloaded.
  await page.getByTestId("report-inventory").check();
  await page.getByRole("textbox", { name: "Inventory view" }).fill("risk=extreme");
  await page.getByTestId("report-export").click();
  await expect(page.getByTestId("report-error")).toContainText("risk");
});

test("the inventory's Export menu exports the current view with its filters", async ({ page }) => {
  await signIn(page, "auditor", { next: "/inventory?risk=high,critical&sort=name&dir=asc" });
  await expect(page.getByTestId("inventory-count")).toContainText("credential");
  await page.getByTestId("inventory-export").click();
  const file = await saved(Promise.all([page.waitForEvent("download"), page.getByTestId("inventory-export-csv").click()]).then(([d]) => d));
  const manifest = await verifyPair(page, file, page.getByTestId("report-manifest-link"));
  // dir=asc is the name sort's default, so the view's URL (and the export) leave it out.
  expect(manifest.filters).toEqual({ risk: "high,critical", sort: "name" });
  const lines = file.bytes.toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Credential id,Name,Provider/);
  expect(lines.length - 1).toBe(manifest.rowCount);
  expect(manifest.rowCount).toBeGreaterThan(0);
});

test("an owner has no Export menu and no report form", async ({ page }) => {
  await signIn(page, "owner", { next: "/inventory" });
  await expect(page.getByTestId("inventory-count")).toContainText("credential");
  await expect(page.getByTestId("inventory-export")).toHaveCount(0);
  await page.goto("/reports");
  await expect(page.getByText("Reports are for auditors, security and admins")).toBeVisible();
  await expect(page.getByTestId("report-form")).toHaveCount(0);
  const refused = await page.request.get("/api/v1/reports/export?report=inventory&format=csv");
  expect(refused.status()).toBe(403);
});
