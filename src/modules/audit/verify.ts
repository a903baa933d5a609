import type { KeyObject } from 'node:crypto';
import type { Queryable } from '../../kernel/db.ts';
import { verifyAuditChain, type ChainBreak } from './chain.ts';
import { storedCheckpoints, verifyCheckpoint, type CheckpointFile } from './checkpoints.ts';

const number = (n: number) => n.toLocaleString('fr-FR');
/** French counts: singular up to one (« 0 entrée », « 1 entrée », « 2 entrées »). */
const count = (n: number, word: string) => `${number(n)} ${word}${n > 1 ? 's' : ''}`;

function describeBreak(b: ChainBreak): string {
  const where = b.stream === null ? '' : ` (flux ${b.stream}, rang ${number(b.seq ?? 0)})`;
  switch (b.reason) {
    case 'hash_mismatch':
      return `entrée n° ${number(b.entryId ?? 0)}${where} : son empreinte ne correspond plus à son contenu (entrée modifiée ou insérée).`;
    case 'missing':
      return `entrée n° ${number(b.entryId ?? 0)}${where} : le rang qui la précède manque (entrée supprimée).`;
    case 'unchained':
      return `entrée n° ${number(b.entryId ?? 0)} : elle n’est pas chaînée (écrite en contournant le déclencheur).`;
    case 'head_mismatch':
      return `fin du flux ${b.stream} : la tête enregistrée ne correspond pas à la dernière entrée trouvée (entrées supprimées à partir du rang ${number(b.seq ?? 0)}).`;
  }
}

export interface VerificationInput {
  /** Checkpoints kept outside the database, with a name for the report (their file name). */
  files: { name: string; checkpoint: Pick<CheckpointFile, 'payload' | 'signature'> }[];
  trustedKeys: KeyObject[];
}

/**
 * The chain, then every checkpoint stored in the database and every one given from outside. The
 * report is for an administrator, in French; `ok` is false at the first problem of any kind.
 */
export async function verifyAuditLog(
  q: Queryable,
  input: VerificationInput,
): Promise<{ ok: boolean; lines: string[] }> {
  const report = await verifyAuditChain(q);
  const lines = [`Journal d’audit : ${count(report.entries, 'entrée')}, ${report.streams} flux.`];
  lines.push(
    report.firstBreak
      ? `Chaîne rompue. Première entrée en cause : ${describeBreak(report.firstBreak)}`
      : 'Chaîne intacte.',
  );
  const checkpoints = [
    ...(await storedCheckpoints(q)).map((c) => ({
      name: `point de contrôle enregistré n° ${c.id}`,
      checkpoint: c,
    })),
    ...input.files.map((f) => ({ name: `fichier ${f.name}`, checkpoint: f.checkpoint })),
  ];
  if (checkpoints.length > 0 && input.trustedKeys.length === 0) {
    lines.push('Points de contrôle non vérifiés : aucune clé publique de confiance (option --public-key).');
    return { ok: false, lines };
  }
  let failures = 0;
  for (const { name, checkpoint } of checkpoints) {
    const problem = await verifyCheckpoint(q, checkpoint, input.trustedKeys);
    if (!problem) continue;
    failures += 1;
    lines.push(
      problem.problem === 'bad_signature'
        ? `${name} : signature invalide ou clé inconnue.`
        : `${name} : l’entrée de rang ${number(problem.seq ?? 0)} du flux ${problem.stream} qu’il atteste n’est plus dans le journal (journal réécrit après sa signature).`,
    );
  }
  lines.push(
    `Points de contrôle : ${number(checkpoints.length - failures)} sur ${number(checkpoints.length)} ${checkpoints.length > 1 ? 'vérifiés' : 'vérifié'}.`,
  );
  return { ok: !report.firstBreak && failures === 0, lines };
}
