// The help texts of `corefile resolve` and `corefile test`.

export const RESOLVE_HELP = `Usage: corefile resolve [options] [NAME [TYPE]]...

Shows, without a cluster, what happens to a name looked up in a pod: the names the stub resolver sends,
the server block and every plugin that handles each of them, and the answer the application gets.

Without --scenario, a built-in default is used: the pod resolv.conf of namespace 'default', a small
demo cluster (storefront, pg, payments, kube-dns...) and an upstream that answers a few public names;
without --corefile, kubeadm's default Corefile. Flags replace parts of the scenario.

Options:
  --scenario FILE             A *.dnstest.yaml scenario
  --corefile FILE             A Corefile, or Kubernetes YAML holding the coredns ConfigMap
  --resolv-conf FILE          The client's resolv.conf (default: a pod's in namespace default)
  --cluster FILE              Kubernetes objects, as 'kubectl get ns,svc,endpointslices,pods -A -o yaml' prints
  --resolver glibc|musl       The client's C library (default: the scenario's, else glibc)
  --format text|json          Output format (default: text)
  -h, --help                  Show this help

NAME [TYPE]: the names to look up, each optionally followed by its record type (default A). Without
names, the scenario's queries run. A name ending with a dot is absolute.

Exit status: 0 the lookups ran (whatever they found), 2 bad usage or an unreadable file.
`;

export const TEST_HELP = `Usage: corefile test SCENARIO...

Runs the queries of *.dnstest.yaml scenarios and checks what each query's 'expect' says: tries (the
names the stub sends, in order), rcode and answeredBy of the last try, answer (in order) or answerSet
(any order). A directory is searched for *.dnstest.yaml files. A mismatch prints what differed.

Options:
  -h, --help     Show this help

Exit status: 0 every expectation holds, 1 at least one mismatch, 2 bad usage or an unreadable scenario.
`;
