/**
 * The counsellor inbox. A counsellor sees only their teams' referrals; every read of one is
 * written to the audit log before anything is shown. Lists carry no personal data.
 */
import { and, arrayContains, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { kimTeams, referralEvents, referralReads, referrals, teamMembers, users } from '../../../db/schema';
import type { Topic, Urgency } from '../../domain/referrals/referral-schema';
import type { User } from '../auth/sessions';
import type { ReferralDeps } from './deps';
import { openDetail, openPersonal, type PersonalData } from './personal';

export type InboxView = 'new' | 'mine' | 'open';
export interface InboxFilter {
  view: InboxView;
  team?: string | undefined;
  topic?: Topic | undefined;
  urgency?: Urgency | undefined;
}

export type ReferralRow = typeof referrals.$inferSelect;

export async function teamsOf(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: kimTeams.id, name: kimTeams.name })
    .from(teamMembers)
    .innerJoin(kimTeams, eq(kimTeams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(kimTeams.name));
}

export async function allTeams(db: Db) {
  return db.select().from(kimTeams).orderBy(asc(kimTeams.name));
}

export async function listInbox(db: Db, user: User, filter: InboxFilter) {
  const teams = (await teamsOf(db, user.id)).map((t) => t.id);
  const visible = filter.team && teams.includes(filter.team) ? [filter.team] : teams;
  if (visible.length === 0) return [];
  const view =
    filter.view === 'new'
      ? inArray(referrals.status, ['new', 'forwarded'])
      : filter.view === 'mine'
        ? and(eq(referrals.claimedBy, user.id), ne(referrals.status, 'closed'))
        : ne(referrals.status, 'closed');
  return db
    .select({
      id: referrals.id,
      reference: referrals.reference,
      teamId: referrals.teamId,
      status: referrals.status,
      topics: referrals.topics,
      urgency: referrals.urgency,
      language: referrals.language,
      interpreter: referrals.interpreter,
      createdAt: referrals.createdAt,
      routedAt: referrals.routedAt,
      claimedBy: referrals.claimedBy,
    })
    .from(referrals)
    .where(
      and(
        inArray(referrals.teamId, visible),
        isNull(referrals.anonymisedAt),
        view,
        filter.topic ? arrayContains(referrals.topics, [filter.topic]) : undefined,
        filter.urgency ? eq(referrals.urgency, filter.urgency) : undefined,
      ),
    )
    .orderBy(sql`case ${referrals.urgency} when 'urgent' then 0 when 'soon' then 1 else 2 end`, asc(referrals.routedAt));
}

/** The referral if this counsellor may see it: in one of their teams and not anonymised. */
export async function findVisible(db: Db, user: User, id: string): Promise<ReferralRow | undefined> {
  if (user.role !== 'counsellor' || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [row] = await db
    .select({ referral: referrals })
    .from(referrals)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, referrals.teamId), eq(teamMembers.userId, user.id)))
    .where(and(eq(referrals.id, id), isNull(referrals.anonymisedAt)));
  return row?.referral;
}

export type ReadAction = 'view' | 'export-json' | 'export-csv';

export interface TimelineEntry {
  at: Date;
  kind: string;
  actor: string | null;
  fromTeam: string | null;
  toTeam: string | null;
  text: string | null;
}

export interface ReferralRead {
  referral: ReferralRow;
  personal: PersonalData | null;
  timeline: TimelineEntry[];
  claimedByName: string | null;
}

/** Reads a referral for a counsellor of its team, logging the read first; undefined is a 404. */
export async function readReferral(deps: ReferralDeps, user: User, id: string, action: ReadAction): Promise<ReferralRead | undefined> {
  const referral = await findVisible(deps.db, user, id);
  if (!referral) return undefined;
  await deps.db
    .insert(referralReads)
    .values({ referralId: referral.id, reference: referral.reference, userId: user.id, userEmail: user.email, at: deps.now(), action });
  const events = await deps.db
    .select({ event: referralEvents, actor: users.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorId))
    .where(eq(referralEvents.referralId, referral.id))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
  const [claimer] = referral.claimedBy
    ? await deps.db.select({ name: users.name }).from(users).where(eq(users.id, referral.claimedBy))
    : [];
  return {
    referral,
    personal: openPersonal(deps.keyring, referral.personal, referral.id),
    claimedByName: claimer?.name ?? null,
    timeline: events.map(({ event, actor }) => ({
      at: event.at,
      kind: event.kind,
      actor,
      fromTeam: event.fromTeam,
      toTeam: event.toTeam,
      text: openDetail(deps.keyring, event.detail, referral.id),
    })),
  };
}

/** A volunteer's own referrals: the status only, never the content. */
export async function referralsSubmittedBy(db: Db, userId: string) {
  return db
    .select({
      reference: referrals.reference,
      status: referrals.status,
      createdAt: referrals.createdAt,
      anonymisedAt: referrals.anonymisedAt,
    })
    .from(referrals)
    .where(eq(referrals.submittedBy, userId))
    .orderBy(desc(referrals.createdAt));
}

/** The three states a volunteer is told: new, in progress, closed. */
export function statusForVolunteer(status: string): 'new' | 'in_progress' | 'closed' {
  if (status === 'closed') return 'closed';
  return status === 'claimed' || status === 'in_progress' ? 'in_progress' : 'new';
}

/** The read log, newest first, for admins. */
export async function readLog(db: Db, filter: { reference?: string | undefined; limit?: number }) {
  return db
    .select()
    .from(referralReads)
    .where(filter.reference ? eq(referralReads.reference, filter.reference) : undefined)
    .orderBy(desc(referralReads.at), desc(referralReads.id))
    .limit(filter.limit ?? 200);
}

/** A team's referrals for the case management software (no personal data; export one to get it). */
export async function teamReferrals(db: Db, user: User, teamId: string) {
  const teams = (await teamsOf(db, user.id)).map((t) => t.id);
  if (user.role !== 'counsellor' || !teams.includes(teamId)) return undefined;
  return db
    .select({
      id: referrals.id,
      reference: referrals.reference,
      status: referrals.status,
      topics: referrals.topics,
      urgency: referrals.urgency,
      language: referrals.language,
      contactWay: referrals.contactWay,
      interpreter: referrals.interpreter,
      createdAt: referrals.createdAt,
      routedAt: referrals.routedAt,
      closedAt: referrals.closedAt,
    })
    .from(referrals)
    .where(and(eq(referrals.teamId, teamId), isNull(referrals.anonymisedAt)))
    .orderBy(desc(referrals.createdAt));
}
