// One save offer: what it is, in the user's language, and the button that accepts it.
import type { Offer } from '../../../sdk/src/widgets-api.js';
import type { MessageKey, Translate } from '../i18n/index.js';

export function OfferCard({ offer, t, onAccept }: { offer: Offer; t: Translate; onAccept(): void }) {
  const params = offer as unknown as Record<string, string | number>;
  const key = (part: string) => `offer_${offer.kind}_${part}` as MessageKey;
  return (
    <div class="hf-offer">
      <h3>{t(key('title'), params)}</h3>
      <p>{t(key('body'), params)}</p>
      <button type="button" class="hf-primary" onClick={onAccept}>
        {t(key('accept'), params)}
      </button>
    </div>
  );
}
