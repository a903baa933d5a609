import { PageHeader } from '../../components/PageHeader.tsx';
import { ReferralList } from './ReferralList.tsx';
import { REFERRAL_INBOX_PATH } from './referral-ui.ts';

export function ReferralInboxPage() {
  return (
    <>
      <PageHeader
        title="Saisines reçues"
        description="Les demandes adressées à votre organisation, les plus récentes d'abord."
      />
      <ReferralList
        path={REFERRAL_INBOX_PATH}
        side="inbox"
        caption="Saisines reçues par votre organisation"
      />
    </>
  );
}
