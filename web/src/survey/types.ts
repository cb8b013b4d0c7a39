// The wire's shapes of the owners' survey page, from the generated OpenAPI types (types only:
// nothing of src/shared goes into this page's script).
import type { components } from '../shared/api/schema';

export type PublicSurvey = components['schemas']['PublicSurvey'];
export type Question = components['schemas']['SurveyQuestion'];
export type QuestionKind = Question['kind'];
export type ShowIf = NonNullable<Question['show_if']>;

/** One answer: a score (rating, nps), an option (single), options (multi), text, or row key → score (matrix). */
export type Answer = number | string | string[] | Record<string, number>;
/** Question key → answer. */
export type Answers = Record<string, Answer>;
