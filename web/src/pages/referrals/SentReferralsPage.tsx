import { Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PATHS } from '../../paths.ts';
import { ReferralList } from './ReferralList.tsx';
import { referralKindsOf } from './referral-ui.ts';

export function SentReferralsPage() {
  const me = useSession();
  return (
    <>
      <PageHeader
        title="Saisines envoyées"
        description="Les demandes adressées par votre organisation et leur suite."
        actions={
          referralKindsOf(me).length > 0 && (
            <Button component={Link} to={PATHS.newReferral}>
              Nouvelle saisine
            </Button>
          )
        }
      />
      <ReferralList side="sent" caption="Saisines envoyées par votre organisation" />
    </>
  );
}
