/**
 * The sample organisation's training year: the annual awareness course, onboarding for new
 * starters, role-based courses (secure development, privacy, finance fraud), and four quarterly
 * phishing simulations whose click rate falls and report rate rises as staff learn.
 */
import { excelDateOffset } from "./excelDate";
import type { SampleRow } from "./types";

interface Course {
  course: string;
  type: string;
  audience: string;
  launchedDaysAgo: number;
  dueAfterDays: number;
  assigned?: number;
  completed?: number;
  sent?: number;
  clicked?: number;
  reported?: number;
  owner: string;
}

const COURSES: Course[] = [
  { course: "Annual security awareness", type: "Security awareness", audience: "All staff", launchedDaysAgo: 200, dueAfterDays: 45, assigned: 240, completed: 229, owner: "Training Coordinator" },
  { course: "Security and privacy induction", type: "New-hire onboarding", audience: "New starters, Q1", launchedDaysAgo: 330, dueAfterDays: 14, assigned: 9, completed: 9, owner: "HR Director" },
  { course: "Security and privacy induction", type: "New-hire onboarding", audience: "New starters, Q2", launchedDaysAgo: 240, dueAfterDays: 14, assigned: 14, completed: 13, owner: "HR Director" },
  { course: "Security and privacy induction", type: "New-hire onboarding", audience: "New starters, Q3", launchedDaysAgo: 150, dueAfterDays: 14, assigned: 11, completed: 11, owner: "HR Director" },
  { course: "Security and privacy induction", type: "New-hire onboarding", audience: "New starters, Q4", launchedDaysAgo: 60, dueAfterDays: 14, assigned: 12, completed: 10, owner: "HR Director" },
  { course: "Secure coding and the OWASP Top 10", type: "Role-based", audience: "Engineering", launchedDaysAgo: 170, dueAfterDays: 60, assigned: 35, completed: 30, owner: "Engineering Manager" },
  { course: "Handling personal and health data", type: "Role-based", audience: "Support, HR and data teams", launchedDaysAgo: 120, dueAfterDays: 30, assigned: 42, completed: 40, owner: "Privacy Officer" },
  { course: "Payment fraud and bank-detail changes", type: "Role-based", audience: "Finance and accounts payable", launchedDaysAgo: 90, dueAfterDays: 30, assigned: 16, completed: 16, owner: "CFO" },
  { course: "Phishing simulation: parcel delivery notice", type: "Phishing simulation", audience: "All staff", launchedDaysAgo: 320, dueAfterDays: 7, sent: 236, clicked: 31, reported: 38, owner: "Security Operations Lead" },
  { course: "Phishing simulation: shared document request", type: "Phishing simulation", audience: "All staff", launchedDaysAgo: 230, dueAfterDays: 7, sent: 238, clicked: 22, reported: 66, owner: "Security Operations Lead" },
  { course: "Phishing simulation: payroll update", type: "Phishing simulation", audience: "All staff", launchedDaysAgo: 140, dueAfterDays: 7, sent: 241, clicked: 15, reported: 97, owner: "Security Operations Lead" },
  { course: "Phishing simulation: multi-factor reset", type: "Phishing simulation", audience: "All staff", launchedDaysAgo: 45, dueAfterDays: 7, sent: 240, clicked: 11, reported: 124, owner: "Security Operations Lead" },
];

export function campaignId(position: number): string {
  return `TR-${String(position + 1).padStart(3, "0")}`;
}

export function sampleTraining(today: Date): SampleRow[] {
  return COURSES.map((c, i) => ({
    "Campaign ID": campaignId(i),
    Course: c.course,
    Type: c.type,
    Audience: c.audience,
    Launched: excelDateOffset(today, -c.launchedDaysAgo),
    Due: excelDateOffset(today, -c.launchedDaysAgo + c.dueAfterDays),
    Assigned: c.assigned ?? null,
    Completed: c.completed ?? null,
    "Emails Sent": c.sent ?? null,
    Clicked: c.clicked ?? null,
    Reported: c.reported ?? null,
    Owner: c.owner,
  }));
}
