import type { Metadata } from "next";
import { CampaignView } from "@/components/reviews/campaign-view";
import { entityTitle, loadEntityPage } from "@/lib/inventory/entity-title";
import { getCampaignDetail } from "@/lib/reviews/queries";
import { REVIEW_ITEM_VIEWS, type TReviewItemView } from "@/lib/reviews/schemas";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: await entityTitle("reviewCampaign", (await params).id, "Review campaign") };
}

export default async function ReviewCampaignPage({ params, searchParams }: TProps) {
  const sp = await searchParams;
  const view = (REVIEW_ITEM_VIEWS as readonly string[]).includes(String(sp.view)) ? (sp.view as TReviewItemView) : "all";
  const page = Math.max(1, Number.parseInt(String(sp.page ?? "1"), 10) || 1);
  const { data } = await loadEntityPage((await params).id, (prisma, id, actor) => getCampaignDetail(prisma, id, actor, { view, page }));
  return <CampaignView detail={data} now={data.readAt} />;
}
