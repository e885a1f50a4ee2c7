// One interface for every way a message leaves the system, so the dispatcher neither knows nor
// cares whether it is an SMS gateway, an SMTP server or the in-app inbox.

/** Whom a notification is for; each channel picks the address it can use. */
export interface Recipient {
  phone?: string;
  email?: string;
  /** In-app: a user's id, or null for everyone at the case's organisation. */
  userId?: string | null;
}

export interface OutgoingMessage {
  /** The address from `address()`. */
  recipient: string;
  subject: string;
  body: string;
  effectId: string;
  caseId: string | null;
  at: Date;
}

export interface NotificationChannel {
  /** Stored in `notifications.channel`: 'sms', 'email', 'inbox', … */
  readonly name: string;
  /** The address for this recipient, or undefined when this channel cannot reach them. */
  address(to: Recipient): string | undefined;
  /** Sends or throws; a throw is a failed attempt that the dispatcher retries later. */
  send(message: OutgoingMessage): Promise<void>;
}
