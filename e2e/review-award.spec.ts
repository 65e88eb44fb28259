import { expect, test, type Page } from "@playwright/test";
import { formsHydrated, mailsTo, servers, signedInPage, waitForMail } from "./support/helpers";

const field = (page: Page, path: string) => page.locator(`main form [name="${path}"]`);
const inAYear = () => new Date(Date.now() + 200 * 86400_000).toISOString().slice(0, 10);

async function screenAndSendToReview(officer: Page) {
  await officer.reload();
  await formsHydrated(officer);
  await officer.getByRole("button", { name: "Start screening" }).click();
  await expect(officer.getByTestId("request-status")).toHaveText("Screening");
  await formsHydrated(officer);
  await officer.getByRole("radio", { name: /OAS Firearms Marking Program/ }).check();
  for (const box of await officer.getByRole("group", { name: "Manual checklist" }).getByRole("checkbox").all()) await box.check();
  await officer.getByRole("radio", { name: "Send to review" }).check();
  await officer.getByRole("button", { name: "Record the screening" }).click();
  await expect(officer.getByTestId("request-status")).toHaveText("In review");
}

async function decide(officer: Page, decision: "Approve" | "Request changes", memo: string) {
  await formsHydrated(officer);
  const panel = officer.locator("section", { has: officer.getByRole("heading", { name: "Decision", exact: true }) });
  await panel.getByRole("radio", { name: decision, exact: true }).check();
  await panel.getByLabel("Decision memo").fill(memo);
  await panel.getByRole("button", { name: "Record the decision" }).click();
}

test("file, screen, assign, declare, score, request changes, resubmit, approve, award, second approval: every step mails the right people", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `Marcaje en aduanas ${Date.now()}`;

  // The Guatemalan focal point files and submits (in Spanish).
  const gt = await signedInPage(browser, "focal.gt@example.org", "es-419");
  await gt.page.goto(`${servers.mail}/requests/new`);
  await formsHydrated(gt.page);
  await field(gt.page, "titleEs").fill(title);
  await field(gt.page, "narrativeEs").fill("Marcar las armas importadas en las aduanas.");
  await field(gt.page, "justificationEs").fill("Obligación de la CIFTA.");
  await field(gt.page, "category").selectOption("marking_equipment");
  await field(gt.page, "details.machinesWanted").fill("2");
  await field(gt.page, "details.firearmsToMarkPerYear").fill("8000");
  await field(gt.page, "details.operatingAgencies").fill("SAT, DIGECAM");
  await field(gt.page, "estimatedCost").fill("120000");
  await field(gt.page, "urgency").selectOption("medium");
  await field(gt.page, "desiredStartOn").fill(inAYear());
  const officerMails = (await mailsTo("officer@example.org")).length;
  await gt.page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(gt.page.getByTestId("request-status")).toHaveText("Enviada");
  const requestUrl = gt.page.url().split("?")[0];
  const reference = (await gt.page.getByTestId("request-reference").innerText()).trim();
  expect((await waitForMail("officer@example.org", officerMails)).subject).toBe(`New request ${reference} from Guatemala`);

  // The program officer screens it and sends it to review.
  const officer = await signedInPage(browser, "officer@example.org");
  await officer.page.goto(requestUrl);
  await screenAndSendToReview(officer.page);

  // ...and assigns the reviewer, who is told by mail.
  const reviewerMails = (await mailsTo("reviewer@example.org")).length;
  await formsHydrated(officer.page);
  const assign = officer.page.locator("section", { has: officer.page.getByRole("heading", { name: "Assign reviewers" }) });
  await assign.getByRole("checkbox", { name: /Grace Thompson/ }).check();
  await assign.getByLabel("Rubric of program").selectOption({ label: "OAS Firearms Marking Program" });
  await assign.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(officer.page.getByText(/Assigned: 1/)).toBeVisible();
  expect((await waitForMail("reviewer@example.org", reviewerMails)).subject).toBe(`Review assignment: request ${reference}`);

  // The reviewer declares no conflict, then scores every criterion.
  const reviewer = await signedInPage(browser, "reviewer@example.org");
  await reviewer.page.goto(`${servers.mail}/reviews`);
  await reviewer.page.getByRole("link", { name: `Open the review of ${reference}` }).click();
  await formsHydrated(reviewer.page);
  await reviewer.page.getByRole("radio", { name: "No, I have no conflict of interest with this request" }).check();
  await reviewer.page.getByRole("button", { name: "Record my declaration" }).click();
  await expect(reviewer.page.getByText("Thank you. You declared no conflict of interest")).toBeVisible();
  await formsHydrated(reviewer.page);
  const criteria = reviewer.page.locator("[data-testid^=criterion-]");
  const count = await criteria.count();
  expect(count).toBe(4);
  for (let i = 0; i < count; i++) {
    const criterion = criteria.nth(i);
    await criterion.getByRole("radio", { name: "4 – Good" }).check();
    await criterion.getByLabel("Reason for this score").fill(`Solid on criterion ${i + 1}.`);
  }
  await reviewer.page.getByRole("group", { name: "Your recommendation" }).getByRole("radio", { name: "Approve" }).check();
  await reviewer.page.getByRole("button", { name: "Submit my review" }).click();
  await expect(reviewer.page.getByText("Your review was submitted.")).toBeVisible();

  // The officer sees the score and asks for changes; the state gets the message in Spanish.
  await officer.page.reload();
  await expect(officer.page.getByText("Recommendations: approve 1, request changes 0, reject 0.")).toBeVisible();
  const gtMails = (await mailsTo("focal.gt@example.org")).length;
  await decide(officer.page, "Request changes", "Please add the customs posts that will receive the machines.");
  await expect(officer.page.getByTestId("request-status")).toHaveText("Changes requested");
  expect((await waitForMail("focal.gt@example.org", gtMails)).subject).toBe(`Se solicitan cambios en la solicitud ${reference}`);

  // The state edits and resubmits.
  await gt.page.goto(requestUrl);
  await expect(gt.page.getByText("Please add the customs posts that will receive the machines.").first()).toBeVisible();
  await gt.page.getByRole("link", { name: "Editar la solicitud" }).click();
  await formsHydrated(gt.page);
  await field(gt.page, "narrativeEs").fill("Marcar las armas importadas en las aduanas de Puerto Quetzal y Tecún Umán.");
  await field(gt.page, "estimatedCost").fill("300000");
  await gt.page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(gt.page.getByTestId("request-status")).toHaveText("Enviada");

  // Screening again, then approval: the decision letter reaches the state in Spanish.
  await officer.page.goto(requestUrl);
  await screenAndSendToReview(officer.page);
  const gtMails2 = (await mailsTo("focal.gt@example.org")).length;
  await decide(officer.page, "Approve", "Approved: machines for two customs posts, with training.");
  await expect(officer.page.getByTestId("request-status")).toHaveText("Approved");
  const letter = await waitForMail("focal.gt@example.org", gtMails2);
  expect(letter.subject).toBe(`La solicitud ${reference} fue aprobada`);
  expect(letter.text).toContain("Approved: machines for two customs posts, with training.");

  // The state never sees reviewer identities or scores.
  await gt.page.goto(requestUrl);
  await expect(gt.page.getByText("Grace Thompson")).toHaveCount(0);
  await expect(gt.page.getByText("Weighted total")).toHaveCount(0);

  // The officer awards it: USD 300,000 is above the OAS program's approval threshold (USD 250,000).
  await officer.page.goto(requestUrl);
  await officer.page.getByRole("link", { name: "Create award" }).click();
  await formsHydrated(officer.page);
  await field(officer.page, "programId").selectOption({ index: 1 });
  await field(officer.page, "implementingPartnerId").selectOption({ label: "Organization of American States (OAS)" });
  await field(officer.page, "amount").fill("300000");
  const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 300 * 86400_000).toISOString().slice(0, 10); // the demo programs run to 2027-12-31
  await field(officer.page, "startsOn").fill(start);
  await field(officer.page, "endsOn").fill(end);
  await field(officer.page, "tranches.0.amount").fill("300000");
  await field(officer.page, "tranches.0.plannedOn").fill(start);
  await expect(officer.page.getByTestId("tranches-sum")).toContainText("The tranches match the amount.");
  const approverMails = (await mailsTo("approver@example.org")).length;
  await officer.page.getByRole("button", { name: "Create award" }).click();
  await expect(officer.page.getByTestId("award-status")).toHaveText("Awaiting second approval");
  const awardReference = (await officer.page.getByTestId("award-reference").innerText()).trim();
  const awardUrl = officer.page.url().split("?")[0];
  // The creator cannot give the second approval.
  await expect(officer.page.getByRole("button", { name: "Approve award" })).toHaveCount(0);
  expect((await waitForMail("approver@example.org", approverMails)).subject).toBe(`Award ${awardReference} needs your approval`);

  // The approver gives the second approval; the state is told, in Spanish.
  const approver = await signedInPage(browser, "approver@example.org");
  await approver.page.goto(`${servers.mail}/approvals`);
  await approver.page.getByTestId("approvals-table").getByRole("link", { name: new RegExp(awardReference) }).click();
  await expect(approver.page).toHaveURL(awardUrl);
  await expect(approver.page.locator("[data-testid=approve-award][data-hydrated=true]")).toBeVisible();
  const gtMails3 = (await mailsTo("focal.gt@example.org")).length;
  await approver.page.getByRole("button", { name: "Approve award" }).click();
  await approver.page.getByRole("button", { name: "Yes, approve" }).click();
  await expect(approver.page.getByTestId("award-status")).toHaveText("Active");
  expect((await waitForMail("focal.gt@example.org", gtMails3)).subject).toBe(`La subvención ${awardReference} está activa`);
  await gt.page.goto(requestUrl);
  await expect(gt.page.getByTestId("request-status")).toHaveText("Subvencionada");

  await Promise.all([gt.context.close(), officer.context.close(), reviewer.context.close(), approver.context.close()]);
});
