// Row builders for two families of plugins whose tests all say the same thing about different directives:
// plugins that only watch the traffic (log, errors, metadata, dnstap, trace, prometheus...) and plugins
// whose answers come from a service outside any scenario (azure, clouddns, etcd, grpc, route53). In both,
// whoami behind the plugin answers, and the plugin leaves one step that says what it did.
import type { Row } from './table.js';

/** A `.` block with one directive and whoami after it. */
export function withWhoami(directive: string): string {
  return `. {\n    ${directive}\n    whoami\n}\n`;
}

export interface WatcherCase {
  directive: string;
  /** 'example.org A' when not given. */
  query?: string;
  /** The test's name; "<first line of the directive>: <query>" when not given. */
  name?: string;
  /** The plugin's one step; 'no-effect' when not given. */
  action?: string;
  /** What that step must say. */
  says?: RegExp;
  /** The plugin whose step it is, when the table covers several. */
  plugin?: string;
}

/** Rows for plugins that leave the answer alone: NOERROR from whoami, and one step of the plugin. */
export function watcherRows(cases: readonly WatcherCase[]): Row[] {
  return cases.map((c) => {
    const query = c.query ?? 'example.org A';
    return {
      name: c.name ?? `${c.directive.split('\n')[0]}: ${query}`,
      bench: withWhoami(c.directive),
      query,
      rcode: 'NOERROR',
      answeredBy: 'whoami',
      actions: [c.action ?? 'no-effect'],
      ...(c.says ? { says: [c.says] } : {}),
      ...(c.plugin ? { plugin: c.plugin } : {}),
    };
  });
}

/** [label, query, the plugin's one action]; `why` is what the not-simulated step must name. */
export function outsideRows(cases: ReadonlyArray<[string, string, 'not-simulated' | 'passed']>, why: RegExp): Row[] {
  return cases.map(([label, query, action]) => ({
    name: `${label}: ${query} → ${action}`,
    query,
    rcode: 'NOERROR',
    answeredBy: 'whoami',
    actions: [action],
    ...(action === 'not-simulated' ? { says: [why] } : {}),
  }));
}
