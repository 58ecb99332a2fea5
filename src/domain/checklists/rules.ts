/**
 * Which documents each bookable service needs. Data, not code: an office changes what it asks
 * for here (and the texts in locales/<lang>/checklist.json), never in a component.
 */
import type { ChecklistRule, Condition, ServiceChecklist } from './types';

const married: Condition = { question: 'married', oneOf: ['yes'] };
const children: Condition = { question: 'children', oneOf: ['yes'] };
const employed: Condition = { question: 'work', oneOf: ['employed'] };
const selfEmployed: Condition = { question: 'work', oneOf: ['self_employed'] };
const studying: Condition = { question: 'work', oneOf: ['studying'] };
const onBenefits: Condition = { question: 'benefits', oneOf: ['yes'] };
const notEu: Condition = { question: 'euPassport', oneOf: ['no'] };

const identity: ChecklistRule[] = [
  { document: 'passport', form: 'original', why: 'identity' },
  { document: 'registration', form: 'original', why: 'address' },
];
const currentPermit: ChecklistRule = { document: 'residenceCard', form: 'original', why: 'currentPermit' };
const photo: ChecklistRule = { document: 'photo', form: 'original', why: 'card' };
const housing: ChecklistRule = { document: 'rentContract', form: 'copy', why: 'housing' };
const insurance: ChecklistRule = { document: 'healthInsurance', form: 'copy', why: 'insurance' };
const income: ChecklistRule[] = [
  { document: 'employmentContract', form: 'original_and_copy', why: 'income', when: employed },
  { document: 'payslips', form: 'copy', why: 'income', when: employed },
  { document: 'selfEmployedProof', form: 'copy', why: 'income', when: selfEmployed },
];
const benefits: ChecklistRule = { document: 'benefitsNotice', form: 'copy', why: 'income', when: onBenefits };
const family: ChecklistRule[] = [
  { document: 'marriageCertificate', form: 'original_and_copy', translation: true, why: 'family', when: married },
  { document: 'childrenBirthCertificates', form: 'original_and_copy', translation: true, why: 'family', when: children },
];

export const CHECKLISTS: Record<string, ServiceChecklist> = {
  'residence-permit-extension': {
    questions: ['work', 'benefits', 'married', 'children'],
    rules: [
      ...identity,
      currentPermit,
      photo,
      insurance,
      housing,
      ...income,
      { document: 'studyCertificate', form: 'original', why: 'purpose', when: studying },
      { document: 'financialProof', form: 'copy', why: 'income', when: studying },
      benefits,
      ...family,
    ],
  },
  'settlement-permit': {
    questions: ['work', 'married'],
    rules: [
      ...identity,
      currentPermit,
      photo,
      insurance,
      housing,
      { document: 'pensionStatement', form: 'original', why: 'pension' },
      { document: 'languageCertificate', form: 'original_and_copy', why: 'language' },
      { document: 'orientationCertificate', form: 'original_and_copy', why: 'knowledge' },
      ...income,
      { document: 'marriageCertificate', form: 'original_and_copy', translation: true, why: 'family', when: married },
    ],
  },
  'blue-card': {
    questions: ['married', 'children'],
    rules: [
      ...identity,
      photo,
      insurance,
      housing,
      { document: 'employmentContract', form: 'original_and_copy', why: 'purpose' },
      { document: 'employerDeclaration', form: 'original', why: 'purpose' },
      { document: 'degreeCertificate', form: 'original_and_copy', translation: true, why: 'qualification' },
      { document: 'degreeRecognition', form: 'copy', why: 'qualification' },
      ...family,
    ],
  },
  'employer-fast-lane': {
    questions: [],
    rules: [
      { document: 'powerOfAttorney', form: 'original', why: 'mandate' },
      { document: 'employerAgreement', form: 'original', why: 'mandate' },
      { document: 'workerPassportCopy', form: 'copy', why: 'identity' },
      { document: 'employmentContract', form: 'copy', why: 'purpose' },
      { document: 'employerDeclaration', form: 'original', why: 'purpose' },
      { document: 'degreeCertificate', form: 'copy', translation: true, why: 'qualification' },
    ],
  },
  'family-reunification': {
    questions: ['married', 'children', 'work', 'benefits'],
    rules: [
      ...identity,
      currentPermit,
      insurance,
      housing,
      { document: 'familyPassports', form: 'copy', why: 'identity' },
      ...family,
      ...income,
      benefits,
    ],
  },
  'declaration-of-commitment': {
    questions: ['euPassport', 'work'],
    rules: [
      { document: 'passport', form: 'original', why: 'identity' },
      { document: 'residenceCard', form: 'original', why: 'currentPermit', when: notEu },
      { document: 'visitorPassportCopy', form: 'copy', why: 'visitor' },
      housing,
      ...income,
    ],
  },
  'naturalisation-advice': {
    questions: ['work', 'married', 'children'],
    rules: [
      ...identity,
      currentPermit,
      { document: 'birthCertificate', form: 'original_and_copy', translation: true, why: 'identity' },
      { document: 'cv', form: 'original', why: 'history' },
      { document: 'languageCertificate', form: 'original_and_copy', why: 'language' },
      { document: 'naturalisationTest', form: 'original_and_copy', why: 'knowledge' },
      ...income,
      ...family,
    ],
  },
  'integration-counselling': {
    questions: ['euPassport'],
    rules: [
      { document: 'idDocument', form: 'original', why: 'identity' },
      { document: 'residenceCard', form: 'original', why: 'currentPermit', when: notEu },
      { document: 'letters', form: 'copy', why: 'matter' },
    ],
  },
  'housing-counselling': {
    questions: ['work', 'benefits'],
    rules: [
      { document: 'idDocument', form: 'original', why: 'identity' },
      housing,
      { document: 'noticeToQuit', form: 'copy', why: 'matter' },
      { document: 'payslips', form: 'copy', why: 'income', when: employed },
      benefits,
      { document: 'letters', form: 'copy', why: 'matter' },
    ],
  },
};
