/**
 * Training: awareness, role-based and onboarding courses with their completion, and phishing
 * simulations with click and report rates (ISO 27001 A.6.3, SOC 2 CC1.4/CC2.2, HIPAA
 * 164.308(a)(5), NIST 800-53 AT-2/AT-3).
 */
import { sampleTraining } from "../sample/training";
import { choice, date, text, whole } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import { ratioField } from "./calculated";
import { notAbove } from "./rules";
import type { FieldSpec, RegisterDeclaration } from "./types";

export const TRAINING_TABLE = REGISTER_TABLES.training;

export const TRAINING = {
  id: "Campaign ID",
  course: "Course",
  type: "Type",
  audience: "Audience",
  launched: "Launched",
  due: "Due",
  assigned: "Assigned",
  completed: "Completed",
  completion: "Completion",
  emailsSent: "Emails Sent",
  clicked: "Clicked",
  reported: "Reported",
  clickRate: "Click Rate",
  reportRate: "Report Rate",
  owner: "Owner",
} as const;

export const PHISHING_SIMULATION = "Phishing simulation";
export const TRAINING_TYPES = ["Security awareness", PHISHING_SIMULATION, "Role-based", "New-hire onboarding"] as const;

const rate = (header: string, part: string, whole: string): FieldSpec => ratioField(TRAINING_TABLE, header, part, whole);

function trainingFields(): FieldSpec[] {
  return [
    text(TRAINING.id, 9),
    text(TRAINING.course, 28, { wrap: true, required: true, aliases: ["Campaign", "Name", "Title"] }),
    choice(TRAINING.type, TRAINING_TYPES, 16, { required: true, input: "Security awareness, Phishing simulation, Role-based or New-hire onboarding." }),
    text(TRAINING.audience, 18, { wrap: true }),
    date(TRAINING.launched),
    date(TRAINING.due),
    whole(TRAINING.assigned, { min: 0 }, { input: "People the course was assigned to (courses)." }),
    whole(TRAINING.completed, { min: 0 }, { input: "People who completed it: no more than Assigned." }),
    rate(TRAINING.completion, TRAINING.completed, TRAINING.assigned),
    whole(TRAINING.emailsSent, { min: 0 }, { input: "Simulated phishing emails delivered (phishing simulations)." }),
    whole(TRAINING.clicked, { min: 0 }, { input: "Recipients who clicked the link: no more than Emails Sent." }),
    whole(TRAINING.reported, { min: 0 }, { input: "Recipients who reported the email." }),
    rate(TRAINING.clickRate, TRAINING.clicked, TRAINING.emailsSent),
    rate(TRAINING.reportRate, TRAINING.reported, TRAINING.emailsSent),
    text(TRAINING.owner, 16),
  ];
}

export const TRAINING_REGISTER: RegisterDeclaration = {
  key: "training",
  noun: "campaign",
  table: TRAINING_TABLE,
  keyColumn: TRAINING.id,
  sheet: {
    key: "training",
    name: "Training",
    tabColor: "#70AD47",
    title: "Training and awareness",
    subtitle: "One row per course or phishing simulation. Courses: Assigned and Completed. Simulations: Emails Sent, Clicked and Reported. Completion and the rates calculate.",
    freezeColumns: 2,
  },
  fields: () => trainingFields(),
  seedRows: ({ sample, today }) => (sample ? sampleTraining(today) : []),
  dateOrder: [[TRAINING.launched, TRAINING.due]],
  rules: [
    notAbove(TRAINING.completed, TRAINING.assigned, "completed-above-assigned"),
    notAbove(TRAINING.clicked, TRAINING.emailsSent, "clicked-above-sent"),
    notAbove(TRAINING.reported, TRAINING.emailsSent, "reported-above-sent"),
  ],
};
