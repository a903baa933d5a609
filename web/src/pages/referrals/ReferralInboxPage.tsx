import { PageHeader } from '../../components/PageHeader.tsx';
import { ReferralList } from './ReferralList.tsx';

export function ReferralInboxPage() {
  return (
    <>
      <PageHeader
        title="Saisines reçues"
        description="Les demandes adressées à votre organisation, les plus récentes d'abord."
      />
      <ReferralList side="inbox" caption="Saisines reçues par votre organisation" />
    </>
  );
}
