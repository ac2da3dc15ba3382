/**
 * The words of control and requirement text as the suggestions compare them: lower case, common
 * words dropped, security synonyms added (a control saying "MFA" meets a requirement about
 * authentication), and each word reduced to its Porter2 stem, so "reviews", "reviewed" and
 * "reviewing" meet.
 */
import stem from "wink-porter2-stemmer";

/** Words too common in control and requirement text to tell requirements apart. */
const STOP_WORDS = new Set(
  ("a an and are as at be by for from has have in into is it its of on or that the their this to with within without where which who " +
    "will shall must should may all any each other such use used using based so not no only can when than them they these those also").split(" "),
);

/**
 * Words the frameworks say differently from the people who write controls, in this project's own
 * words: a word on the left also counts as the words on the right. Kept to vocabulary any security
 * text uses, not tuned to one catalog's labels.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map(Object.entries({
  mfa: "multi factor authentication",
  logon: "authentication",
  login: "authentication",
  sign: "authentication",
  password: "authentication credential",
  credential: "authentication credential",
  firewall: "network boundary",
  malware: "malicious",
  antivirus: "malicious",
  vendor: "supplier",
  third: "supplier",
  contractor: "supplier",
  employee: "staff personnel",
  staff: "personnel",
  training: "awareness competence",
  vulnerability: "weakness",
  patch: "weakness fix",
  encryption: "cryptography",
  encrypt: "cryptography",
  backup: "backed recovery",
  disaster: "continuity recovery",
  breach: "incident",
  alert: "event",
  audit: "review",
  administrator: "privileged",
  admin: "privileged",
}));

/** One compared term and the word of the text it came from (what "the words that matched" show). */
export interface Term {
  term: string;
  word: string;
}

/** The terms of a text, in order, synonyms following the word they stand for. */
export function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    terms.push({ term: stem(word), word });
    for (const synonym of SYNONYMS.get(word)?.split(" ") ?? []) terms.push({ term: stem(synonym), word });
  }
  return terms;
}
