import type { TActor } from "@/lib/auth/actor";
import { can, type TRole } from "@/lib/auth/permissions";

/**
 * Who may do what with a schedule, beyond the role gate (reports.schedule). Auditors may schedule
 * reports, but only to themselves and only manage their own: they already export the same files on
 * demand, so a schedule gives them nothing new, while pushing reports into other people's inboxes
 * (or pausing security's monthly review) would make a read-only role act on others.
 */

export function managesAnySchedule(role: TRole): boolean {
  return role === "admin" || role === "security";
}

export function canManageSchedule(actor: Pick<TActor, "id" | "role">, schedule: { createdById: string }): boolean {
  return managesAnySchedule(actor.role) || schedule.createdById === actor.id;
}

/** Whether a user may see a schedule's runs and download them: managers, its creator, its recipients. */
export function canReadSchedule(actor: Pick<TActor, "id" | "role">, schedule: { createdById: string; recipientIds: readonly string[] }): boolean {
  return canManageSchedule(actor, schedule) || schedule.recipientIds.includes(actor.id);
}

/** A recipient must be able to open what is mailed: an active user whose role exports reports. */
export function receivesReports(user: { role: TRole; active: boolean }): boolean {
  return user.active && can(user.role, "reports.export");
}
