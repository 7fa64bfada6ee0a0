#!/bin/sh
# Publishes builds into the folder an nginx serves with deploy/nginx.conf, all at once:
#
#   nginx-publish.sh stage <build folder> <name>   copy it to $DEPLOY_ROOT/releases/<name>,
#                                                 where nothing serves it yet
#   nginx-publish.sh switch <name>                point $DEPLOY_ROOT/current (nginx's root)
#                                                 at it, in one rename: no request ever sees
#                                                 half of one build and half of another
#
# DEPLOY_ROOT defaults to /srv/openedx-security. With DEPLOY_SSH (user@host) the commands run
# on that host and the copy goes by rsync; without it, here (the reveal drill). The deploy
# workflow stages a reveal's build before its instant and switches at the instant.
set -eu

root="${DEPLOY_ROOT:-/srv/openedx-security}"
remote="${DEPLOY_SSH:-}"
on_host() {
  if [ -n "$remote" ]; then ssh -o BatchMode=yes "$remote" "$1"; else sh -c "$1"; fi
}

# Names and folders become shell words on the host, inside single quotes: plain characters only.
plain() {
  case "$1" in '' | *[!A-Za-z0-9._/-]*) echo "$0: not a plain folder: '$1'" >&2; exit 2 ;; esac
}
release() {
  case "$1" in '' | .* | *[!A-Za-z0-9._-]*) echo "$0: not a release name: '$1'" >&2; exit 2 ;; esac
}
plain "$root"
case "${1:-}" in
  stage) plain "${2:-}"; release "${3:-}" ;;
  switch) release "${2:-}" ;;
esac

case "${1:-}" in
  stage)
    [ $# -eq 3 ] || { echo "usage: $0 stage <build folder> <name>" >&2; exit 2; }
    on_host "mkdir -p '$root/releases' && rm -rf '$root/releases/$3.part'"
    if [ -n "$remote" ]; then
      rsync -a --delete "$2/" "$remote:$root/releases/$3.part/"
    else
      cp -R "$2" "$root/releases/$3.part"
    fi
    # Readable by nginx's workers whatever the umask here or there.
    on_host "chmod -R u=rwX,go=rX '$root/releases/$3.part' && rm -rf '$root/releases/$3' && mv '$root/releases/$3.part' '$root/releases/$3'"
    ;;
  switch)
    [ $# -eq 2 ] || { echo "usage: $0 switch <name>" >&2; exit 2; }
    # rename(2) replaces the link atomically; mv -T renames onto it rather than into it.
    on_host "test -d '$root/releases/$2' && ln -sfn 'releases/$2' '$root/current.next' && mv -T '$root/current.next' '$root/current'"
    # Keep the three newest releases besides the live one, for a quick switch back.
    on_host "cd '$root/releases' && ls -1t | grep -vx '$2' | tail -n +4 | while read -r old; do rm -rf \"\$old\"; done"
    ;;
  *)
    echo "usage: $0 stage <build folder> <name> | switch <name>" >&2
    exit 2
    ;;
esac
