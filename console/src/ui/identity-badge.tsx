/** 已验证 / 未验证 next to a visitor's name: whether the host website signed who the visitor says they are. */
import type { ConversationSummary } from '@kefu/shared';
import { useI18n } from './i18n-context.ts';

/** Props of {@link IdentityBadge}. */
export interface IdentityBadgeProps {
  identity: ConversationSummary['identity'];
}

/** Nothing for an anonymous visitor; otherwise a badge whose tooltip says what was (or was not) signed. */
export function IdentityBadge({ identity }: IdentityBadgeProps) {
  const { t } = useI18n();
  if (!identity) return null;
  return identity.verified ? (
    <span class="badge identity-verified" title={t('identityVerifiedHint', { userId: identity.userId ?? '' })}>
      {t('identityVerified')}
    </span>
  ) : (
    <span class="badge identity-unverified" title={t('identityUnverifiedHint')}>
      {t('identityUnverified')}
    </span>
  );
}
