/** One JSON file per namespace in locales/<lang>/. */
export const NAMESPACES = ['common', 'booking', 'mail', 'checklist', 'staff', 'referral'] as const;
