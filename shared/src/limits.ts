/** Bounds every inbound payload is checked against; shared so clients can enforce them before sending. */
export const LIMITS = {
  messageChars: 2000,
  clientIdChars: 64,
  nameChars: 80,
  emailChars: 254,
  passwordChars: 256,
  commentChars: 1000,
  /** Messages returned in one replay; older history is paged. */
  replayPage: 500,
  /** Visitor messages per minute per visitor. */
  visitorMessagesPerMinute: 30,
} as const;
