/** A program the award form offers, with its funds and rules (from getAwardFormContext). */
export interface AwardFormProgramOption {
  id: string;
  nameEn: string;
  nameEs: string;
  currency: string;
  startsOn: string;
  endsOn: string;
  ceilingMinor: number;
  committedMinor: number;
  remainingMinor: number;
  approvalThresholdMinor: number;
  perAwardCapMinor: number | null;
  isDemoFigures: boolean;
  isProposed: boolean;
}

export interface AwardFormPartnerOption {
  id: string;
  name: string;
}
