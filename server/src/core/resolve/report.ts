// The resolution result for people and for programs. The text is a trace to read top to bottom: what the
// stub resolver does with the name, each name it sends with the server block and every plugin's
// decision (with the Corefile line responsible), then the final answer the way dig prints it. The JSON
// is the public contract of DESIGN.md, printed as it is.
import type { QueryResultJson, ResolutionResult, StepJson, TryJson } from './simulate/result.js';

export interface TextOptions {
  /** How a file path is shown (the CLI makes it relative to the working directory). */
  displayPath?: (path: string) => string;
}

export function renderJson(result: ResolutionResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function renderText(result: ResolutionResult, options: TextOptions = {}): string {
  const show = options.displayPath ?? ((p: string): string => p);
  const corefileName = result.corefile.path ? show(result.corefile.path) : 'Corefile';
  const lines: string[] = [];
  lines.push(`Corefile: ${result.corefile.path ? corefileName : '(built-in default, kubeadm)'}`);
  lines.push(`resolv.conf: ${result.resolvConf.path ? show(result.resolvConf.path) : result.resolvConf.generated ? "(a pod's in namespace default)" : '(given)'}`);
  lines.push(`Client: ${result.client.ip}${result.client.pod ? ` (pod ${result.client.pod})` : ''}; queries go to port ${result.listener.port}/${result.listener.transport}`);
  for (const error of result.corefile.errors) {
    lines.push(`error: ${corefileName}:${lineOf(result, error.range.start.line)}: ${error.code}: ${error.message} CoreDNS would not start with this Corefile; the trace shows what its blocks would do.`);
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  const where = (step: StepJson): string => {
    if (!step.range) return '';
    const file = step.uri ? show(uriPath(step.uri)) : corefileName;
    const line = step.uri ? step.range.start.line + 1 : lineOf(result, step.range.start.line);
    return `  (${file}:${line})`;
  };
  for (const query of result.results) {
    lines.push('');
    lines.push(...queryText(query, where));
  }
  return `${lines.join('\n')}\n`;
}

function queryText(query: QueryResultJson, where: (step: StepJson) => string): string[] {
  const lines: string[] = [];
  lines.push(`;; ${query.query.name} ${query.query.type}  (${query.query.resolver} ${query.stub.api})`);
  lines.push(`   search: ${query.stub.search.length > 0 ? query.stub.search.join(' ') : '(none)'}   ndots: ${query.stub.ndots}   nameserver: ${query.stub.nameservers.join(' ') || '(none)'}`);
  const explanation = query.result.explanation;
  for (const sentence of explanation.slice(0, -1)) lines.push(`   ${sentence}`);
  if (query.tries.length === 0) lines.push('   No query is sent.');
  query.tries.forEach((t, i) => lines.push(...tryText(t, i + 1, where)));
  lines.push('');
  if (query.result.answer.length > 0) {
    lines.push(';; ANSWER SECTION:');
    lines.push(...query.result.answer);
  }
  const by = query.result.answeredBy ? `, answered by ${query.result.answeredBy}` : '';
  const rcode = query.result.rcode ? ` (${query.result.rcode}${by})` : '';
  const end = explanation.at(-1);
  lines.push(`=> ${query.result.stub}${rcode}${end ? `: ${end}` : ''}`);
  return lines;
}

function tryText(t: TryJson, n: number, where: (step: StepJson) => string): string[] {
  const lines: string[] = [];
  const block = t.serverBlock ? `  [block ${t.serverBlock}]` : '';
  const by = t.answeredBy ? ` from ${t.answeredBy}` : '';
  lines.push(`  ${n}. ${t.name} ${t.type} -> ${t.rcode}${by}${block}${t.retriedOverTcp ? '  (retried over TCP)' : ''}`);
  const width = Math.max(0, ...t.steps.map((s) => s.plugin.length));
  for (const step of t.steps) lines.push(`       ${step.plugin.padEnd(width)}  ${step.action}: ${step.detail}${where(step)}`);
  for (const [title, records] of [['answer', t.answer], ['authority', t.authority], ['additional', t.additional]] as const) {
    for (const record of records) lines.push(`       ${title.padEnd(10)} ${record}`);
  }
  lines.push(`       -> ${t.why}`);
  return lines;
}

/** The line to show for a Corefile line: 1-based, and in YAML terms for a Corefile inside a ConfigMap. */
function lineOf(result: ResolutionResult, line: number): number {
  return (result.corefile.embedded?.line ?? 0) + line + 1;
}

function uriPath(uri: string): string {
  return uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri;
}
