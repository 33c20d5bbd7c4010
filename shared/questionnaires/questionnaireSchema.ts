import { z } from 'zod';

/**
 * Questionnaires are data: JSON definitions with an id and a version, typed questions,
 * conditions under which a question is shown, and labels in the app's four languages.
 */
export const localizedTextSchema = z.object({
  en: z.string().min(1),
  sq: z.string().min(1),
  'sr-Latn': z.string().min(1),
  'sr-Cyrl': z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const questionTypes = ['yesNo', 'singleChoice', 'multipleChoice', 'number', 'date', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Show a question only when another question's answer meets this condition. */
export const conditionSchema = z.object({
  question: z.string().min(1),
  /** yesNo: true/false; singleChoice: a value; multipleChoice: the list includes it. */
  equals: z.union([z.boolean(), z.string(), z.number()]).optional(),
  anyOf: z.array(z.string()).optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const questionSchema = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  type: z.enum(questionTypes),
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  showIf: conditionSchema.optional(),
  choices: z.array(z.object({ value: z.string().min(1), label: localizedTextSchema })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Question = z.output<typeof questionSchema>;

export const questionnaireSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: localizedTextSchema,
    sections: z.array(
      z.object({
        id: z.string().min(1),
        title: localizedTextSchema,
        questions: z.array(questionSchema).min(1),
      }),
    ),
  })
  .superRefine((q, ctx) => {
    const ids = new Set<string>();
    for (const question of q.sections.flatMap((s) => s.questions)) {
      if (ids.has(question.id))
        ctx.addIssue({ code: 'custom', message: `duplicate question id ${question.id}` });
      if (question.showIf && !ids.has(question.showIf.question)) {
        // Conditions may only look back, so showing a page never depends on a later answer.
        ctx.addIssue({ code: 'custom', message: `${question.id} depends on a later or unknown question` });
      }
      const hasChoices = question.type === 'singleChoice' || question.type === 'multipleChoice';
      if (hasChoices !== Boolean(question.choices?.length)) {
        ctx.addIssue({
          code: 'custom',
          message: `${question.id}: choices only and always for choice questions`,
        });
      }
      ids.add(question.id);
    }
  });
export type Questionnaire = z.output<typeof questionnaireSchema>;

export const answerValueSchema = z.union([
  z.boolean(),
  z.string(),
  z.number(),
  z.array(z.string()),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Record<string, AnswerValue>;
