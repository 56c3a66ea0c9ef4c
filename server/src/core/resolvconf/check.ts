// The resolv.conf linter: what the chosen libc would do differently from what the file seems to say.
// Every finding has a stable `resolvconf/...` code; severities follow the consequence (error: the
// libc drops a server, stops sending queries, crashes or hangs; warning: a line or value is ignored
// or changed; information/hint: harmless or version-dependent).
import type { CoreDiagnostic } from '../types.js';
import { createContext } from './check-context.js';
import { checkKeywords } from './check-keywords.js';
import { checkLineLength } from './check-lines.js';
import { checkNameservers } from './check-nameservers.js';
import { checkOptions } from './check-options.js';
import { checkSearch } from './check-search.js';
import { checkSortlist } from './check-sortlist.js';
import type { Resolver, ResolvConfFile } from './model.js';

function byPosition(a: CoreDiagnostic, b: CoreDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function checkResolvConf(file: ResolvConfFile, resolver: Resolver): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [...file.parseErrors];
  const ctx = createContext(file, resolver, out);
  checkKeywords(ctx);
  checkLineLength(ctx);
  checkNameservers(ctx);
  checkSearch(ctx);
  checkOptions(ctx);
  checkSortlist(ctx);
  // A stable sort keeps the order of findings on the same spot.
  return out.sort(byPosition);
}
