import { searchOwnersRoute } from "@/lib/owners/routes";

export const dynamic = "force-dynamic";
export const GET = searchOwnersRoute;
