"use server";

import { verifyCredentialOperation } from "@/lib/credentials/operations";
import { defineAction } from "@/lib/server/action";

export const verifyCredentialAction = defineAction(verifyCredentialOperation);
