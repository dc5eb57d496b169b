import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStaffUnit, userMayActOnUnit } from "~/auth/guard.server";
import { DrilldownView } from "~/ui/indicators/Drilldown";
import { unitIdParam } from "~/http/params";
import { drilldownPage } from "~/pages/drilldown-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.subject.name} · ${data.unit.name}` : "Suara" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = await requireStaffUnit(request, ["supervisor", "admin"], params.unitId);
  return drilldownPage(unit, { kind: "officer", officerId: unitIdParam(params.officerId) }, new URL(request.url).searchParams, userMayActOnUnit(user, ["supervisor"], unit.path));
}

export default function OfficerDrilldown() {
  return <DrilldownView data={useLoaderData<typeof loader>()} />;
}
