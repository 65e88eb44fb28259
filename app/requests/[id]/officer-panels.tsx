import { AwardPanel } from "@/components/awards/award-panel";
import { DecisionLetters } from "@/components/decisions/letters";
import { DecisionPanel } from "@/components/decisions/decision-panel";
import { ProgramMatching } from "@/components/matching/matching";
import { ReviewPanel } from "@/components/reviews/review-panel";
import { ScreeningPanel } from "@/components/screening/screening-panel";
import { assignReviewersAction } from "@/app/reviews/actions";
import { completeScreeningAction, decideRequestAction, startScreeningAction } from "./officer-actions";
import type { RequestPanels } from "./panels";

/** The program office's work on the request; each panel shows itself only to those who may use it. */
export function OfficerPanels({ panels }: { panels: RequestPanels }) {
  return (
    <>
      <ScreeningPanel context={panels.screening} startScreeningAction={startScreeningAction} completeAction={completeScreeningAction} />
      <ProgramMatching data={panels.matching} />
      <ReviewPanel data={panels.reviews} assignAction={assignReviewersAction} />
      <DecisionPanel context={panels.decision} decideAction={decideRequestAction} />
      <DecisionLetters letters={panels.letters} />
      <AwardPanel panel={panels.award} />
    </>
  );
}
