"use server";

import { remediateExposureOperation } from "@/lib/exposures/operations";
import { defineAction } from "@/lib/server/action";

export const remediateExposureAction = defineAction(remediateExposureOperation);
