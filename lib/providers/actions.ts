"use server";

import {
  createProviderOperation,
  deleteProviderOperation,
  setProviderEnabledOperation,
  syncProviderOperation,
  testProviderOperation,
  updateProviderOperation,
} from "@/lib/providers/operations";
import { defineAction } from "@/lib/server/action";

export const createProviderAction = defineAction(createProviderOperation);
export const updateProviderAction = defineAction(updateProviderOperation);
export const testProviderAction = defineAction(testProviderOperation);
export const setProviderEnabledAction = defineAction(setProviderEnabledOperation);
export const deleteProviderAction = defineAction(deleteProviderOperation);
export const syncProviderAction = defineAction(syncProviderOperation);
