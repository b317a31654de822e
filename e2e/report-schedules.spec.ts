import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Download } from "@playwright/test";
import { checkReportBytes, parseManifest } from "../lib/reports/manifest";
import { signIn } from "./support/auth";
import { appEnv } from "./support/e2e-env.mjs";

/**
 * Security schedules the monthly inventory review for an auditor, runs it now (the app's own
 * worker runs the job), and downloads the stored file and its manifest from the run history: they
 * verify with the verifier's code against the audit public key. The auditor, a recipient, sees and
 * downloads it but cannot manage it; an owner gets neither page nor file. (E-mail is covered by
 * lib/reports/schedules/report-schedules.int.test.ts against a real SMTP server; this app has no
 * relay, which the history says.)
 */

const publicKey = createPublicKey(createPrivateKey({ key: Buffer.from(appEnv.TOKENWARD_AUDIT_SIGNING_KEY, "base64"), format: "der", type: "pkcs8" }));
const keys = [{ keyId: null, publicKey }];

async function saved(download: Promise<Download>): Promise<{ bytes: Buffer; name: string }> {
  const d = await download;
  return { bytes: readFileSync((await d.path())!), name: d.suggestedFilename() };
}

test("security schedules a report, runs it now, and the stored file verifies; the auditor recipient downloads it; an owner cannot", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "security", { next: "/reports" });
  await page.getByTestId("reports-schedules-link").click();
  await expect(page.getByRole("heading", { name: "Scheduled reports" })).toBeVisible();

  const name = `Monthly high-risk review ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Report", { exact: true }).selectOption("inventory");
  await page.getByLabel("Format", { exact: true }).selectOption("csv");
  await page.getByLabel("Filters", { exact: true }).fill("risk=extreme");
  await page.getByLabel("Every", { exact: true }).selectOption("monthly");
  await page.getByLabel("On day", { exact: true }).fill("1");
  await page.getByLabel("At", { exact: true }).fill("06:00");
  await expect(page.getByText("Monthly on day 1 at 06:00 UTC — cron 0 6 1 * *")).toBeVisible();
  await page.getByTestId("schedule-recipients").getByText("auditor@tokenward.local").click();
  // A bad filter is refused with the export route's own words; nothing is created.
  await page.getByTestId("schedule-create").click();
  await expect(page.getByTestId("schedule-error")).toContainText("risk");
  await page.getByLabel("Filters", { exact: true }).fill("risk=high,critical&sort=name");
  await page.getByTestId("schedule-create").click();

  await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("schedule-details")).toContainText("auditor@tokenward.local");
  await expect(page.getByTestId("schedule-details")).toContainText("risk=high,critical&sort=name");
  await page.getByTestId("schedule-run-now").click();
  const row = page.getByTestId("run-row").first();
  await expect(row).toContainText("succeeded", { timeout: 90_000 });
  await expect(row).toContainText("no SMTP relay");
  const scheduleUrl = page.url();

  const file = await saved(Promise.all([page.waitForEvent("download"), row.getByTestId("run-download").click()]).then(([d]) => d));
  expect(file.name).toMatch(/^tokenward-inventory-.*\.csv$/);
  const manifestFile = await saved(Promise.all([page.waitForEvent("download"), row.getByTestId("report-manifest-link").click()]).then(([d]) => d));
  expect(manifestFile.name).toBe(`${file.name}.manifest.json`);
  const manifest = parseManifest(manifestFile.bytes.toString("utf8"));
  if (typeof manifest === "string") throw new Error(manifest);
  expect(checkReportBytes(manifest, file.bytes, keys)).toMatchObject({ ok: true });
  expect(manifest).toMatchObject({ report: "inventory", filters: { risk: "high,critical", sort: "name" }, requestedBy: { label: "security@tokenward.local (security)" } });
  expect(file.bytes.toString("utf8").trimEnd().split("\r\n").length - 1).toBe(manifest.rowCount);

  // Pause shows on the page and in the list.
  await page.getByTestId("schedule-pause").click();
  await expect(page.getByTestId("schedule-details")).toContainText("paused");

  // The auditor is a recipient: sees the runs and downloads the same bytes, but manages nothing.
  await signIn(page, "auditor", { next: new URL(scheduleUrl).pathname });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("schedule-run-now")).toHaveCount(0);
  const again = await saved(Promise.all([page.waitForEvent("download"), page.getByTestId("run-row").first().getByTestId("run-download").click()]).then(([d]) => d));
  expect(checkReportBytes(manifest, again.bytes, keys)).toMatchObject({ ok: true });

  // An owner: no page, no file.
  const download = await page.getByTestId("run-row").first().getByTestId("run-download").getAttribute("href");
  await signIn(page, "owner", { next: "/reports/schedules" });
  await expect(page.getByText("Reports are for auditors, security and admins")).toBeVisible();
  expect((await page.request.get(download!)).status()).toBe(403);
});
