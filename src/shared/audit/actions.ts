import { ACCESS_LEVEL_LABELS } from '../access/household-access.ts';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  EVICTION_STEP_LABELS,
  PARTY_BASIS_LABELS,
  SENSITIVITY_LABELS,
} from '../contracts/household-enums.ts';
import { TASK_STATUS_LABELS } from '../contracts/tasks.ts';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_STATUS_LABELS } from '../contracts/agenda.ts';
import { DECISION_OUTCOME_LABELS, HOUSEHOLD_PRESENCE_LABELS } from '../contracts/committees.ts';
import { MEASURE_END_REASON_LABELS, MEASURE_ORIENTATION_LABELS } from '../contracts/measures.ts';
import { ROLE_LABELS } from '../contracts/roles.ts';
import { CONTRACT_PARTY_LABELS } from '../contracts/support-contracts.ts';
import { JOURNAL_KIND_LABELS, JOURNAL_SENSITIVITY_LABELS } from '../contracts/journal.ts';
import { ATTENDANCE_LABELS } from '../contracts/workshops.ts';
import { CONVERSION_LABELS, VISIT_CONSENT_LABELS, WEEKDAY_LABELS } from '../contracts/permanences.ts';
import { WATCH_INCIDENT_KIND_LABELS } from '../contracts/watch.ts';
import {
  EVALUATION_AUDIENCE_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_NEXT_STEP_LABELS,
} from '../contracts/evaluations.ts';
import { formatCents, formatDate, formatDateTime, formatMonth } from '../format.ts';
import { INSTRUMENT_STATUS_LABELS, PREVENTION_INSTRUMENT_LABELS } from '../contracts/eviction-prevention.ts';
import { DWELLING_STATUS_LABELS } from '../contracts/housing-stock.ts';
import { IMPORT_KIND_LABELS } from '../dwellings/import-lines.ts';
import { POSTING_KIND_LABELS } from '../rent-accounts/postings.ts';
import { OCCUPANCY_KIND_LABELS, OCCUPANCY_STATUS_LABELS } from '../contracts/housing-stock.ts';
import { CONTRACT_EVENT_LABELS, END_OUTCOME_LABELS, LEASE_PARTY_LABELS } from '../leases/contract-rules.ts';
import { SLIDING_DECISION_LABELS } from '../leases/sliding.ts';
import { AID_FORM_LABELS, AID_KIND_LABELS } from '../contracts/housing-aids.ts';
import { GLA_TASK_LABELS } from '../partnerships/gla-plan.ts';
import { amendmentLines } from '../partnerships/amendments.ts';
import { AVAILABILITY_END_REASON_LABELS, ZAmendmentChanges } from '../contracts/partnerships.ts';
import { summariseChanges } from '../households/display.ts';
import { TYPOLOGY_LABELS } from '../contracts/household-enums.ts';
import { PRIORITY_CATEGORY_SHORT, INCOME_SOURCE_LABELS } from '../contracts/housing-pool.ts';
import { RESERVATION_CHANNEL_LABELS } from '../contracts/vacancies.ts';
import {
  COMMISSION_DECISION_LABELS,
  PROPOSAL_ANSWER_LABELS,
  PROPOSED_OCCUPANCY_LABELS,
  REFUSAL_REASON_LABELS,
} from '../contracts/designations.ts';

/**
 * The audit log in words: each action's French name, and what its details say, with the names of
 * the organisations and people it designates (resolved by the server). No code, no identifier.
 */

/** Names of the organisations an entry's details designate. */
export interface AuditNames {
  organisation: ReadonlyMap<string, string>;
}

type Details = Readonly<Record<string, unknown>>;
type Describe = (details: Details, names: AuditNames) => string | null;

interface ActionSpec {
  label: string;
  describe?: Describe;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const cents = (v: unknown) => (typeof v === 'number' ? formatCents(v) : null);
const labelOf = (labels: Readonly<Record<string, string>>, v: unknown) =>
  typeof v === 'string' ? (labels[v] ?? null) : null;
const nameOf = (names: ReadonlyMap<string, string>, id: unknown) =>
  typeof id === 'string' ? (names.get(id) ?? 'organisation inconnue') : null;
const joined = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' — ') || null;
/** A slot in words: its place, weekday and hours. */
const slotWords = (d: Details) =>
  joined(
    str(d.place),
    typeof d.weekday === 'number' ? (WEEKDAY_LABELS[d.weekday] ?? null) : null,
    str(d.startTime) && str(d.endTime) && `${str(d.startTime)}–${str(d.endTime)}`,
  );
/** A visit in words: the place, the day and whether the person agreed (never a name). */
const visitWords = (d: Details) =>
  joined(
    str(d.place),
    str(d.occurrenceDate) && formatDate(str(d.occurrenceDate)),
    labelOf(VISIT_CONSENT_LABELS, d.consent),
  );
const dwellingWords = (d: Details) => joined(str(d.reference) && `réf. ${str(d.reference)}`, str(d.address));
const importWords = (d: Details) =>
  joined(
    str(d.fileName),
    labelOf(IMPORT_KIND_LABELS, d.kind),
    typeof d.lines === 'number' && `${d.lines} ligne(s)`,
  );
const leaseWords = (d: Details) =>
  joined(labelOf(OCCUPANCY_KIND_LABELS, d.kind), str(d.on) && `le ${formatDate(str(d.on))}`);
const monthOf = (d: Details) => (typeof d.month === 'string' ? formatMonth(d.month) : null);
const pointVersion = (d: Details) =>
  typeof d.version === 'number' && d.version > 1 ? `version ${d.version}` : null;
const evaluationOf = (d: Details) =>
  joined(
    labelOf(EVALUATION_KIND_LABELS, d.kind),
    typeof d.periodStart === 'string' && typeof d.periodEnd === 'string'
      ? `période du ${formatDate(d.periodStart)} au ${formatDate(d.periodEnd)}`
      : null,
  );
/** A repayment plan in words: the debt, its instalments and first month. */
const planWords = (d: Details) =>
  joined(
    typeof d.debtCents === 'number' && `dette de ${formatCents(d.debtCents)}`,
    typeof d.instalmentCount === 'number' && `${d.instalmentCount} mensualité(s)`,
    monthOf(d) && `à partir de ${monthOf(d)}`,
  );
const contractVersion = (d: Details) => (typeof d.version === 'number' ? `version ${d.version}` : null);
const roles = (v: unknown) =>
  Array.isArray(v)
    ? v
        .map((r) => (ROLE_LABELS as Record<string, string>)[String(r)] ?? '')
        .filter(Boolean)
        .join(', ')
    : null;

const AUDIENCE_LABELS: Record<string, string> = { landlord: 'version bailleur', committee: 'version comité' };
const VERSION_LABELS: Record<string, string> = { household: 'version du ménage', ...AUDIENCE_LABELS };
const REFERRAL_SIDE_LABELS: Record<string, string> = {
  sender: 'côté émetteur',
  receiver: 'côté destinataire',
};
const REFERRAL_KIND_LABELS: Record<string, string> = {
  maintenance: 'maintien dans le logement',
  access: 'accès au logement',
};
const APPROVAL_LABELS: Record<string, string> = {
  signature: 'signature sur tablette',
  typed_name: 'nom saisi devant témoin',
};

/** An aid in words: its kind, its form and the amount concerned (never the funder's or payee's name). */
const aidWords = (d: Details) =>
  joined(
    labelOf(AID_KIND_LABELS, d.kind),
    labelOf(AID_FORM_LABELS, d.form),
    typeof d.amountCents === 'number' ? formatCents(d.amountCents) : null,
    d.renewal === true ? 'renouvellement' : null,
  );

/** A housing project in words: the typologies, the number of communes, the categories, the income sources. */
const listOf = (labels: Readonly<Record<string, string>>, v: unknown) =>
  Array.isArray(v)
    ? v
        .map((x) => labelOf(labels, x))
        .filter(Boolean)
        .join(', ')
    : null;
const projectWords = (d: Details) =>
  joined(
    listOf(TYPOLOGY_LABELS, d.typologies),
    typeof d.communes === 'number' && d.communes > 0 && `${d.communes} commune(s) souhaitée(s)`,
    listOf(PRIORITY_CATEGORY_SHORT, d.priorityCategories),
    Array.isArray(d.incomeSources) &&
      d.incomeSources.length > 0 &&
      `revenus : ${listOf(INCOME_SOURCE_LABELS, d.incomeSources)}`,
  );

const fileVersion = (d: Details) => (typeof d.version === 'number' ? `version ${d.version}` : null);
const diagnosticVersion = (d: Details) =>
  typeof d.version === 'number' ? `version ${d.version} du diagnostic` : null;

export const AUDIT_ACTIONS: Readonly<Record<string, ActionSpec>> = {
  'auth.login': { label: 'Connexion' },
  'auth.login_failed': { label: 'Échec de connexion', describe: (d) => str(d.email) },
  'auth.locked': {
    label: 'Compte verrouillé',
    describe: (d) => (str(d.until) ? `jusqu’au ${formatDateTime(str(d.until))}` : null),
  },
  'auth.logout': { label: 'Déconnexion' },
  'auth.logout_all': { label: 'Déconnexion de toutes les sessions' },
  'auth.second_factor': { label: 'Second facteur validé' },
  'auth.second_factor_failed': { label: 'Échec du second facteur' },
  'auth.recovery_code_used': {
    label: 'Code de secours utilisé',
    describe: (d) =>
      typeof d.recoveryCodesLeft === 'number' ? `${d.recoveryCodesLeft} codes restants` : null,
  },
  'auth.totp_enrolled': { label: 'Second facteur activé' },
  'auth.totp_enrolment_refused': {
    label: 'Activation du second facteur refusée : une autre connexion l’a commencée',
  },
  'auth.switch_organisation': {
    label: 'Changement d’organisation',
    describe: (d, n) => nameOf(n.organisation, d.organisationId),
  },
  'auth.password_reset_requested': { label: 'Demande de réinitialisation du mot de passe' },
  'auth.password_reset': { label: 'Mot de passe réinitialisé' },
  'user.invited': {
    label: 'Utilisateur invité',
    describe: (d) => joined(str(d.email), labelOf(ROLE_LABELS, d.role)),
  },
  'user.invitation_revoked': { label: 'Invitation révoquée' },
  'user.invitation_accepted': { label: 'Invitation acceptée', describe: (d) => labelOf(ROLE_LABELS, d.role) },
  'user.roles_changed': {
    label: 'Rôles modifiés',
    describe: (d) =>
      joined(roles(d.before) && `avant : ${roles(d.before)}`, roles(d.after) && `après : ${roles(d.after)}`),
  },
  'user.deactivated': { label: 'Utilisateur désactivé' },
  'user.reactivated': { label: 'Utilisateur réactivé' },
  'organisation.updated': { label: 'Organisation modifiée' },
  'management_unit.created': { label: 'Unité de gestion créée' },
  'management_unit.updated': { label: 'Unité de gestion modifiée' },
  'housing_benefit_scale.create': { label: 'Barème d’aide au logement ajouté' },
  'budget_convention.create': {
    label: 'Convention budgétaire ajoutée',
    describe: (d) => (str(d.effectiveFrom) ? `à partir du ${formatDate(str(d.effectiveFrom))}` : null),
  },
  'household.create': {
    label: 'Création du dossier',
    describe: (d) => {
      const basis = labelOf({ ...PARTY_BASIS_LABELS }, d.basis);
      return basis ? `au titre : ${basis}` : null;
    },
  },
  'household.list': {
    label: 'Recherche dans les dossiers ménages',
    describe: (d) => (str(d.search) ? `« ${str(d.search)} »` : 'liste sans recherche'),
  },
  'household.read': {
    label: 'Consultation du dossier',
    describe: (d) => labelOf(ACCESS_LEVEL_LABELS, d.accessLevel),
  },
  'household.update': {
    label: 'Modification du dossier',
    describe: (d) =>
      joined(
        fileVersion(d),
        Array.isArray(d.fields) ? summariseChanges(d.fields.map((f) => ({ field: String(f) }))) : null,
      ),
  },
  'household.history.read': { label: 'Consultation de l’historique du dossier' },
  'household.audit.read': { label: 'Consultation du journal d’accès du dossier' },
  'household.notes.read': { label: 'Consultation des notes' },
  'household.documents.read': { label: 'Consultation de la liste des documents' },
  'household.parties.read': { label: 'Consultation des parties au dossier' },
  'household.consents.read': { label: 'Consultation des accords du ménage' },
  'household.note.create': {
    label: 'Note ajoutée',
    describe: (d) => labelOf(SENSITIVITY_LABELS, d.sensitivity),
  },
  'household.document.upload': {
    label: 'Document déposé',
    describe: (d) => joined(str(d.fileName), labelOf(SENSITIVITY_LABELS, d.sensitivity)),
  },
  'household.document.download': { label: 'Document téléchargé', describe: (d) => str(d.fileName) },
  'household.consent.record': {
    label: 'Accord du ménage enregistré',
    describe: (d, n) =>
      joined(
        nameOf(n.organisation, d.organisationId),
        labelOf(CONSENT_PURPOSE_LABELS, d.purpose),
        labelOf(CONSENT_METHOD_LABELS, d.method),
      ),
  },
  'household.consent.revoke': {
    label: 'Accord du ménage retiré',
    describe: (d, n) => joined(nameOf(n.organisation, d.organisationId), str(d.reason)),
  },
  'household.budget.read': { label: 'Consultation du budget' },
  'partnership_convention.create': {
    label: 'Convention de partenariat conclue',
    describe: (d, n) => joined(nameOf(n.organisation, d.organisationId), str(d.title)),
  },
  'partnership_convention.dwelling_add': {
    label: 'Logement mis à disposition au titre d’une convention',
    describe: (d) =>
      joined(
        labelOf(OCCUPANCY_KIND_LABELS, d.occupancyKind),
        str(d.availableFrom) && `à partir du ${formatDate(str(d.availableFrom))}`,
        d.gla === true ? 'gestion locative adaptée' : null,
      ),
  },
  'partnership_convention.amend': {
    label: 'Avenant à une convention de partenariat',
    describe: (d) => {
      const changes = ZAmendmentChanges.safeParse(d.changes);
      return joined(
        typeof d.number === 'number' ? `avenant n° ${d.number}` : null,
        str(d.effectiveOn) && `à compter du ${formatDate(str(d.effectiveOn))}`,
        changes.success ? amendmentLines(changes.data).join(' ; ') : null,
      );
    },
  },
  'partnership_convention.dwelling_end': {
    label: 'Fin de la mise à disposition d’un logement',
    describe: (d) =>
      joined(
        str(d.address),
        str(d.lastDay) && `dernier jour le ${formatDate(str(d.lastDay))}`,
        labelOf(AVAILABILITY_END_REASON_LABELS, d.reason),
        typeof d.dismissed === 'number' && d.dismissed > 0
          ? `${d.dismissed} tâche(s) de gestion locative adaptée abandonnée(s)`
          : null,
      ),
  },
  'partnership_convention.gla_plan': {
    label: 'Plan annuel de gestion locative adaptée écrit en tâches',
    describe: (d) =>
      joined(
        typeof d.year === 'number' ? `année ${d.year}` : null,
        typeof d.added === 'number' ? `${d.added} tâche(s) ajoutée(s)` : null,
      ),
  },
  // Before the GLA plan's tasks became tasks of « Mes tâches » (kept for the entries it wrote).
  'partnership_convention.gla_task_done': {
    label: 'Tâche de gestion locative adaptée faite',
    describe: (d) =>
      joined(labelOf(GLA_TASK_LABELS, d.kind), str(d.doneOn) && `le ${formatDate(str(d.doneOn))}`),
  },
  'household.aids.read': { label: 'Consultation des aides financières' },
  'housing_aid.request': { label: 'Aide financière demandée', describe: (d) => aidWords(d) },
  'housing_aid.grant': { label: 'Aide financière accordée', describe: (d) => aidWords(d) },
  'housing_aid.refuse': { label: 'Aide financière refusée', describe: (d) => aidWords(d) },
  'housing_aid.pay': {
    label: 'Versement d’une aide financière',
    describe: (d) => joined(aidWords(d), str(d.paidOn) && `le ${formatDate(str(d.paidOn))}`),
  },
  'household.housing_project.read': {
    label: 'Consultation du projet logement',
    describe: (d) => (d.via === 'pool' ? 'dans le vivier des ménages prêts à sortir' : null),
  },
  'housing_project.open': {
    label: 'Projet logement ouvert (entrée dans le vivier)',
    describe: (d) => projectWords(d),
  },
  'housing_project.update': { label: 'Projet logement modifié', describe: (d) => projectWords(d) },
  'housing_project.consent.give': {
    label: 'Accord du ménage pour être proposé',
    describe: (d) =>
      joined(labelOf(CONSENT_METHOD_LABELS, d.method), str(d.givenOn) && `le ${formatDate(str(d.givenOn))}`),
  },
  'housing_project.consent.withdraw': {
    label: 'Accord du ménage pour être proposé retiré',
    describe: (d) => str(d.withdrawnOn) && `le ${formatDate(str(d.withdrawnOn))}`,
  },
  'vacancy.publish': {
    label: 'Vacance de logement publiée',
    describe: (d) =>
      joined(
        labelOf(RESERVATION_CHANNEL_LABELS, d.channel),
        str(d.answerBy) && `réponse avant le ${formatDate(str(d.answerBy))}`,
        typeof d.organisationsNotified === 'number' &&
          `${d.organisationsNotified} organisation(s) prévenue(s)`,
      ),
  },
  'vacancy.withdraw': { label: 'Vacance de logement retirée', describe: (d) => str(d.reason) },
  'vacancy.close': { label: 'Vacance de logement clôturée', describe: (d) => str(d.reason) },
  'household.matching.read': {
    label: 'Consultation du rang et des motifs du ménage pour un logement vacant',
    describe: (d) => (d.via === 'policy_preview' ? 'en préparant une politique de rapprochement' : null),
  },
  'matching_policy.adopt': {
    label: 'Politique de rapprochement adoptée',
    describe: (d) => joined(typeof d.version === 'number' && `version ${d.version}`, str(d.note)),
  },
  'matching.fairness.read': {
    label: 'Consultation de la vue d’équité des propositions',
    describe: (d) =>
      joined(
        str(d.from) && str(d.to) && `du ${formatDate(str(d.from))} au ${formatDate(str(d.to))}`,
        typeof d.proposals === 'number' && `${d.proposals} proposition(s)`,
      ),
  },
  'proposal.cal_file.export_pdf': {
    label: 'Dossier CAL du candidat édité en PDF',
    describe: (d) =>
      joined(
        typeof d.rank === 'number' && `candidat au rang ${d.rank}`,
        d.diagnosticVersion === null
          ? 'sans diagnostic approuvé'
          : typeof d.diagnosticVersion === 'number' &&
              `diagnostic approuvé version ${d.diagnosticVersion} (version bailleur)`,
      ),
  },
  'vacancy_proposal.designate': {
    label: 'Ménage proposé sur un logement',
    describe: (d) =>
      joined(
        str(d.dwelling),
        typeof d.rank === 'number' && `rang ${d.rank}`,
        labelOf(PROPOSED_OCCUPANCY_LABELS, d.occupancy),
        str(d.answerDue) && `réponse avant le ${formatDate(str(d.answerDue))}`,
      ),
  },
  'household.proposals.read': {
    label: 'Consultation des propositions de logement',
    describe: (d) => (d.via === 'vacancy' ? 'parmi les candidats d’un logement' : null),
  },
  'vacancy_proposal.answer': {
    label: 'Réponse du ménage à une proposition de logement',
    describe: (d) =>
      joined(
        labelOf(PROPOSAL_ANSWER_LABELS, d.answer),
        labelOf(REFUSAL_REASON_LABELS, d.reason),
        str(d.answeredOn) && `le ${formatDate(str(d.answeredOn))}`,
      ),
  },
  'vacancy_proposal.decide': {
    label: 'Décision de la commission d’attribution enregistrée',
    describe: (d) =>
      joined(
        labelOf(COMMISSION_DECISION_LABELS, d.decision),
        typeof d.decisionRank === 'number' && `rang ${d.decisionRank}`,
        labelOf(REFUSAL_REASON_LABELS, d.reason),
        str(d.decidedOn) && `le ${formatDate(str(d.decidedOn))}`,
      ),
  },
  'vacancy_proposal.silence': {
    label: 'Sans réponse du ménage dans le délai (vaut refus)',
    describe: (d) => str(d.answerDue) && `délai échu le ${formatDate(str(d.answerDue))}`,
  },
  'housing_aid.repay': {
    label: 'Remboursement d’un prêt enregistré',
    describe: (d) => joined(aidWords(d), str(d.paidOn) && `le ${formatDate(str(d.paidOn))}`),
  },
  'household.eviction_step.record': {
    label: 'Étape de la procédure d’expulsion enregistrée',
    describe: (d) =>
      joined(
        labelOf(EVICTION_STEP_LABELS, d.step),
        str(d.occurredOn) && `le ${formatDate(str(d.occurredOn))}`,
      ),
  },
  'household.eviction_prevention.read': { label: 'Consultation de la prévention de l’expulsion' },
  'household.eviction_prevention.facts': {
    label: 'Bail, loyer et audience de la procédure enregistrés',
    describe: (d) =>
      joined(
        str(d.leaseSignedOn) && `bail signé le ${formatDate(str(d.leaseSignedOn))}`,
        str(d.hearingScheduledOn) && `audience le ${formatDate(str(d.hearingScheduledOn))}`,
      ),
  },
  'household.eviction_prevention.balance': {
    label: 'Dette locative notée',
    describe: (d) => joined(str(d.on) && `au ${formatDate(str(d.on))}`, cents(d.amountCents)),
  },
  'household.eviction_prevention.balance_removed': {
    label: 'Dette locative retirée',
    describe: (d) => joined(str(d.on) && `au ${formatDate(str(d.on))}`, cents(d.amountCents)),
  },
  'household.eviction_prevention.instrument': {
    label: 'Outil de prévention de l’expulsion noté',
    describe: (d) =>
      joined(
        labelOf(PREVENTION_INSTRUMENT_LABELS, d.instrument),
        labelOf(INSTRUMENT_STATUS_LABELS, d.status),
        str(d.on) && `le ${formatDate(str(d.on))}`,
      ),
  },
  'household.eviction_procedure.close': {
    label: 'Procédure d’expulsion close',
    describe: (d) => str(d.reason),
  },
  'task.list': { label: 'Consultation des tâches du dossier' },
  'task.create': { label: 'Tâche créée', describe: (d) => str(d.title) },
  'task.close': {
    label: 'Tâche close',
    describe: (d) => joined(str(d.title), labelOf(TASK_STATUS_LABELS, d.outcome)),
  },
  'appointment.list': { label: 'Consultation des rendez-vous du dossier' },
  'appointment.week': {
    label: 'Consultation d’une semaine d’agenda',
    describe: (d) => str(d.monday) && `semaine du ${formatDate(str(d.monday))}`,
  },
  'appointment.feed': {
    label: 'Agenda lu par un calendrier (flux personnel)',
    describe: (d) => (typeof d.count === 'number' ? `${d.count} rendez-vous` : null),
  },
  'appointment.create': {
    label: 'Rendez-vous planifié',
    describe: (d) =>
      joined(labelOf(APPOINTMENT_KIND_LABELS, d.kind), str(d.startsAt) && formatDateTime(str(d.startsAt))),
  },
  'appointment.update': {
    label: 'Rendez-vous modifié',
    describe: (d) =>
      joined(labelOf(APPOINTMENT_KIND_LABELS, d.kind), str(d.startsAt) && formatDateTime(str(d.startsAt))),
  },
  'appointment.status': {
    label: 'Statut d’un rendez-vous',
    describe: (d) => joined(labelOf(APPOINTMENT_STATUS_LABELS, d.status), str(d.reason)),
  },
  'agenda_feed.create': { label: 'Adresse d’agenda personnelle créée' },
  'agenda_feed.revoke': { label: 'Adresse d’agenda personnelle révoquée' },
  'budget_scenario.create': { label: 'Logement cible ajouté au budget' },
  'budget_scenario.update': { label: 'Logement cible modifié' },
  'budget_scenario.delete': { label: 'Logement cible supprimé' },
  'referral.create': {
    label: 'Saisine envoyée',
    describe: (d, n) =>
      joined(
        labelOf(REFERRAL_KIND_LABELS, d.kind),
        nameOf(n.organisation, d.toOrganisationId) && `à ${nameOf(n.organisation, d.toOrganisationId)}`,
      ),
  },
  'referral.read': {
    label: 'Consultation d’une saisine',
    describe: (d) => labelOf(REFERRAL_SIDE_LABELS, d.side),
  },
  'referral.prefill.read': {
    label: 'Consultation d’un locataire signalé pour lui adresser une saisine',
    describe: (d) => joined(str(d.tenantReference) && `réf. ${str(d.tenantReference)}`),
  },
  'referral.events.read': { label: 'Consultation de l’historique d’une saisine' },
  'referral.accept': { label: 'Saisine acceptée' },
  'referral.decline': { label: 'Saisine refusée' },
  'referral.redirect': { label: 'Saisine réorientée' },
  'referral.record_first_interview': { label: 'Premier entretien réalisé' },
  'referral.contact_attempt': { label: 'Tentative de contact notée' },
  'diagnostic.create': { label: 'Diagnostic ouvert', describe: diagnosticVersion },
  'diagnostic.read': { label: 'Consultation du diagnostic', describe: diagnosticVersion },
  'diagnostic.list': { label: 'Consultation de la liste des diagnostics' },
  'diagnostic.update': { label: 'Diagnostic modifié', describe: diagnosticVersion },
  'diagnostic.present': { label: 'Diagnostic présenté au ménage', describe: diagnosticVersion },
  'diagnostic.approve': {
    label: 'Diagnostic approuvé par le ménage',
    describe: (d) => joined(diagnosticVersion(d), labelOf(APPROVAL_LABELS, d.method)),
  },
  'diagnostic.disagree': { label: 'Désaccord du ménage sur le diagnostic', describe: diagnosticVersion },
  'diagnostic.new_version': { label: 'Nouvelle version du diagnostic', describe: diagnosticVersion },
  'diagnostic.preview': {
    label: 'Aperçu d’une version partenaire',
    describe: (d) => labelOf(AUDIENCE_LABELS, d.audience),
  },
  'diagnostic.share': {
    label: 'Diagnostic partagé',
    describe: (d, n) =>
      joined(
        labelOf(AUDIENCE_LABELS, d.audience),
        Array.isArray(d.organisationIds)
          ? d.organisationIds.map((id) => nameOf(n.organisation, id)).join(', ')
          : null,
      ),
  },
  'diagnostic.shares.read': { label: 'Consultation des partages du diagnostic' },
  'diagnostic.export_pdf': {
    label: 'Diagnostic exporté en PDF',
    describe: (d) => labelOf(VERSION_LABELS, d.version),
  },
  'capacity_assessment.create': { label: 'Grille « capacité à habiter » remplie' },
  'capacity_assessment.list': { label: 'Consultation des grilles « capacité à habiter »' },
  'audit.checkpoint.sign': { label: 'Point de contrôle du journal d’audit signé' },
  'measure.list': { label: 'Consultation des mesures d’accompagnement du dossier' },
  'measure.propose': { label: 'Mesure d’accompagnement proposée', describe: (d) => str(d.scheme) },
  'measure.prescribe': {
    label: 'Mesure prescrite et transmise au financeur',
    describe: (d) => str(d.scheme),
  },
  'measure.validate': { label: 'Mesure validée par le financeur', describe: (d) => str(d.scheme) },
  'measure.refuse': {
    label: 'Mesure refusée par le financeur',
    describe: (d) => joined(str(d.scheme), str(d.reason)),
  },
  'measure.start': {
    label: 'Début d’une mesure d’accompagnement',
    describe: (d) => joined(str(d.scheme), str(d.startOn) && `le ${formatDate(str(d.startOn))}`),
  },
  'measure.renew': { label: 'Mesure renouvelée', describe: (d) => str(d.scheme) },
  'measure.end': {
    label: 'Fin d’une mesure d’accompagnement',
    describe: (d) =>
      joined(
        str(d.scheme),
        labelOf(MEASURE_END_REASON_LABELS, d.endReason),
        labelOf(MEASURE_ORIENTATION_LABELS, d.orientation),
      ),
  },
  'measure.assign': { label: 'Changement de référent d’une mesure', describe: (d) => str(d.scheme) },
  'measure.watch_incident.report': {
    label: 'Incident signalé pendant la veille',
    describe: (d) => joined(str(d.scheme), labelOf(WATCH_INCIDENT_KIND_LABELS, d.kind)),
  },
  'measure.watch_incident.list': { label: 'Consultation des incidents signalés pendant la veille' },
  'measure.reopen': {
    label: 'Accompagnement rouvert après un incident pendant la veille',
    describe: (d) => joined(str(d.scheme), labelOf(WATCH_INCIDENT_KIND_LABELS, d.kind)),
  },
  'measure.funded.read': {
    label: 'Consultation des mesures financées',
    describe: (d) => (typeof d.count === 'number' ? `${d.count} mesure(s) en attente de décision` : null),
  },
  'measure_scheme.create': { label: 'Dispositif d’accompagnement créé', describe: (d) => str(d.name) },
  'measure_scheme.add_version': {
    label: 'Nouvelle version d’un dispositif',
    describe: (d) =>
      joined(str(d.name), str(d.effectiveFrom) && `à partir du ${formatDate(str(d.effectiveFrom))}`),
  },
  'funding_programme.create': { label: 'Programme de financement créé', describe: (d) => str(d.name) },
  'caseload.capacity.set': { label: 'Capacité d’un référent modifiée' },
  'alert.settings.save': { label: 'Réglages des alertes modifiés' },
  'alert.tasks.update': {
    label: 'Alertes du dossier mises à jour',
    describe: (d) =>
      joined(
        Array.isArray(d.opened) && d.opened.length > 0 && `ouvertes : ${d.opened.join(' ; ')}`,
        Array.isArray(d.closed) && d.closed.length > 0 && `closes : ${d.closed.join(' ; ')}`,
      ),
  },
  'alert.digest.set': {
    label: 'Courriel quotidien des alertes',
    describe: (d) => (d.dailyDigest ? 'reçu' : 'plus reçu'),
  },
  'committee.create': { label: 'Comité créé', describe: (d) => str(d.name) },
  'committee.member.add': {
    label: 'Organisation ajoutée à un comité',
    describe: (d) => joined(str(d.name), str(d.organisation)),
  },
  'committee.member.remove': {
    label: 'Organisation retirée d’un comité',
    describe: (d) => joined(str(d.name), str(d.organisation)),
  },
  'committee.person.add': {
    label: 'Personne nommée dans un comité',
    describe: (d) => joined(str(d.name), str(d.person)),
  },
  'committee.person.remove': {
    label: 'Personne retirée d’un comité',
    describe: (d) => joined(str(d.name), str(d.person)),
  },
  'committee.meeting.plan': {
    label: 'Réunion de comité planifiée',
    describe: (d) => joined(str(d.name), str(d.startsAt) && formatDateTime(str(d.startsAt))),
  },
  'committee.meeting.read': { label: 'Consultation d’une réunion de comité', describe: (d) => str(d.name) },
  'committee.item.add': { label: 'Situation inscrite à l’ordre du jour', describe: (d) => str(d.name) },
  'committee.item.presence': {
    label: 'Information ou présence du ménage au comité',
    describe: (d) => labelOf(HOUSEHOLD_PRESENCE_LABELS, d.presence),
  },
  'committee.minutes.export': { label: 'Relevé de décisions exporté en PDF', describe: (d) => str(d.name) },
  'committee.decision.record': {
    label: 'Décision de comité enregistrée',
    describe: (d) => joined(str(d.name), labelOf(DECISION_OUTCOME_LABELS, d.outcome)),
  },
  'support_contract.read': {
    label: 'Consultation du contrat d’accompagnement',
    describe: (d) => str(d.scheme),
  },
  'support_contract.create': {
    label: 'Contrat d’accompagnement généré',
    describe: (d) => str(d.scheme),
  },
  'support_contract.edit': {
    label: 'Brouillon du contrat d’accompagnement modifié',
    describe: (d) => joined(str(d.scheme), contractVersion(d)),
  },
  'support_contract.amend': {
    label: 'Avenant au contrat d’accompagnement ouvert',
    describe: (d) => joined(str(d.scheme), contractVersion(d)),
  },
  'support_contract.sign': {
    label: 'Contrat d’accompagnement signé',
    describe: (d) =>
      joined(
        labelOf(CONTRACT_PARTY_LABELS, d.party),
        contractVersion(d),
        d.inForce === true && 'le contrat entre en vigueur',
      ),
  },
  'support_contract.export_pdf': {
    label: 'Contrat d’accompagnement exporté en PDF',
    describe: (d) => joined(str(d.scheme), contractVersion(d)),
  },
  'household.timeline.read': {
    label: 'Consultation du journal d’accompagnement et de l’historique du dossier',
  },
  'journal.options.read': { label: 'Ouverture du formulaire d’activité du journal' },
  'journal.read': {
    label: 'Consultation d’une activité du journal',
    describe: (d) => labelOf(JOURNAL_KIND_LABELS, d.kind),
  },
  'journal.create': {
    label: 'Activité enregistrée au journal',
    describe: (d) =>
      joined(labelOf(JOURNAL_KIND_LABELS, d.kind), labelOf(JOURNAL_SENSITIVITY_LABELS, d.sensitivity)),
  },
  'journal.replay': {
    label: 'Activité renvoyée par l’appareil, déjà enregistrée',
    describe: (d) => labelOf(JOURNAL_KIND_LABELS, d.kind),
  },
  'journal.correct': {
    label: 'Activité du journal corrigée',
    describe: (d) => labelOf(JOURNAL_KIND_LABELS, d.kind),
  },
  'journal.cancel': {
    label: 'Activité du journal annulée',
    describe: (d) => joined(labelOf(JOURNAL_KIND_LABELS, d.kind), str(d.reason)),
  },
  'workshop.create': {
    label: 'Atelier collectif programmé',
    describe: (d) => joined(str(d.theme), str(d.startsAt) && formatDateTime(str(d.startsAt))),
  },
  'workshop.update': {
    label: 'Atelier collectif modifié',
    describe: (d) => joined(str(d.theme), str(d.startsAt) && formatDateTime(str(d.startsAt))),
  },
  'workshop.cancel': { label: 'Atelier collectif annulé', describe: (d) => str(d.reason) },
  'workshop.read': { label: 'Consultation d’un atelier collectif où le ménage est invité' },
  'workshop.invite': { label: 'Ménage invité à un atelier collectif' },
  'workshop.uninvite': { label: 'Invitation à un atelier collectif retirée' },
  'workshop.attendance': {
    label: 'Présence à un atelier collectif notée',
    describe: (d) => labelOf(ATTENDANCE_LABELS, d.attendance),
  },
  'permanence.slot.create': { label: 'Permanence ouverte', describe: (d) => slotWords(d) },
  'permanence.slot.update': { label: 'Permanence modifiée', describe: (d) => slotWords(d) },
  'permanence.slot.close': {
    label: 'Permanence fermée',
    describe: (d) => joined(slotWords(d), str(d.untilDate) && `dernier jour ${formatDate(str(d.untilDate))}`),
  },
  'permanence.week.read': {
    label: 'Consultation des passages d’une semaine de permanences',
    describe: (d) =>
      joined(
        str(d.monday) && `semaine du ${formatDate(str(d.monday))}`,
        typeof d.visits === 'number' ? `${d.visits} passage${d.visits > 1 ? 's' : ''}` : null,
      ),
  },
  'permanence.visit.create': { label: 'Passage à une permanence noté', describe: (d) => visitWords(d) },
  'permanence.visit.read': { label: 'Consultation d’un passage à une permanence' },
  'permanence.visit.update': { label: 'Passage à une permanence corrigé', describe: (d) => visitWords(d) },
  'permanence.visit.convert': {
    label: 'Passage à une permanence transformé',
    describe: (d) => joined(labelOf(CONVERSION_LABELS, d.to), visitWords(d)),
  },
  'monthly_point.list': { label: 'Consultation des points mensuels du ménage' },
  'monthly_point.prepare': {
    label: 'Point mensuel préparé',
    describe: (d) => joined(monthOf(d), pointVersion(d)),
  },
  'monthly_point.update': {
    label: 'Point mensuel complété',
    describe: (d) => joined(monthOf(d), pointVersion(d)),
  },
  'monthly_point.validate': {
    label: 'Point mensuel validé',
    describe: (d) => joined(monthOf(d), pointVersion(d)),
  },
  'monthly_point.correct': {
    label: 'Correction d’un point mensuel ouverte',
    describe: (d) => joined(monthOf(d), pointVersion(d)),
  },
  'evaluation.list': { label: 'Consultation des évaluations du ménage' },
  'evaluation.prepare': { label: 'Évaluation préparée', describe: (d) => evaluationOf(d) },
  'evaluation.update': { label: 'Évaluation complétée', describe: (d) => evaluationOf(d) },
  'evaluation.validate': { label: 'Évaluation validée', describe: (d) => evaluationOf(d) },
  'evaluation.preview': {
    label: 'Aperçu d’une version partenaire d’évaluation',
    describe: (d) => joined(evaluationOf(d), labelOf(EVALUATION_AUDIENCE_LABELS, d.audience)),
  },
  'evaluation.share': {
    label: 'Évaluation partagée',
    describe: (d, n) =>
      joined(
        evaluationOf(d),
        labelOf(EVALUATION_AUDIENCE_LABELS, d.audience),
        Array.isArray(d.organisationIds)
          ? d.organisationIds.map((id) => nameOf(n.organisation, id)).join(', ')
          : null,
      ),
  },
  'evaluation.sign': { label: 'Évaluation signée par le ménage', describe: (d) => evaluationOf(d) },
  'evaluation.apply': {
    label: 'Suite de l’évaluation donnée à la mesure',
    describe: (d) => joined(evaluationOf(d), labelOf(EVALUATION_NEXT_STEP_LABELS, d.nextStep)),
  },
  'evaluation.export_pdf': {
    label: 'Export PDF d’une évaluation',
    describe: (d) =>
      joined(
        evaluationOf(d),
        d.version === 'full' ? 'version intégrale' : labelOf(EVALUATION_AUDIENCE_LABELS, d.version),
      ),
  },
  'evaluation.shared.read': {
    label: 'Consultation des évaluations partagées',
    describe: (d) => labelOf(EVALUATION_AUDIENCE_LABELS, d.audience),
  },
  'dwelling.create': { label: 'Logement ajouté au parc', describe: (d) => dwellingWords(d) },
  'dwelling.update': { label: 'Logement modifié', describe: (d) => dwellingWords(d) },
  'dwelling.rent.add': {
    label: 'Nouveau loyer d’un logement',
    describe: (d) =>
      joined(
        dwellingWords(d),
        str(d.effectiveFrom) && `à partir du ${formatDate(str(d.effectiveFrom))}`,
        typeof d.monthlyRentCents === 'number' && `loyer ${formatCents(d.monthlyRentCents)}`,
        typeof d.monthlyChargesCents === 'number' && `charges ${formatCents(d.monthlyChargesCents)}`,
      ),
  },
  'dwelling.status.change': {
    label: 'Statut d’un logement changé',
    describe: (d) =>
      joined(
        dwellingWords(d),
        `${labelOf(DWELLING_STATUS_LABELS, d.from)} → ${labelOf(DWELLING_STATUS_LABELS, d.to)}`,
      ),
  },
  'stock_import.upload': { label: 'Export du bailleur envoyé pour import', describe: (d) => importWords(d) },
  'stock_import.apply': {
    label: 'Import appliqué',
    describe: (d) =>
      joined(
        importWords(d),
        typeof d.dwellingsCreated === 'number' && `${d.dwellingsCreated} logement(s) créé(s)`,
        typeof d.dwellingsUpdated === 'number' && `${d.dwellingsUpdated} mis à jour`,
        typeof d.tenantsCreated === 'number' && `${d.tenantsCreated} locataire(s) créé(s)`,
        typeof d.tenantsUpdated === 'number' && `${d.tenantsUpdated} mis à jour`,
        typeof d.balances === 'number' && d.balances > 0 && `${d.balances} solde(s)`,
      ),
  },
  'stock_import.threshold.update': {
    label: 'Seuil d’impayé des locataires à signaler changé',
    describe: (d) =>
      typeof d.amountCents === 'number'
        ? formatCents(d.amountCents)
        : typeof d.months === 'number'
          ? `${String(d.months).replace('.', ',')} mois de loyer et charges`
          : null,
  },
  'stock_import.flagged.read': {
    label: 'Consultation des locataires à signaler tôt',
    describe: (d) => (typeof d.count === 'number' ? `${d.count} locataire(s)` : null),
  },
  'rent_account.read': { label: 'Consultation d’un compte locatif' },
  'rent_account.read_postings': { label: 'Consultation des écritures d’un compte locatif' },
  'rent_account.statement': {
    label: 'Relevé de compte locatif édité',
    describe: (d) =>
      str(d.from) && str(d.to) ? `du ${formatDate(str(d.from))} au ${formatDate(str(d.to))}` : null,
  },
  'rent_account.open': {
    label: 'Compte locatif ouvert',
    describe: (d) => (str(d.on) ? `le ${formatDate(str(d.on))}` : null),
  },
  'rent_account.close': {
    label: 'Compte locatif clos',
    describe: (d) => (str(d.on) ? `le ${formatDate(str(d.on))}` : null),
  },
  'rent_account.post': {
    label: 'Écriture passée sur un compte locatif',
    describe: (d) =>
      joined(
        Array.isArray(d.kinds) ? d.kinds.map((k) => labelOf(POSTING_KIND_LABELS, k) ?? '').join(', ') : null,
        str(d.on) && formatDate(str(d.on)),
        typeof d.amountCents === 'number' && formatCents(d.amountCents),
      ),
  },
  'rent_account.plan_create': {
    label: 'Plan d’apurement établi',
    describe: (d) => planWords(d),
  },
  'rent_account.plan_renegotiate': {
    label: 'Plan d’apurement renégocié',
    describe: (d) => joined(planWords(d), typeof d.version === 'number' && `version ${d.version}`),
  },
  'rent_account.plan_check': {
    label: 'Plan d’apurement vérifié',
    describe: (d) =>
      typeof d.missed === 'number' && d.missed > 0 ? `${d.missed} mensualité(s) manquée(s) relevée(s)` : null,
  },
  'lease.list': { label: 'Consultation des contrats d’occupation du ménage' },
  'lease.org_list': {
    label: 'Consultation des baux et sous-locations de l’organisation',
    describe: (d) => labelOf(OCCUPANCY_STATUS_LABELS, d.status),
  },
  'lease.read': { label: 'Consultation d’un contrat d’occupation', describe: (d) => leaseWords(d) },
  'lease.create': { label: 'Contrat d’occupation enregistré', describe: (d) => leaseWords(d) },
  'lease.activate': { label: 'Contrat d’occupation mis en vigueur', describe: (d) => leaseWords(d) },
  'lease.event': {
    label: 'Événement d’un contrat d’occupation noté',
    describe: (d) => joined(labelOf(CONTRACT_EVENT_LABELS, d.event), leaseWords(d)),
  },
  'lease.document.attach': {
    label: 'Document joint à un contrat d’occupation',
    describe: (d) => str(d.label),
  },
  'lease.household.link': {
    label: 'Contrat d’occupation rattaché au dossier du ménage',
    describe: (d) => joined(leaseWords(d), typeof d.referralId === 'string' && 'par une saisine'),
  },
  'lease.household.unlink': {
    label: 'Contrat d’occupation détaché du dossier du ménage',
    describe: (d) => joined(leaseWords(d), str(d.reason)),
  },
  'lease.renew': { label: 'Contrat d’occupation renouvelé', describe: (d) => leaseWords(d) },
  'lease.end': {
    label: 'Fin d’un contrat d’occupation',
    describe: (d) =>
      joined(labelOf(END_OUTCOME_LABELS, d.outcome), leaseWords(d), labelOf(LEASE_PARTY_LABELS, d.party)),
  },
  'lease.sliding.evaluate': {
    label: 'Évaluation en vue du glissement',
    describe: (d) => labelOf(LEASE_PARTY_LABELS, d.party),
  },
  'lease.sliding.request': {
    label: 'Glissement du bail demandé',
    describe: (d) => labelOf(LEASE_PARTY_LABELS, d.party),
  },
  'lease.sliding.decide': {
    label: 'Décision commune sur le glissement',
    describe: (d) => joined(labelOf(SLIDING_DECISION_LABELS, d.decision), leaseWords(d)),
  },
};

/** An action's French name; an action this version does not know is said so, not shown by its code. */
export const auditActionLabel = (action: string) => AUDIT_ACTIONS[action]?.label ?? 'Autre action';

/** What an entry's details say, in French (null when nothing beyond its action). */
export const describeAuditEntry = (action: string, details: Details, names: AuditNames): string | null =>
  AUDIT_ACTIONS[action]?.describe?.(details, names) ?? null;

/** The organisation ids an entry's details designate, for the server to name them. */
export function auditOrganisationIds(details: Details): string[] {
  const ids = [
    details.organisationId,
    details.toOrganisationId,
    ...(Array.isArray(details.organisationIds) ? details.organisationIds : []),
  ];
  return ids.filter((v): v is string => typeof v === 'string');
}

/** The kinds of record an entry may concern, in French. */
const SUBJECT_LABELS: Readonly<Record<string, string>> = {
  household: 'Dossier',
  household_note: 'Note d’un dossier',
  household_document: 'Document d’un dossier',
  household_consent: 'Accord du ménage',
  eviction_procedure: 'Procédure d’expulsion',
  eviction_procedure_step: 'Étape de la procédure d’expulsion',
  task: 'Tâche',
  appointment: 'Rendez-vous',
  agenda_feed: 'Adresse d’agenda personnelle',
  referral: 'Saisine',
  diagnostic: 'Diagnostic',
  capacity_assessment: 'Grille « capacité à habiter »',
  budget_scenario: 'Logement cible du budget',
  budget_convention: 'Convention budgétaire',
  housing_benefit_scale: 'Barème d’aide au logement',
  user: 'Utilisateur',
  invitation: 'Invitation',
  organisation: 'Organisation',
  management_unit: 'Unité de gestion',
  audit_checkpoint: 'Point de contrôle du journal d’audit',
  measure: 'Mesure d’accompagnement',
  measure_scheme: 'Dispositif d’accompagnement',
  support_contract: 'Contrat d’accompagnement',
  funding_programme: 'Programme de financement',
  committee: 'Comité',
  committee_meeting: 'Réunion de comité',
  meeting_item: 'Point d’ordre du jour d’un comité',
  journal_entry: 'Activité du journal d’accompagnement',
  workshop: 'Atelier collectif',
  permanence_slot: 'Permanence',
  permanence_week: 'Semaine de permanences',
  permanence_visit: 'Passage à une permanence',
  monthly_point: 'Point mensuel d’une mesure',
  evaluation: 'Évaluation d’une mesure',
  evaluation_share: 'Version partagée d’une évaluation',
  dwelling: 'Logement',
  stock_import: 'Import du bailleur',
  rent_account: 'Compte locatif',
  repayment_plan: 'Plan d’apurement',
  occupancy_contract: 'Contrat d’occupation',
  housing_aid: 'Aide financière',
  partnership_convention: 'Convention de partenariat',
  housing_project: 'Projet logement',
  vacancy: 'Vacance de logement',
  matching_policy: 'Politique de rapprochement',
  fairness_view: 'Vue d’équité des propositions',
  vacancy_proposal: 'Proposition de logement',
};

/**
 * What an entry concerned, in words: the file by its number when it is about a household (the
 * auditor may not read the file, but must see which one was touched), a person by name.
 */
export function describeAuditSubject(
  entityType: string,
  known: { fileLabel: string | null; userName: string | null },
): string | null {
  const kind = SUBJECT_LABELS[entityType] ?? null;
  if (known.fileLabel)
    return kind && entityType !== 'household'
      ? `${kind} — dossier ${known.fileLabel}`
      : `Dossier ${known.fileLabel}`;
  if (known.userName && entityType === 'user') return `${kind} : ${known.userName}`;
  return kind;
}
