#!/usr/bin/env bash
# Starts or stops the throw-away PostgreSQL server the tests use: Debian's postgresql package,
# listening on 127.0.0.1:PORT only, data and socket in DIR, SCRAM authentication, superuser
# hexhub_admin. initdb and postgres refuse to run as root, so as root they run as the postgres user.
#   pgserver.sh start DIR PORT    pgserver.sh stop DIR
set -euo pipefail
command=${1:?start or stop}
dir=${2:?folder}
port=${3:-55432}
fsync=${HEXHUB_PG_FSYNC:-off}
case "$fsync" in on|off) ;; *) echo "pgserver: HEXHUB_PG_FSYNC is on or off" >&2; exit 2 ;; esac
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
    echo "pgserver: PostgreSQL is not installed (run packaging/install-deps.sh)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$command" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "hexhub-test-only" > "$dir/password"
    chmod 700 "$dir"
    chmod 600 "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U hexhub_admin --auth=scram-sha-256 \
        --pwfile="$dir/password" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off by default: a test server whose data is thrown away; the store's own durability test
    # runs on SQLite. HEXHUB_PG_FSYNC=on gives the production setting (the desks benchmark uses it).
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=200" start \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "pgserver: running on 127.0.0.1:$port (data in $dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    echo "pgserver: stopped"
    ;;
restart)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 restart \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c max_connections=200" >/dev/null
    ;;
*)
    echo "usage: pgserver.sh start|stop|restart DIR [PORT]" >&2
    exit 2
    ;;
esac
