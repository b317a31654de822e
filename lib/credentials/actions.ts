"use server";

import { issueCredentialOperation, verifyCredentialOperation } from "@/lib/credentials/operations";
import { defineAction } from "@/lib/server/action";

export const verifyCredentialAction = defineAction(verifyCredentialOperation);
export const issueCredentialAction = defineAction(issueCredentialOperation);
