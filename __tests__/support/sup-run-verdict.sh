# Runs inside a container of the real Habitat 2.1.78 root filesystem (busybox sh), the way an
# exported image runs its Supervisor: `hab sup run <origin/name> <args>`. Prints one verdict line,
# then the Supervisor's output:
#   VERDICT loaded      the arguments were accepted: the Supervisor started and loaded the service
#   VERDICT config      the arguments were accepted and --generate-config printed the configuration
#   VERDICT exited <n>  it stopped before loading the service (a clap error exits at once with 2)
#   VERDICT panicked    it crashed before loading the service
#   VERDICT undecided   none of these within 15 s (the test fails on this: no guess)
#
# Usage: sh -c "$(cat sup-run-verdict.sh)" verdict [VAR=value ...] -- [Supervisor arguments ...]
set -e
mkdir -p /tmp
# An installed package with a run hook (and the busybox the Supervisor runs hooks with), made by
# hand so that loading it needs no Builder: `parity/app`, with two optional binds.
P=/hab/pkgs/parity/app/1.0.0/20260101000000
B=/hab/pkgs/core/busybox-static/1.0.0/20260101000000
mkdir -p "$P/hooks" "$B/bin" /hab/cache/keys/ctl
echo parity/app/1.0.0/20260101000000 >"$P/IDENT"
echo core/busybox-static/1.0.0/20260101000000 >"$B/IDENT"
echo x86_64-linux >"$P/TARGET"
echo x86_64-linux >"$B/TARGET"
echo root >"$P/SVC_USER"
echo root >"$P/SVC_GROUP"
printf 'database=port\ncache=port\n' >"$P/BINDS_OPTIONAL"
: >"$P/default.toml"
printf '#!/bin/sh\nexec sleep 600\n' >"$P/hooks/run"
echo "$B/bin" >"$B/PATH"
ln -s /bin/busybox "$B/bin/busybox"
ln -s busybox "$B/bin/sh"
ln -s busybox "$B/bin/sleep"
# Files some arguments name: Supervisor config files, and the control gateway's TLS material
# that a bare --ctl-server-certificate / --ctl-server-key / --ctl-client-ca-certificate reads.
printf 'http_disable = false\n' >/etc/sup.toml
: >/etc/empty.toml
HAB_LICENSE=accept-no-persist hab sup secret generate-tls --subject-alternative-name localhost >/dev/null 2>&1

# `hab sup run` needs the launcher; these name the binaries instead of installing packages.
export HAB_LICENSE=accept-no-persist HAB_SUP_BINARY=/bin/hab-sup HAB_LAUNCH_BINARY=/bin/hab-launch
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  export "$1"
  shift
done
[ "$1" = "--" ] && shift
set +e
hab sup run parity/app "$@" >/tmp/out 2>&1 &
pid=$!
i=0
verdict=undecided
while [ $i -lt 60 ]; do
  if grep -q 'service was successfully loaded' /tmp/out; then verdict=loaded; break; fi
  if grep -q 'panicked at' /tmp/out; then verdict=panicked; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"
    code=$?
    if [ "$code" = 0 ] && grep -q '^listen_gossip = ' /tmp/out; then verdict=config; else verdict="exited $code"; fi
    break
  fi
  sleep 0.25
  i=$((i + 1))
done
echo "VERDICT $verdict"
cat /tmp/out
# The container ends with this script, and the Supervisor with it.
