import Link from "next/link";
import { notFound } from "next/navigation";
import { declareConflictAction, submitReviewAction } from "@/app/reviews/actions";
import {
  AssignmentHeader,
  DeclarationSection,
  OwnReviewSection,
  PeerReviewsSection,
  RecusedNote,
  ScoringSection,
} from "@/components/reviews/review-assignment-sections";
import { ConflictSubjectSection, RequestContent, RevisionChangesSection } from "@/components/reviews/review-sections";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/policies";
import { NotFoundError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { getAssignmentForReviewer } from "@/lib/reviews/queries";

export const dynamic = "force-dynamic";

const NOTICES = ["declared", "recused", "submitted"] as const;
type Notice = (typeof NOTICES)[number];

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: `${t("reviews.detail.pageTitle")} · ${t("common.appName")}` };
}

/**
 * One of the reviewer's assignments: the conflict-of-interest declaration first, then the scoring form;
 * after submission their scores and then the other reviewers'. Before the declaration (and once
 * recused) only who asks and for what; after declaring no conflict, the request and what changed
 * between revisions. The assigned reviewer only; anyone else gets a 404.
 */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user, "reviews.score")) notFound();
  const { assignmentId } = await params;
  const { notice: rawNotice } = await searchParams;
  const view = await getAssignmentForReviewer(user, assignmentId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { t, locale } = await getI18n();
  const notice = (NOTICES as readonly string[]).includes(String(rawNotice)) ? (rawNotice as Notice) : null;
  const { status } = view.assignment;

  return (
    <div className="stack">
      <p>
        <Link href="/reviews">{t("reviews.detail.back")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(`reviews.detail.notices.${notice}`)}
        </div>
      ) : null}
      <AssignmentHeader view={view} t={t} locale={locale} />
      {view.isRecused ? <RecusedNote view={view} t={t} /> : null}
      {!view.detail ? <ConflictSubjectSection subject={view.subject} isRecused={view.isRecused} t={t} locale={locale} /> : null}
      {status === "awaiting_declaration" ? <DeclarationSection view={view} t={t} action={declareConflictAction} /> : null}
      {status === "active" ? <ScoringSection view={view} t={t} locale={locale} action={submitReviewAction} /> : null}
      {status === "submitted" ? <OwnReviewSection view={view} t={t} locale={locale} /> : null}
      {!view.isRecused ? <PeerReviewsSection view={view} t={t} locale={locale} /> : null}
      {view.detail ? (
        <>
          <RevisionChangesSection changes={view.changes} revisionCount={view.request.revisionCount} t={t} locale={locale} />
          <RequestContent detail={view.detail} t={t} locale={locale} />
        </>
      ) : null}
    </div>
  );
}
