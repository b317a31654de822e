import { countCredentialsRoute } from "@/lib/inventory/routes";

export const dynamic = "force-dynamic";
export const GET = countCredentialsRoute;
