/** Admins keep the KIM teams: who belongs to which team, who leads it, which topics go where. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { kimTeams, routingRules, teamMembers, users } from '../../../db/schema';
import { TOPICS, type Topic } from '../../domain/referrals/referral-schema';

export async function teamsOverview(db: Db) {
  const teams = await db.select().from(kimTeams).orderBy(asc(kimTeams.name));
  const members = await db
    .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .orderBy(asc(users.name));
  const rules = await db.select().from(routingRules);
  return {
    teams: teams.map((team) => ({ ...team, members: members.filter((m) => m.teamId === team.id) })),
    rules: TOPICS.map((topic) => rules.find((r) => r.topic === topic) ?? { topic, teamId: '', priority: 100 }),
  };
}

export type TeamChange =
  | { op: 'routing'; rules: { topic: Topic; teamId: string; priority: number }[] }
  | { op: 'add'; teamId: string; email: string }
  | { op: 'remove'; teamId: string; userId: string }
  | { op: 'lead'; teamId: string; userId: string };

/** Applies an admin's change; false when it names something that does not exist. */
export async function changeTeams(db: Db, change: TeamChange): Promise<boolean> {
  switch (change.op) {
    case 'routing': {
      const known = new Set((await db.select({ id: kimTeams.id }).from(kimTeams)).map((t) => t.id));
      if (!change.rules.every((r) => known.has(r.teamId))) return false;
      await db.transaction(async (tx) => {
        for (const rule of change.rules)
          await tx
            .insert(routingRules)
            .values(rule)
            .onConflictDoUpdate({ target: routingRules.topic, set: { teamId: rule.teamId, priority: rule.priority } });
      });
      return true;
    }
    case 'add': {
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${change.email.toLowerCase()}`, eq(users.role, 'counsellor')));
      const [team] = await db.select({ id: kimTeams.id }).from(kimTeams).where(eq(kimTeams.id, change.teamId));
      if (!user || !team) return false;
      await db.insert(teamMembers).values({ teamId: team.id, userId: user.id }).onConflictDoNothing();
      return true;
    }
    case 'remove': {
      await db.transaction(async (tx) => {
        await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, change.teamId), eq(teamMembers.userId, change.userId)));
        await tx
          .update(kimTeams)
          .set({ leadUserId: null })
          .where(and(eq(kimTeams.id, change.teamId), eq(kimTeams.leadUserId, change.userId)));
      });
      return true;
    }
    case 'lead': {
      const [member] = await db
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, change.teamId), eq(teamMembers.userId, change.userId)));
      if (!member) return false;
      await db.update(kimTeams).set({ leadUserId: change.userId }).where(eq(kimTeams.id, change.teamId));
      return true;
    }
  }
}

/** The teams form, read into a change; null when it is malformed. */
export function teamChangeFromForm(form: FormData): TeamChange | null {
  const field = (name: string) => String(form.get(name) ?? '').slice(0, 254);
  const id = /^[a-z0-9-]{1,64}$/;
  const uuid = /^[0-9a-f-]{36}$/;
  const teamId = field('team');
  switch (field('op')) {
    case 'routing': {
      const rules = TOPICS.map((topic) => ({ topic, teamId: field(`team-${topic}`), priority: Number(field(`priority-${topic}`)) }));
      return rules.every((r) => id.test(r.teamId) && Number.isInteger(r.priority) && r.priority >= 0 && r.priority <= 1000)
        ? { op: 'routing', rules }
        : null;
    }
    case 'add':
      return id.test(teamId) && /^[^\s@]+@[^\s@]+$/.test(field('email')) ? { op: 'add', teamId, email: field('email').trim() } : null;
    case 'remove':
    case 'lead':
      return id.test(teamId) && uuid.test(field('user')) ? { op: field('op') as 'remove' | 'lead', teamId, userId: field('user') } : null;
    default:
      return null;
  }
}
