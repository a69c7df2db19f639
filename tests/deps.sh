#!/bin/sh
# deps.sh: install the Debian packages the build or the tests need.
# DEPS is a list of "what:package"; what is a command, an absolute path, or
# a pkg-config module written as name.pc.  Missing ones are installed with
# apt-get (through sudo when not root); where that cannot be done, stop and
# name the packages.
missing=""
for d in $DEPS; do
  what=${d%%:*}; pkg=${d##*:}
  case $what in
    *.pc) pkg-config --exists "${what%.pc}" 2>/dev/null || missing="$missing $pkg" ;;
    /*)   [ -e "$what" ] || missing="$missing $pkg" ;;
    *)    command -v "$what" >/dev/null 2>&1 || missing="$missing $pkg" ;;
  esac
done
[ -z "$missing" ] && exit 0
echo "paperext: installing missing Debian packages:$missing"
if [ "$(id -u)" = 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"
else
  echo "paperext: cannot install (not root, no sudo); please install:$missing" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "paperext: no apt-get on this machine; please install the equivalents of:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Another apt (or another make of this project) may hold the lock: wait for it.
LOCK="-o DPkg::Lock::Timeout=600"
# shellcheck disable=SC2086
$SUDO apt-get $LOCK update -qq >/dev/null 2>&1 || true
# shellcheck disable=SC2086
if ! $SUDO apt-get $LOCK install -y -qq $missing >/dev/null; then
  echo "paperext: apt-get could not install:$missing" >&2
  exit 1
fi
echo "paperext: installed$missing"
