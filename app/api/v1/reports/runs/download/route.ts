import { downloadReportRunRoute } from "@/lib/reports/schedules/routes";

export const dynamic = "force-dynamic";
export const GET = downloadReportRunRoute;
