"use server";

import { issueCredentialOperation, setEphemeralOperation, verifyCredentialOperation } from "@/lib/credentials/operations";
import { defineAction } from "@/lib/server/action";

export const verifyCredentialAction = defineAction(verifyCredentialOperation);
export const issueCredentialAction = defineAction(issueCredentialOperation);
export const setEphemeralAction = defineAction(setEphemeralOperation);
