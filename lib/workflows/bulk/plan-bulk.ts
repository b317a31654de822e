import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { connectorFor, isConnectorType } from "@/lib/connectors/registry";
import { AppError } from "@/lib/errors/app-error";
import { prismaReader } from "@/lib/db/sql-reader";
import { filterConditions, SqlParams, usesRisk } from "@/lib/inventory/query-builder";
import { resolveFilter } from "@/lib/inventory/resolve-filter";
import { parseFilterString } from "@/lib/ownership/services/resolve-matching-credentials";
import type { TTx } from "@/lib/server/execute";
import { planWorkflow } from "@/lib/workflows/plan";
import { TERMINAL_STATES } from "@/lib/workflows/state-machine";
import { MAX_BULK, type TBulkScope } from "./schemas";

/**
 * The dry run of a bulk revocation: for every credential in scope, whether Tokenward can revoke it
 * now through its provider's connector, and if not, why — grouped, so an incident lead sees "4,210
 * will be revoked; 612 have no connector; 180 need their value (RFC 7009); 3 are already revoked"
 * before anything happens. The revocation itself runs this again and refuses if the count moved.
 */

export type TBulkItem = { id: string; name: string; provider: string };
export type TBulkPlan = {
  selected: number;
  eligible: TBulkItem[];
  skipped: { reason: string; count: number; sample: TBulkItem[] }[];
};

type TRow = { id: string; name: string; kind: string; status: string; provider_name: string; provider_type: string; enabled: boolean; secret_set: boolean; open_workflow: boolean };

const SAMPLE = 5;
const TERMINAL_SQL = `(${TERMINAL_STATES.map((s) => `'${s}'`).join(", ")})`;

async function idsInScope(tx: TTx, actor: TActor, scope: TBulkScope, now: Date): Promise<{ ids: string[] | null; where: string; values: unknown[] }> {
  if ("credentialIds" in scope) {
    const ids = [...new Set(scope.credentialIds)];
    return { ids, where: "c.id = ANY($1::uuid[])", values: [ids] };
  }
  const filter = parseFilterString(scope.filter);
  const p = new SqlParams();
  const conditions = filterConditions(filter, now, p, { viewer: actor, ...(await resolveFilter(prismaReader(tx), filter)) });
  const join = usesRisk(filter) ? "JOIN credential_risks r ON r.credential_id = c.id" : "";
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id::text AS id FROM credentials c ${join} ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY c.id LIMIT ${MAX_BULK + 1}`,
    ...p.values,
  );
  if (rows.length > MAX_BULK) throw new AppError("VALIDATION", `This filter matches more than ${MAX_BULK.toLocaleString("en")} credentials; narrow it or revoke in parts.`, { fieldErrors: { scope: ["too many matches"] } });
  const ids = rows.map((r) => r.id);
  return { ids, where: "c.id = ANY($1::uuid[])", values: [ids] };
}

export async function planBulkRevocation(tx: TTx, actor: TActor, scope: TBulkScope, now = new Date()): Promise<TBulkPlan> {
  const { ids, where, values } = await idsInScope(tx, actor, scope, now);
  if (!ids || ids.length === 0) throw new AppError("NOT_FOUND", "No credential matches: nothing to revoke.");
  const rows = await tx.$queryRawUnsafe<TRow[]>(
    `SELECT c.id::text AS id, c.name, c.kind::text AS kind, c.status::text AS status, p.name AS provider_name, p.type AS provider_type, p.enabled,
            p.encrypted_credentials IS NOT NULL AS secret_set,
            EXISTS (SELECT 1 FROM workflows w WHERE w.credential_id = c.id AND w.state NOT IN ${TERMINAL_SQL}) AS open_workflow
       FROM credentials c JOIN providers p ON p.id = c.provider_id
      WHERE ${where}
      ORDER BY c.name, c.id`,
    ...values,
  );
  if (rows.length < ids.length && "credentialIds" in scope) {
    throw new AppError("NOT_FOUND", `${ids.length - rows.length} of the selected credentials no longer exist.`);
  }
  const eligible: TBulkItem[] = [];
  const skipped = new Map<string, { count: number; sample: TBulkItem[] }>();
  const skip = (reason: string, item: TBulkItem) => {
    const entry = skipped.get(reason) ?? { count: 0, sample: [] };
    entry.count++;
    if (entry.sample.length < SAMPLE) entry.sample.push(item);
    skipped.set(reason, entry);
  };
  for (const r of rows) {
    const item = { id: r.id, name: r.name, provider: r.provider_name };
    if (r.status === "revoked" || r.status === "disabled") {
      skip(`Already ${r.status}`, item);
      continue;
    }
    if (r.open_workflow) {
      skip("A rotation or revocation is already open for it", item);
      continue;
    }
    const plan = planWorkflow({
      kind: "revocation",
      credentialKind: r.kind,
      provider: { name: r.provider_name, enabled: r.enabled, secretSet: r.secret_set },
      connector: isConnectorType(r.provider_type) ? connectorFor(r.provider_type) : null,
    });
    if (!plan.possible) skip(plan.reason.replace(r.provider_name, "Its provider"), item);
    else if (plan.revokeNeedsValue) skip("Its provider revokes it only when it is presented (RFC 7009): revoke it from its own page with its value", item);
    else eligible.push(item);
  }
  return {
    selected: rows.length,
    eligible,
    skipped: [...skipped.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.count - a.count),
  };
}
