/**
 * Meetings: the security committee, management reviews and board sessions, with decisions and
 * actions (ISO 27001 clause 9.3, SOC 2 CC2.2/CC1.2). "Leadership reviews in the last 90 days"
 * counts the Management review and Board rows.
 */
import { sampleMeetings } from "../sample/governance";
import { choice, date, text } from "./fields";
import { REGISTER_TABLES } from "./tableNames";
import type { RegisterDeclaration } from "./types";

export const MEETINGS_TABLE = REGISTER_TABLES.meetings;

export const MEETING = {
  id: "Meeting ID",
  date: "Date",
  forum: "Forum",
  attendees: "Attendees",
  decisions: "Decisions",
  actions: "Actions",
  nextMeeting: "Next Meeting",
} as const;

export const MEETING_FORUMS = ["Security committee", "Management review", "Board"] as const;
/** Forums where leadership reviews the program. */
export const LEADERSHIP_FORUMS = ["Management review", "Board"] as const;

export const MEETINGS_REGISTER: RegisterDeclaration = {
  key: "meetings",
  noun: "meeting",
  table: MEETINGS_TABLE,
  keyColumn: MEETING.id,
  sheet: { key: "program", name: "Program", tabColor: "#1F3864", title: "Meetings", subtitle: "Committee, management review and board meetings.", freezeColumns: 1 },
  fields: () => [
    text(MEETING.id, 9),
    date(MEETING.date, { required: true, input: "The day the meeting was held." }),
    choice(MEETING.forum, MEETING_FORUMS, 16, { required: true, input: "Security committee, Management review or Board." }),
    text(MEETING.attendees, 24, { wrap: true }),
    text(MEETING.decisions, 32, { wrap: true }),
    text(MEETING.actions, 32, { wrap: true }),
    date(MEETING.nextMeeting, { input: "When the forum meets next." }),
  ],
  seedRows: ({ sample, today }) => (sample ? sampleMeetings(today) : []),
  dateOrder: [[MEETING.date, MEETING.nextMeeting]],
};
