#!/usr/bin/env bash
# A private OpenSSH SFTP server for tests and local runs: its own host key, config and client key in DIR,
# key-only login of the current user, SFTP only (no shell, no forwarding), starting in DIR/root, on 127.0.0.1:PORT.
# Runs in the foreground until killed. Debian's openssh-server provides /usr/sbin/sshd (.ci/run installs it).
#   bash tools/sftp/test-sshd.sh DIR PORT
# Then: RECURRING_SFTP_HOST=127.0.0.1 RECURRING_SFTP_PORT=PORT RECURRING_SFTP_USERNAME=$(id -un)
#       RECURRING_SFTP_PRIVATE_KEY="$(cat DIR/client_key)" RECURRING_SFTP_ROOT=DIR/root
#       RECURRING_SFTP_HOST_KEY_SHA256=$(ssh-keygen -lf DIR/host_key.pub | cut -d' ' -f2)
set -euo pipefail
dir=$(realpath -m "${1:?usage: test-sshd.sh DIR PORT}")
port=${2:?usage: test-sshd.sh DIR PORT}
sshd=${SSHD:-/usr/sbin/sshd}
[ -x "$sshd" ] || { echo "test-sshd: $sshd not found: apt-get install openssh-server" >&2; exit 1; }
mkdir -p "$dir/root"
[ -f "$dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -C test-sshd-host -f "$dir/host_key"
[ -f "$dir/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C test-sshd-client -f "$dir/client_key"
cp "$dir/client_key.pub" "$dir/authorized_keys"
chmod 600 "$dir/host_key" "$dir/client_key" "$dir/authorized_keys"
# sshd insists on its privilege-separation directory when started by root
if [ "$(id -u)" = 0 ]; then mkdir -p /run/sshd && chmod 755 /run/sshd; fi
cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $(id -un)
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowTcpForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTTY no
Subsystem sftp internal-sftp
ForceCommand internal-sftp -d $dir/root
LogLevel ERROR
CONFIG
exec "$sshd" -D -e -f "$dir/sshd_config"
