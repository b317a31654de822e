"use server";

import { defineAction } from "@/lib/server/action";
import { decideAlertOperation } from "@/lib/usage/operations";

export const decideAlertAction = defineAction(decideAlertOperation);
