/** What the supporter typed about themselves. */
export interface SupporterFields {
  name: string;
  email: string;
  postalCode: string;
  consent: boolean;
}

export const emptySupporter = (): SupporterFields => ({name: '', email: '', postalCode: '', consent: false});

/** Why a field is not ready to send; the view turns each into a message in the reader's language. */
export type FieldProblem = 'required' | 'invalid' | 'too-long' | 'too-few' | 'too-many';
export type FormProblems = Partial<Record<'picks' | 'name' | 'email' | 'postalCode', FieldProblem>>;

/** How many recommendations a supporter must pick: at least one, unless the organizer says more. */
export interface PickBounds {
  min: number;
  max: number;
}
