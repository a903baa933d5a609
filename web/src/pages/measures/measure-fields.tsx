import type { ReactNode } from 'react';
import { NumberInput, Select, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { MEASURE_END_REASON_LABELS, MEASURE_ORIENTATION_LABELS } from '@shared/contracts/measures.ts';
import { optionsOf } from '../households/organisations.ts';

/** A renewal: its length and the evaluation that justifies it (a measure's action, or a committee's decision). */
export function RenewalFields(props: {
  months: GetInputPropsReturnType;
  reason: GetInputPropsReturnType;
  maxMonths: number;
  monthsDescription?: string;
}) {
  return (
    <>
      <NumberInput
        label="Durée du renouvellement (mois)"
        description={props.monthsDescription}
        min={1}
        max={props.maxMonths}
        allowDecimal={false}
        {...props.months}
      />
      <Textarea
        label="Évaluation qui justifie le renouvellement"
        required
        autosize
        minRows={3}
        {...props.reason}
      />
    </>
  );
}

/**
 * The end of a measure: its reason and what follows for the household (a watch of some months, or
 * an organisation that takes over, `relay`, shown when that is the orientation chosen).
 */
export function MeasureEndFields(props: {
  endReason: GetInputPropsReturnType;
  orientation: GetInputPropsReturnType;
  watchMonths: GetInputPropsReturnType;
  chosen: string | null;
  maxWatchMonths: number;
  relay: ReactNode;
}) {
  return (
    <>
      <Select
        label="Motif de fin"
        required
        data={optionsOf(MEASURE_END_REASON_LABELS)}
        {...props.endReason}
      />
      <Select
        label="Suite pour le ménage"
        required
        data={optionsOf(MEASURE_ORIENTATION_LABELS)}
        {...props.orientation}
      />
      {props.chosen === 'watch' && (
        <NumberInput
          label="Durée de la veille (mois)"
          required
          min={1}
          max={props.maxWatchMonths}
          allowDecimal={false}
          {...props.watchMonths}
        />
      )}
      {props.chosen === 'relay' && props.relay}
    </>
  );
}
