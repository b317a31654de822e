import { uploadScanRoute } from "@/lib/scans/routes";

export const dynamic = "force-dynamic";
export const POST = uploadScanRoute;
