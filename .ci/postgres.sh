# Sourced by .ci/run: starts a throw-away PostgreSQL server for the web host's PostgreSQL tests and exports
# SERVICEDESK_POSTGRES (an Npgsql connection string over a Unix socket). Installs Debian's postgresql package when the
# machine has no server. Never fails the run: when no server can be started it says why, and the tests skip saying so.
# pg_stop (called from .ci/run's exit trap) stops the server and removes its files.

pg_dir=""
pg_bin=""

pg_stop() {
  if [ -n "$pg_dir" ] && [ -n "$pg_bin" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null 2>&1 || true
  fi
  if [ -n "$pg_dir" ]; then
    rm -rf "$pg_dir"
    pg_dir=""
  fi
}

# PostgreSQL refuses to run as root: as root, the server runs as the package's `postgres` user.
pg_as() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_find() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ] && [ -x "$found/initdb" ]; then
    pg_bin="$found"
  fi
}

pg_start() {
  pg_find
  if [ -z "$pg_bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    echo "PostgreSQL: no server on this machine, installing Debian's postgresql package"
    if ! DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q postgresql > /dev/null 2>&1; then
      timeout 300 apt-get update -q > /dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q postgresql > /dev/null 2>&1 || true
    fi
    pg_find
  fi
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL: no server could be installed; the PostgreSQL tests will be skipped"
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres > /dev/null 2>&1; then
    echo "PostgreSQL: running as root and there is no postgres user to run the server as; the PostgreSQL tests will be skipped"
    return 0
  fi

  pg_dir="$(mktemp -d /tmp/servicedesk-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$pg_dir"
  fi
  local user port=55432
  user="$(pg_as id -un)"
  if ! pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U "$user" -A trust --no-sync > "$pg_dir/initdb.log" 2>&1; then
    echo "PostgreSQL: initdb failed; the PostgreSQL tests will be skipped:"
    tail -n 5 "$pg_dir/initdb.log"
    pg_stop; pg_dir=""
    return 0
  fi
  # A Unix socket only (no TCP port to collide with), no durability needed for a throw-away database.
  if ! pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $pg_dir -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start > /dev/null 2>&1; then
    echo "PostgreSQL: the server did not start; the PostgreSQL tests will be skipped:"
    tail -n 5 "$pg_dir/server.log" 2> /dev/null || true
    pg_stop; pg_dir=""
    return 0
  fi
  export SERVICEDESK_POSTGRES="Host=$pg_dir;Port=$port;Username=$user;Database=postgres;Pooling=true"
  echo "PostgreSQL: $("$pg_bin/postgres" --version) on the Unix socket in $pg_dir"
}
