// Appointments and the queue (预约、取号叫号): queue settings, slots, bookings and visits, their timer.
export type { QueueDeps, QueueUser, QueueOrgs } from './queue-deps.ts';
export { BoardBus, type BoardCall } from './board-bus.ts';
export {
  DEFAULT_QUEUE_SETTINGS, GREEN_REASONS, PRIORITY_CLASSES, PRIORITY_LABELS, checkQueueSettings, readQueueSettings, saveQueueSettings,
  type GreenReason, type PriorityClass, type QueueCategory, type QueueSettings,
} from './queue-settings.ts';
export {
  APPOINTMENT_CHANNELS, APPOINTMENT_EVENTS, APPOINTMENT_STATUSES, VISIT_NEEDS, bookAppointment, findPublicAppointment, listAppointments, loadAppointment, appointmentView,
  sendAppointmentEvent, slotsFor, type AppointmentChannel, type AppointmentEvent, type AppointmentQuery, type AppointmentStatus, type AppointmentView,
  type NewAppointment, type VisitNeed,
} from './appointments.ts';
export { sweepQueue } from './queue-sweeper.ts';
export { addToQueueDaily, QUEUE_COUNTERS, type QueueCounter } from './queue-daily.ts';
export {
  TICKET_EVENTS, TICKET_STATUSES, callNext, issueTicket, listTickets, listWindowStates, sendTicketEvent, setWindowStatus, ticketForAppointment,
  type NewTicket, type TicketEvent, type TicketStatus, type TicketView, type WindowState,
} from './tickets.ts';
export { readBoard, type Board } from './board.ts';
export { queueFigures, type QueueFigures, type QueueGroupBy } from './queue-figures.ts';
export { LEDGER_KINDS, queueLedger, type LedgerKind, type LedgerRow } from './queue-ledger.ts';
