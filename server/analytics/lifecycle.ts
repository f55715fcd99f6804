// Lifecycle stage: onboarding (days 0-30), early success (30-90), growth (90+), renewal prep within 90 days
// of the renewal date (an account trait, renewal_date).
export type Stage = 'onboarding' | 'early_success' | 'growth' | 'renewal_prep';

const DAY = 86_400_000;

export function lifecycle(firstSeen: string | null, renewalDate: unknown, today: string): { stage: Stage; account_age_days: number | null; days_to_renewal: number | null } {
  const t = Date.parse(today);
  const age = firstSeen ? Math.floor((t - Date.parse(firstSeen.slice(0, 10))) / DAY) : null;
  const renewal = typeof renewalDate === 'string' && !Number.isNaN(Date.parse(renewalDate)) ? Math.ceil((Date.parse(renewalDate) - t) / DAY) : null;
  if (renewal !== null && renewal >= 0 && renewal <= 90) return { stage: 'renewal_prep', account_age_days: age, days_to_renewal: renewal };
  const stage: Stage = age === null || age < 30 ? 'onboarding' : age < 90 ? 'early_success' : 'growth';
  return { stage, account_age_days: age, days_to_renewal: renewal };
}
