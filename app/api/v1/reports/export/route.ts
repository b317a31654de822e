import { exportReportRoute } from "@/lib/reports/routes";

export const dynamic = "force-dynamic";
export const GET = exportReportRoute;
