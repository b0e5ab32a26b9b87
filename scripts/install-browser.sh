#!/bin/sh
# Install Debian's chromium for the browser tests (tests/web/), unless it is already there.
# Playwright's own browser download does not work in our CI; the tests drive /usr/bin/chromium.
# Runs as root in CI; on a workstation run it with sudo.
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "install-browser: /usr/bin/chromium is already installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
