/** The pane's icons as 16 × 16 SVG paths: Fluent's (icons.tsx) and the first view's native notice. */
const CIRCLE = "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1.2a5.8 5.8 0 1 0 0 11.6A5.8 5.8 0 0 0 8 2.2z";

export const ICON_PATHS = {
  ChevronDown: "M3.1 5.6 8 10.5l4.9-4.9.8.8L8 12.1 2.3 6.4z",
  CheckMark: "M6.2 12.3 2.4 8.5l.8-.8 3 3 6.6-6.6.8.8z",
  Clear: "M3.4 2.6 8 7.2l4.6-4.6.8.8L8.8 8l4.6 4.6-.8.8L8 8.8l-4.6 4.6-.8-.8L7.2 8 2.6 3.4z",
  Info: `${CIRCLE}M7.4 7h1.2v4.5H7.4zM8 4.6a.8.8 0 1 1 0 1.6.8.8 0 0 1 0-1.6z`,
  ErrorBadge: `${CIRCLE}M5.6 4.8 8 7.2l2.4-2.4.8.8L8.8 8l2.4 2.4-.8.8L8 8.8l-2.4 2.4-.8-.8L7.2 8 4.8 5.6z`,
  Blocked2: `${CIRCLE}M4 11.2 11.2 4l.8.8L4.8 12z`,
  Warning: "M8 1.5 15 14H1zm0 2.4L3 12.8h10zM7.4 6.5h1.2v3.6H7.4zm.6 4.3a.7.7 0 1 1 0 1.4.7.7 0 0 1 0-1.4z",
  Completed: `${CIRCLE}M7 10.9 4.4 8.3l.8-.8L7 9.3l3.8-3.8.8.8z`,
  More: "M3 6.8a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4zm5 0a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4zm5 0a1.2 1.2 0 1 1 0 2.4 1.2 1.2 0 0 1 0-2.4z",
  DoubleChevronDown: "M3.1 2.6 8 7.5l4.9-4.9.8.8L8 9.1 2.3 3.4zm0 5L8 12.5l4.9-4.9.8.8L8 14.1 2.3 8.4z",
  DoubleChevronUp: "M3.1 13.4 8 8.5l4.9 4.9.8-.8L8 6.9l-5.7 5.7zm0-5L8 3.5l4.9 4.9.8-.8L8 1.9 2.3 7.6z",
} as const;
