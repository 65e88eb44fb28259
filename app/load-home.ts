import "server-only";
import type { CurrentUser } from "@/lib/auth/queries";
import { hasPermission } from "@/lib/auth/policies";
import { listProgramGlances } from "@/lib/dashboards/queries";
import { countLateDeliverables, listLateDeliverables } from "@/lib/deliverables/queries";
import { listProgramsForUser } from "@/lib/programs/queries";
import { todayIso } from "@/lib/dates";
import { listOverdue } from "@/lib/reporting/queries";

/** Overdue reports and late deliverables listed on the home page (each with the total beside it). */
export const ATTENTION_SHOWN = 10;

/**
 * What the home page shows this user: a donor each funded program at a glance, everyone else the plain
 * list of programs; and what needs attention for those who act on reports (officers, focal points,
 * partners). Anyone signed in.
 */
export async function loadHome(user: CurrentUser) {
  const isDonor = user.roles.includes("donor");
  const actsOnReports = hasPermission(user, "reports.accept") || hasPermission(user, "reports.submit");
  const today = todayIso();
  const [programList, glances, overdue, deliverables, deliverablesTotal] = await Promise.all([
    isDonor ? [] : listProgramsForUser(user),
    isDonor ? listProgramGlances(user) : [],
    actsOnReports ? listOverdue(user, { today, limit: ATTENTION_SHOWN }) : { rows: [], total: 0 },
    actsOnReports ? listLateDeliverables(user, today, ATTENTION_SHOWN) : [],
    actsOnReports ? countLateDeliverables(user, today) : 0,
  ]);
  return { programList, glances, attention: { reports: overdue.rows, reportsTotal: overdue.total, deliverables, deliverablesTotal } };
}
