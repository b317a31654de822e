import { AppError } from "@/lib/errors/app-error";
import type { TOperation } from "@/lib/server/execute";
import { ZCreateTeam, ZTeamMember } from "@/lib/teams/schemas";

const duplicateName = (name: string) =>
  new AppError("CONFLICT", `A team named "${name}" already exists. Team names are unique, whatever their case: choose another name.`, { fieldErrors: { name: ["Already taken"] } });

/** Prisma's unique-constraint error (P2002), or the driver's SQLSTATE 23505 through the adapter. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  return e?.code === "P2002" || e?.code === "23505" || e?.cause?.code === "23505" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

export const createTeamOperation: TOperation<typeof ZCreateTeam, { id: string; slug: string }> = {
  name: "teams.create",
  permission: "teams.manage",
  input: ZCreateTeam,
  run: async ({ tx, input }) => {
    if (await tx.team.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A team with the slug "${input.slug}" already exists.`, { fieldErrors: { slug: ["Already taken"] } });
    }
    const same = await tx.team.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { name: true } });
    if (same) throw duplicateName(same.name);
    // A concurrent create can pass both checks; the unique indexes (slug, lower(btrim(name))) decide.
    const team = await tx.team.create({ data: input, select: { id: true, slug: true, name: true } }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateName(input.name) : error;
    });
    return { data: { id: team.id, slug: team.slug }, audit: { targetType: "team", targetId: team.id, summary: { after: input } } };
  },
};

async function loadPair(tx: Parameters<typeof createTeamOperation.run>[0]["tx"], teamId: string, userId: string) {
  const [team, user] = await Promise.all([
    tx.team.findUnique({ where: { id: teamId }, select: { id: true, slug: true } }),
    tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } }),
  ]);
  if (!team) throw new AppError("NOT_FOUND", "No such team.");
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return { team, user };
}

export const addTeamMemberOperation: TOperation<typeof ZTeamMember, { teamId: string; userId: string }> = {
  name: "teams.add_member",
  permission: "teams.manage",
  input: ZTeamMember,
  run: async ({ tx, input }) => {
    const { team, user } = await loadPair(tx, input.teamId, input.userId);
    const existing = await tx.teamMembership.findUnique({ where: { teamId_userId: input } });
    if (existing) throw new AppError("CONFLICT", `${user.email} is already in ${team.slug}.`);
    await tx.teamMembership.create({ data: input });
    return { data: input, audit: { targetType: "team", targetId: team.id, summary: { team: team.slug, added: user.email } } };
  },
};

export const removeTeamMemberOperation: TOperation<typeof ZTeamMember, { teamId: string; userId: string }> = {
  name: "teams.remove_member",
  permission: "teams.manage",
  input: ZTeamMember,
  run: async ({ tx, input }) => {
    const { team, user } = await loadPair(tx, input.teamId, input.userId);
    const removed = await tx.teamMembership.deleteMany({ where: input });
    if (removed.count === 0) throw new AppError("NOT_FOUND", `${user.email} is not in ${team.slug}.`);
    return { data: input, audit: { targetType: "team", targetId: team.id, summary: { team: team.slug, removed: user.email } } };
  },
};
