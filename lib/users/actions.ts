"use server";

import { defineAction } from "@/lib/server/action";
import { setUserActiveOperation, updateUserRoleOperation } from "@/lib/users/operations";

export const updateUserRole = defineAction(updateUserRoleOperation);
export const setUserActive = defineAction(setUserActiveOperation);
