import returneeMonitoringV1 from './definitions/returnee-monitoring.v1.json';
import returneeMonitoringV2 from './definitions/returnee-monitoring.v2.json';
import shelterResidentMonitoringV1 from './definitions/shelter-resident-monitoring.v1.json';
import { questionnaireSchema, type Questionnaire } from './questionnaireSchema';

/**
 * The questionnaire versions this build can run and display. A version, once shipped, is never
 * edited or removed: a visit stores its questionnaire's id and version and is always shown
 * with that version's questions, whatever the latest version asks.
 */
export interface QuestionnaireRegistry {
  /** Every installed version of every questionnaire. */
  all(): readonly Questionnaire[];
  /** Exactly this version, or undefined when this build does not have it. */
  questionnaireVersion(id: string, version: number): Questionnaire | undefined;
  latestQuestionnaire(id: string): Questionnaire | undefined;
  /** The latest version of each questionnaire: the ones a new visit may use. */
  availableQuestionnaires(): Questionnaire[];
}

export function createQuestionnaireRegistry(definitions: readonly unknown[]): QuestionnaireRegistry {
  const installed = definitions.map((d) => questionnaireSchema.parse(d));
  const seen = new Set<string>();
  for (const q of installed) {
    const key = `${q.id}@${q.version}`;
    if (seen.has(key)) throw new Error(`Questionnaire ${key} is installed twice`);
    seen.add(key);
  }
  const latest = (id: string) =>
    installed
      .filter((q) => q.id === id)
      .reduce<Questionnaire | undefined>((a, q) => (!a || q.version > a.version ? q : a), undefined);

  return {
    all: () => installed,
    questionnaireVersion: (id, version) => installed.find((q) => q.id === id && q.version === version),
    latestQuestionnaire: latest,
    availableQuestionnaires: () => [...new Set(installed.map((q) => q.id))].map((id) => latest(id)!),
  };
}

export const installedDefinitions: readonly unknown[] = [
  returneeMonitoringV1,
  returneeMonitoringV2,
  shelterResidentMonitoringV1,
];

/** The registry of this build. */
export const questionnaires = createQuestionnaireRegistry(installedDefinitions);

export const questionnaireVersion = questionnaires.questionnaireVersion;
export const latestQuestionnaire = questionnaires.latestQuestionnaire;
export const availableQuestionnaires = questionnaires.availableQuestionnaires;
