#!/bin/sh
# Container entrypoint for xmlshred. It runs the CLI as PID 1 (exec), so SIGTERM from Docker or Kubernetes
# reaches it directly: the run stops claiming, commits what it read, releases its chunks and exits 130.
# It refuses a password in the arguments: every process on the node can read a container's command line;
# pass the connection string in XMLSHRED_DB (from a Kubernetes Secret) instead.
set -eu

app="${XMLSHRED_APP:-/app}"
dll="$app/XmlShred.Cli.dll"
if [ ! -f "$dll" ]; then
  echo "xmlshred-entrypoint: $dll not found (set XMLSHRED_APP to the folder holding the published CLI)" >&2
  exit 1
fi

previous=""
for argument in "$@"; do
  case "$previous" in
    --db|-d)
      case "$(printf '%s' "$argument" | tr '[:upper:]' '[:lower:]')" in
        *password=*|*pwd=*|*://*:*@*)
          echo "xmlshred-entrypoint: --db carries a password on the command line; set XMLSHRED_DB from a Secret instead" >&2
          exit 2 ;;
      esac ;;
  esac
  case "$argument" in
    --db=*password=*|--db=*Password=*|--db=*PASSWORD=*|--db=*pwd=*|--db=*Pwd=*)
      echo "xmlshred-entrypoint: --db carries a password on the command line; set XMLSHRED_DB from a Secret instead" >&2
      exit 2 ;;
  esac
  previous="$argument"
done

# Commands that touch the database need one; say so plainly instead of a usage error deep in the CLI.
case "${1:-}" in
  run|init|status|load|failures)
    has_db=""
    for argument in "$@"; do
      case "$argument" in --db|-d|--db=*|--help|-h|-\?) has_db=1 ;; esac
    done
    if [ -z "$has_db" ] && [ -z "${XMLSHRED_DB:-}" ]; then
      echo "xmlshred-entrypoint: XMLSHRED_DB is not set (mount the connection string from a Secret as the XMLSHRED_DB environment variable)" >&2
      exit 2
    fi ;;
esac

exec dotnet "$dll" "$@"
