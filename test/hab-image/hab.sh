#!/bin/sh
# /hab/bin/hab in the images the hab stand-in (test/bin/hab) exports: a stand-in Supervisor.
# There is no Habitat here, only what a test can observe of a Supervisor from outside:
#   - it listens where the arguments say: --listen-gossip (default 9638), --listen-http (9631),
#     --listen-ctl (9632), and on the package's own ports (its EXPOSES file); a port another
#     process holds makes it exit 1 naming the port, as a second Supervisor on it would fail;
#   - a connection to its gossip or ctl port is answered with "hab-standin <ident>";
#   - its HTTP port (and the package's ports) serve its ident at /, and the HTTP port serves /services/<name>/<group>/health (the Supervisor API path its health
#     checks use) once every --peer has answered;
#   - each --peer host[:port] (default port 9638) must answer within 60 s, else it exits 1. Names
#     are resolved through /etc/hosts (links and --add-host write there), else by busybox's
#     nslookup at the name server of /etc/resolv.conf: the static busybox in the image crashes
#     resolving names through libc. Each lookup is bounded to 2 s.
# Every step is logged on stdout with the "hab-sup(MR):" prefix the real Supervisor uses.
set -u
say() { echo "hab-sup(MR): $*"; }

[ "${1:-}" = sup ] || { echo "hab (test stand-in image): only 'hab sup run' is emulated" >&2; exit 2; }
shift
case "${1:-}" in
  run) shift ;;
  -V | --version) echo "hab-sup (test stand-in)"; exit 0 ;;
  *) echo "hab sup run PKG [--peer HOST[:PORT]]... [--listen-gossip IP:PORT] [--listen-http IP:PORT] [--listen-ctl IP:PORT] [--group GROUP]"; exit 0 ;;
esac

ident="" peers="" gossip=9638 http=9631 ctl=9632 group=default
while [ $# -gt 0 ]; do
  case "$1" in
    --peer) peers="$peers ${2:-}"; shift 2 ;;
    --peer=*) peers="$peers ${1#--peer=}"; shift ;;
    --listen-gossip) gossip="${2##*:}"; shift 2 ;;
    --listen-gossip=*) gossip="${1##*:}"; shift ;;
    --listen-http) http="${2##*:}"; shift 2 ;;
    --listen-http=*) http="${1##*:}"; shift ;;
    --listen-ctl) ctl="${2##*:}"; shift 2 ;;
    --listen-ctl=*) ctl="${1##*:}"; shift ;;
    --group) group="${2:-default}"; shift 2 ;;
    --*=*) shift ;;
    # Other options: a following word that is not an option is their value.
    --*) if [ $# -gt 1 ] && [ "${2#-}" = "$2" ]; then shift 2; else shift; fi ;;
    *) [ -z "$ident" ] && ident="$1"; shift ;;
  esac
done
name=$(echo "$ident" | cut -d/ -f2)
# The package's full ident, however much of it was given (origin/name[/version[/release]]).
full=$(cat /hab/pkgs/"$ident"/IDENT /hab/pkgs/"$ident"/*/IDENT /hab/pkgs/"$ident"/*/*/IDENT 2>/dev/null | head -n 1)
[ -n "$full" ] || { say "package $ident is not in this image"; exit 1; }
exposes=$(cat /hab/pkgs/"$full"/EXPOSES 2>/dev/null)

state=/tmp/hab-standin
www="$state/www"
mkdir -p "$www/services/$name/$group"
echo "$full" >"$www/index.html"
printf '#!/bin/sh\necho "hab-standin %s"\n' "$full" >"$state/answer"
chmod +x "$state/answer"

pids=""
trap 'kill $pids 2>/dev/null; exit 0' TERM INT
listen() { # listen KIND PORT (KIND: gossip, http, ctl, or app: the package's own port)
  if [ "$1" = http ] || [ "$1" = app ]; then httpd -f -p "$2" -h "$www" 2>&1 & else nc -ll -p "$2" -e "$state/answer" 2>&1 & fi
  pid=$!
  sleep 0.3
  if ! kill -0 "$pid" 2>/dev/null; then
    say "cannot listen on port $2 ($1): it is in use"
    kill $pids 2>/dev/null
    exit 1
  fi
  pids="$pids $pid"
  say "$1 listening on 0.0.0.0:$2"
}
say "Starting $full (test stand-in)"
listen gossip "$gossip"
listen http "$http"
listen ctl "$ctl"
for port in $exposes; do listen app "$port"; done

# resolve NAME: an IPv4 address as is, else the first /etc/hosts line naming it, else the first
# address the resolv.conf name server answers (Docker's DNS on a user network, which gives the
# services layout's Cloud Map names locally): busybox's nslookup asks it itself, not through libc.
resolve() {
  case "$1" in
    *[!0-9.]*)
      found=$(awk -v h="$1" '$1 !~ /^#/ && $1 ~ /^[0-9.]+$/ { for (i = 2; i <= NF; i++) if ($i == h) { print $1; exit } }' /etc/hosts)
      server=$(awk '$1 == "nameserver" { print $2; exit }' /etc/resolv.conf 2>/dev/null)
      if [ -z "$found" ] && [ -n "$server" ]; then
        found=$(busybox timeout 2 busybox nslookup "$1" "$server" 2>/dev/null | awk '/^Name:/ { n = 1 } n && /^Address/ && $NF ~ /^[0-9.]+$/ { print $NF; exit }')
      fi
      echo "$found" ;;
    *) echo "$1" ;;
  esac
}
for peer in $peers; do
  host="${peer%:*}" port="${peer##*:}"
  [ "$host" = "$peer" ] && port=9638
  tries=0
  while :; do
    address=$(resolve "$host")
    answer=""
    [ -n "$address" ] && answer=$(nc -w 2 "$address" "$port" </dev/null 2>/dev/null)
    if [ -n "$answer" ]; then
      say "peer $peer ($address:$port) answered: $answer"
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      say "peer $peer: ${address:-not resolved (/etc/hosts, DNS)}${address:+:$port did not answer} after 60 s, giving up"
      kill $pids 2>/dev/null
      exit 1
    fi
    sleep 1
  done
done
echo "OK" >"$www/services/$name/$group/health"
say "$name.$group is up"
while :; do
  for pid in $pids; do kill -0 "$pid" 2>/dev/null || { say "a listener (pid $pid) died"; exit 1; }; done
  sleep 5 &
  wait $!
done
