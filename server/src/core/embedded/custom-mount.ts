// Where CoreDNS finds the keys of the `coredns-custom` ConfigMap, and a FileHost that shows them there.
import { fileUri } from '../corefile/model.js';
import type { FileHost } from '../host.js';

/**
 * AKS and k3s mount the optional `coredns-custom` ConfigMap into the CoreDNS pod at this directory: their
 * coredns Deployments list a volume `custom-config-volume` (configMap `coredns-custom`, `optional: true`)
 * with `mountPath: /etc/coredns/custom`, and their stock Corefiles end the `.:53` block with
 * `import /etc/coredns/custom/*.override` and the file with `import /etc/coredns/custom/*.server`.
 * Every data key becomes a file of that name in the directory.
 */
export const CUSTOM_MOUNT_DIR = '/etc/coredns/custom';

/** The path CoreDNS reads a custom key from. */
export function customKeyPath(key: string): string {
  return `${CUSTOM_MOUNT_DIR}/${key}`;
}

/** The uri the Corefile analysis gives the tokens of an imported custom key. */
export function customKeyUri(key: string): string {
  return fileUri(customKeyPath(key));
}

/** Whether an import target (as written, after environment substitution) lies in the mount directory. */
export function isUnderCustomMount(target: string): boolean {
  return target.startsWith(`${CUSTOM_MOUNT_DIR}/`);
}

/**
 * A host where the mount directory holds exactly the given keys (as the pod sees it: the ConfigMap's keys
 * replace whatever the base host has there) and every other path is the base host's. `onRead` hears of
 * each key the analysis reads, which tells which keys the Corefile really imports.
 */
export function customMountHost(base: FileHost, keys: ReadonlyMap<string, string>, onRead: (key: string) => void): FileHost {
  const parents = new Set<string>(['/']);
  for (let dir = CUSTOM_MOUNT_DIR; dir !== ''; dir = dir.slice(0, dir.lastIndexOf('/'))) parents.add(dir);
  const keyOf = (path: string): string | undefined => (path.startsWith(`${CUSTOM_MOUNT_DIR}/`) ? path.slice(CUSTOM_MOUNT_DIR.length + 1) : undefined);
  return {
    readFile: (path) => {
      const key = keyOf(path);
      if (key === undefined) return base.readFile(path);
      const text = keys.get(key);
      if (text !== undefined) onRead(key);
      return text;
    },
    stat: (path) => {
      if (parents.has(path)) return 'directory';
      const key = keyOf(path);
      if (key === undefined) return base.stat(path);
      return keys.has(key) ? 'file' : undefined;
    },
    readDir: (path) => {
      if (path === CUSTOM_MOUNT_DIR) return [...keys.keys()].sort();
      const entries = base.readDir(path);
      if (!parents.has(path)) return entries;
      // The directories leading to the mount exist in the pod whatever the base host holds.
      const child = CUSTOM_MOUNT_DIR.slice(path === '/' ? 1 : path.length + 1).split('/')[0]!;
      return [...new Set([...(entries ?? []), child])].sort();
    },
  };
}
