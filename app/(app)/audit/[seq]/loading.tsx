export { DetailSkeleton as default } from "@/components/shell/page-skeleton";
