# Sourced by .ci/run: a throwaway PostgreSQL 15 cluster with pgvector for the store, queue and worker tests.
# Installs what is missing (Debian's postgresql-15; pgvector built from Debian's source package, which bookworm
# lacks, so it comes from trixie's deb-src through a private apt list on the mirror the machine's own apt sources
# name: .ci/apt-mirror.sh), starts a cluster as the postgres user on its own port and socket dir under mktemp -d,
# exports DATABASE_URL and stops the cluster on exit.
# Usage: source .ci/postgres.sh   (or: bash .ci/postgres.sh --shell  for a shell with DATABASE_URL set)

# shellcheck source=.ci/apt-mirror.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-mirror.sh"

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin

pg_install() {
  local missing=()
  [ -x "$PG_BIN/postgres" ] || missing+=("postgresql-$PG_VERSION")
  [ -x "$PG_BIN/pg_config" ] && [ -d "/usr/include/postgresql/$PG_VERSION/server" ] || missing+=("postgresql-server-dev-$PG_VERSION")
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v gcc >/dev/null 2>&1 || missing+=(gcc)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "postgres: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ ! -f "/usr/share/postgresql/$PG_VERSION/extension/vector.control" ]; then
    echo "postgres: building pgvector from Debian's source package"
    local d; d=$(mktemp -d)
    mkdir -p "$d/lists/partial" "$d/parts" "$d/src"
    local mirror
    mirror=$(apt_mirror) || { echo "postgres: no Debian archive found in this machine's apt sources" >&2; return 1; }
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$d/sources.list"
    local apt_private=(-o "Dir::Etc::SourceList=$d/sources.list" -o "Dir::Etc::SourceParts=$d/parts" -o "Dir::State::Lists=$d/lists" -o APT::Sandbox::User=root)
    apt-get "${apt_private[@]}" update -qq
    (cd "$d/src" && apt-get "${apt_private[@]}" source --download-only -qq pgvector >/dev/null)
    tar -xzf "$d"/src/pgvector_*.orig.tar.gz -C "$d/src"
    # OPTFLAGS="": no -march=native, so the build runs on any x86-64 machine.
    make -s -C "$d"/src/pgvector-*/ PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS="" >/dev/null 2>&1
    make -s -C "$d"/src/pgvector-*/ PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
    rm -rf "$d"
  fi
}

pg_start() {
  PG_DIR=$(mktemp -d /tmp/unspun-pg.XXXXXX)
  chown postgres:postgres "$PG_DIR"
  PG_PORT=${PG_PORT:-$((20000 + RANDOM % 20000))}
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust --locale=C.UTF-8 -U postgres >/dev/null
  cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 200
shared_buffers = 256MB
CONF
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 start >/dev/null
  runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE unspun" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/unspun"
  echo "postgres: cluster up at $DATABASE_URL (data in $PG_DIR)"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

pg_install
pg_start
trap pg_stop EXIT

if [ "${1:-}" = "--shell" ]; then
  "${SHELL:-bash}"
fi
