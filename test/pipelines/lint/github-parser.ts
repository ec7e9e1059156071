import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';

/**
 * What GitHub's own workflow parser (`@actions/workflow-parser`, from actions/languageservices:
 * the parser behind GitHub's Actions editor support) says about a workflow: schema errors
 * (unknown or missing keys, a bad `on:` trigger or input type), expression errors (unclosed
 * `${{`, a context not available where it is used) and, from the conversion to a workflow
 * model, what only that step checks (cron syntax, job and matrix structure). Each message names
 * the file, line and column. Offline: reusable workflows and actions are not fetched.
 */
export async function githubParserErrors(file: string, text: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const messages = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    messages.push(...(template.errors ?? []).map((error) => error.Message));
  }
  return [...new Set(messages)];
}
