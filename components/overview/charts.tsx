"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The recharts charts, each loaded in its own request after the page has painted. */

const loading = () => <Skeleton className="h-[180px] w-full" />;

export const CategoryBars = dynamic(() => import("@/components/overview/charts-impl").then((m) => m.CategoryBars), { ssr: false, loading });
export const Donut = dynamic(() => import("@/components/overview/charts-impl").then((m) => m.Donut), { ssr: false, loading });
export const WeeklyArea = dynamic(() => import("@/components/overview/charts-impl").then((m) => m.WeeklyArea), { ssr: false, loading });
export const WeeklyBars = dynamic(() => import("@/components/overview/charts-impl").then((m) => m.WeeklyBars), { ssr: false, loading });
