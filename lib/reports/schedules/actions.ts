"use server";

import { createReportScheduleOperation, deleteReportScheduleOperation, pauseReportScheduleOperation, runReportScheduleOperation } from "@/lib/reports/schedules/operations";
import { defineAction } from "@/lib/server/action";

export const createReportScheduleAction = defineAction(createReportScheduleOperation);
export const pauseReportScheduleAction = defineAction(pauseReportScheduleOperation);
export const deleteReportScheduleAction = defineAction(deleteReportScheduleOperation);
export const runReportScheduleAction = defineAction(runReportScheduleOperation);
