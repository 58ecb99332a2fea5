/**
 * The counter desk's actions on an appointment of the day. booked -> checked_in -> done;
 * booked -> no_show; a mistaken check-in or no-show can be undone (back to booked).
 */
type AppointmentStatus = 'booked' | 'cancelled' | 'checked_in' | 'no_show' | 'done';

export const DESK_ACTIONS = ['checkIn', 'done', 'noShow', 'undo'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export function deskTransition(status: AppointmentStatus, action: DeskAction): AppointmentStatus | null {
  switch (action) {
    case 'checkIn':
      return status === 'booked' ? 'checked_in' : null;
    case 'done':
      return status === 'checked_in' ? 'done' : null;
    case 'noShow':
      return status === 'booked' ? 'no_show' : null;
    case 'undo':
      return status === 'checked_in' || status === 'no_show' ? 'booked' : null;
  }
}

export const isDeskAction = (value: string): value is DeskAction => (DESK_ACTIONS as readonly string[]).includes(value);
