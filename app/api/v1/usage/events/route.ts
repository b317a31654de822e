import { listHopsRoute } from "@/lib/usage/routes";

export const dynamic = "force-dynamic";
export const GET = listHopsRoute;
