// glibc's effective configuration: the file read line by line (glibc-line.ts), then the environment.
// This models the current glibc (2.41 and later: `-flag` clears a flag); the checker points out where
// older releases differ.
import type { Range } from '../types.js';
import { defaultConfig, MAXNS, MAXRESOLVSORT, type EffectiveResolvConf, type ResolverEnv } from './config.js';
import { glibcOptions, interpretGlibcLine, type GlibcLine, type GlibcOptionEffect } from './glibc-line.js';
import type { ResolvConfFile, ResolvConfLine } from './model.js';
import { spanRange } from './span.js';

/** glibc's reading of every line of the file, index for index with `file.lines`. */
export function interpretGlibc(file: ResolvConfFile): GlibcLine[] {
  return file.lines.map((line) => interpretGlibcLine(line.raw));
}

/**
 * LOCALDOMAIN as glibc splits it: the first entry starts at the first character even when that is a
 * blank (giving an empty entry, which glibc treats as the root), the others after runs of blanks; a
 * newline ends the value.
 */
export function splitLocalDomain(value: string): string[] {
  const entries: string[] = [];
  let start = 0;
  let inName = true;
  let i = 0;
  for (; i < value.length && value[i] !== '\n'; i++) {
    const blank = value[i] === ' ' || value[i] === '\t';
    if (blank && inName) {
      entries.push(value.slice(start, i));
      inName = false;
    } else if (!blank && !inName) {
      start = i;
      inName = true;
    }
  }
  if (inName) entries.push(value.slice(start, i));
  return entries;
}

function applyOptions(config: EffectiveResolvConf, effects: GlibcOptionEffect[], line?: ResolvConfLine): void {
  for (const effect of effects) {
    if (effect.kind === 'number') {
      config[effect.option] = effect.value;
      if (line) config.origin[effect.option] = spanRange(line, effect.span);
      else delete config.origin[effect.option];
    } else if (effect.kind === 'flag') {
      config[effect.info.flag] = !effect.negated;
    }
  }
}

function directiveRange(line: ResolvConfLine): Range {
  return line.directive ? line.directive.range : line.range;
}

export function glibcEffective(file: ResolvConfFile, env: ResolverEnv = {}): EffectiveResolvConf {
  const config = defaultConfig('glibc');
  const fromEnv = env.LOCALDOMAIN !== undefined;
  if (env.LOCALDOMAIN !== undefined) {
    config.search = splitLocalDomain(env.LOCALDOMAIN);
    config.searchSource = 'LOCALDOMAIN';
  }
  const servers: Array<{ address: string; range: Range }> = [];
  const interpreted = interpretGlibc(file);
  interpreted.forEach((effect, index) => {
    const line = file.lines[index]!;
    switch (effect.kind) {
      case 'domain':
        if (fromEnv || !effect.value) return;
        config.search = [effect.value.text];
        config.searchSource = 'domain';
        config.origin.search = directiveRange(line);
        return;
      case 'search':
        if (fromEnv || effect.values.length === 0) return;
        config.search = effect.values.map((v) => v.text);
        config.searchSource = 'search';
        config.origin.search = directiveRange(line);
        return;
      case 'nameserver':
        if (effect.address && effect.word) servers.push({ address: effect.address.address, range: spanRange(line, effect.word) });
        return;
      case 'sortlist':
        for (const entry of effect.entries) {
          if (entry.address && entry.mask) config.sortlist.push({ address: entry.address.address, mask: entry.mask });
        }
        return;
      case 'options':
        applyOptions(config, effect.effects, line);
        return;
      case 'none':
        return;
    }
  });
  if (servers.length === 0) {
    config.nameservers = ['127.0.0.1'];
    config.defaultNameserver = true;
  } else {
    const used = servers.slice(0, MAXNS);
    config.nameservers = used.map((s) => s.address);
    config.origin.nameservers = used.map((s) => s.range);
  }
  if (config.search.length === 0 && env.hostname !== undefined) {
    const dot = env.hostname.indexOf('.');
    if (dot >= 0) {
      config.search = [env.hostname.slice(dot + 1)];
      config.searchSource = 'hostname';
    }
  }
  if (env.RES_OPTIONS !== undefined) applyOptions(config, glibcOptions(env.RES_OPTIONS));
  config.sortlist = config.sortlist.slice(0, MAXRESOLVSORT);
  return config;
}
