import type { TActor } from "@/lib/auth/actor";
import type { TPermission } from "@/lib/auth/permissions";
import { appendAuditEvent } from "@/lib/audit/services/append-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";

/**
 * `access.denied` audit events, rate-limited per actor. A denial only follows a crafted request, so
 * each is worth a record — but every record takes the audit chain's lock, so an unlimited stream of
 * forbidden calls from one account would stall every other writer. Per actor and target, and per
 * window, the first `limit` denials are recorded (so the chain still shows every distinct thing an
 * account tried, bounded by the number of operations); the rest are counted, and the next recorded denial carries that count
 * (`suppressed`), so the chain still says how many there were.
 */

type TState = { windowStart: number; recorded: number; suppressed: number };

export type TDenialGate = {
  /** Whether to write this denial now, and how many earlier ones it stands for. */
  admit: (key: string, now?: number) => { record: boolean; suppressed: number };
};

export function createDenialGate(options: { limit: number; windowMs: number; maxActors?: number }): TDenialGate {
  const states = new Map<string, TState>();
  const maxActors = options.maxActors ?? 10_000;
  return {
    admit(key, now = Date.now()) {
      let s = states.get(key);
      if (!s || now - s.windowStart >= options.windowMs) {
        const carried = s?.suppressed ?? 0;
        if (!s && states.size >= maxActors) {
          for (const [k, v] of states) if (now - v.windowStart >= options.windowMs && v.suppressed === 0) states.delete(k);
          // Still full of live windows: count this one as suppressed rather than drop a live window.
          if (states.size >= maxActors) return { record: false, suppressed: 0 };
        }
        s = { windowStart: now, recorded: 0, suppressed: carried };
        states.set(key, s);
      }
      if (s.recorded < options.limit) {
        s.recorded += 1;
        const suppressed = s.suppressed;
        s.suppressed = 0;
        return { record: true, suppressed };
      }
      s.suppressed += 1;
      if (s.suppressed === 1) logger.warn("access.denied events suppressed for this actor until the window ends", { key, windowMs: options.windowMs });
      return { record: false, suppressed: 0 };
    },
  };
}

const gate = createDenialGate({ limit: 5, windowMs: 60_000 });

export type TDenialTarget = {
  /** What was refused: the operation or route (role gate), or the resource (resource gate). */
  targetType: "operation" | "route" | "credential" | "identity" | "mcp_server" | "review_item";
  targetId: string;
  permission: TPermission;
  detail?: Record<string, unknown>;
};

export async function recordDenial(prisma: PrismaClient, actor: TActor, target: TDenialTarget): Promise<void> {
  // Resource denials are counted per permission, not per target: a million credential ids must not
  // buy a million records.
  const scope = target.targetType === "operation" || target.targetType === "route" ? target.targetId : target.permission;
  const { record, suppressed } = gate.admit(`${actor.id}:${target.targetType}:${scope}`);
  if (!record) return;
  await prisma.$transaction((tx) =>
    appendAuditEvent(tx, actor, {
      action: "access.denied",
      targetType: target.targetType,
      targetId: target.targetId,
      summary: {
        permission: target.permission,
        role: actor.role,
        ...(actor.apiKey ? { apiKey: actor.apiKey.prefix } : {}),
        ...target.detail,
        ...(suppressed ? { suppressed } : {}),
      },
    }),
  );
}
