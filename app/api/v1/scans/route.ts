import { ingestScanRoute } from "@/lib/scans/routes";

export const dynamic = "force-dynamic";
export const POST = ingestScanRoute;
