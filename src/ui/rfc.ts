// How a step's reference to the RFCs is written: explanations name an RFC 9293 section ('3.5') or
// a whole reference to another RFC ('RFC 6298 §5').
import type { TFunction } from '../i18n/core';

/** `RFC 9293 §3.5` for a section of RFC 9293; a reference to another RFC as it is written. */
export function rfcReference(rfc: string, t: TFunction): string {
  if (rfc === '') return '';
  return /^RFC\s/i.test(rfc) ? rfc : t('ui.explanation.rfc', { section: rfc });
}
