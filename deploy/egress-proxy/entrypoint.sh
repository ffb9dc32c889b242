#!/bin/sh
# Writes the allow-list given by the task (ALLOWED_HOSTS, space-separated; a leading dot allows subdomains) where
# squid.conf reads it, then runs Squid in the foreground.
set -eu
: "${ALLOWED_HOSTS:?ALLOWED_HOSTS must list the host names tasks may reach}"
printf '%s\n' $ALLOWED_HOSTS > /tmp/allowed-hosts.txt
exec squid -N -f /etc/squid/squid.conf
