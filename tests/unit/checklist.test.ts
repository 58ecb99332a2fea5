import { describe, expect, it } from 'vitest';
import { answersToQuery, checklistFor, hasChecklist, parseAnswers, questionsFor } from '../../src/domain/checklists/checklist';
import { CHECKLISTS } from '../../src/domain/checklists/rules';
import { QUESTIONS, type Answers } from '../../src/domain/checklists/types';
import { services } from '../../src/content/office';

const docs = (serviceId: string, answers: Answers = {}) => checklistFor(serviceId, answers).map((i) => i.document);

describe('checklistFor', () => {
  it('has a checklist for every bookable service', () => {
    for (const s of services) expect(hasChecklist(s.id), s.id).toBe(true);
  });

  it('spells out every condition when nothing is answered', () => {
    const full = checklistFor('residence-permit-extension');
    expect(full.find((i) => i.document === 'marriageCertificate')?.onlyIf).toEqual({ question: 'married', oneOf: ['yes'] });
    expect(full.find((i) => i.document === 'passport')?.onlyIf).toBeUndefined();
  });

  it('shapes the list by the answers', () => {
    const employedMarried = docs('residence-permit-extension', { married: 'yes', children: 'no', work: 'employed', benefits: 'no' });
    expect(employedMarried).toEqual([
      'passport',
      'registration',
      'residenceCard',
      'photo',
      'healthInsurance',
      'rentContract',
      'employmentContract',
      'payslips',
      'marriageCertificate',
    ]);
    const student = docs('residence-permit-extension', { married: 'no', children: 'no', work: 'studying', benefits: 'no' });
    expect(student).toContain('studyCertificate');
    expect(student).not.toContain('payslips');
  });

  it('asks EU citizens for no residence card', () => {
    expect(docs('declaration-of-commitment', { euPassport: 'yes', work: 'employed' })).not.toContain('residenceCard');
    expect(docs('declaration-of-commitment', { euPassport: 'no', work: 'employed' })).toContain('residenceCard');
  });

  it('never lists more for an answered question than for an open one, for every service and every answer', () => {
    for (const serviceId of Object.keys(CHECKLISTS)) {
      const full = new Set(docs(serviceId));
      for (const question of questionsFor(serviceId)) {
        for (const value of QUESTIONS[question]) {
          for (const d of docs(serviceId, { [question]: value } as Answers))
            expect(full.has(d), `${serviceId} ${question}=${value}: ${d}`).toBe(true);
        }
      }
      // Every condition asks a question the service actually asks.
      for (const rule of CHECKLISTS[serviceId]!.rules) if (rule.when) expect(questionsFor(serviceId)).toContain(rule.when.question);
    }
  });

  it('returns nothing for an unknown service', () => {
    expect(checklistFor('rocket-licence')).toEqual([]);
  });
});

describe('answers from a link', () => {
  it('keeps known answers and drops everything else', () => {
    expect(parseAnswers({ married: 'yes', work: 'astronaut', children: ['yes'], x: 'y', benefits: 'no' })).toEqual({
      married: 'yes',
      benefits: 'no',
    });
  });
  it('round-trips through a query string', () => {
    const answers: Answers = { married: 'no', work: 'self_employed' };
    expect(parseAnswers(Object.fromEntries(new URLSearchParams(answersToQuery(answers))))).toEqual(answers);
  });
});
