import { reportManifestRoute } from "@/lib/reports/routes";

export const dynamic = "force-dynamic";
export const GET = reportManifestRoute;
