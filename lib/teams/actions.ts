"use server";

import { defineAction } from "@/lib/server/action";
import { addTeamMemberOperation, createTeamOperation, removeTeamMemberOperation } from "@/lib/teams/operations";

export const createTeam = defineAction(createTeamOperation);
export const addTeamMember = defineAction(addTeamMemberOperation);
export const removeTeamMember = defineAction(removeTeamMemberOperation);
