import "server-only";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { listProgramGlances } from "@/lib/dashboards/queries";
import { listLateDeliverables } from "@/lib/deliverables/queries";
import { listProgramsForUser } from "@/lib/programs/queries";
import { listOverdue } from "@/lib/reporting/queries";

/**
 * What the home page shows this user: a donor each funded program at a glance, everyone else the plain
 * list of programs; and what needs attention for those who act on reports (officers, focal points,
 * partners). Anyone signed in.
 */
export async function loadHome(user: CurrentUser) {
  const isDonor = user.roles.includes("donor");
  const actsOnReports = hasPermission(user, "reports.accept") || hasPermission(user, "reports.submit");
  const [programList, glances, overdueReports, lateDeliverables] = await Promise.all([
    isDonor ? [] : listProgramsForUser(user),
    isDonor ? listProgramGlances(user) : [],
    actsOnReports ? listOverdue(user) : [],
    actsOnReports ? listLateDeliverables(user) : [],
  ]);
  return { programList, glances, overdueReports, lateDeliverables };
}
