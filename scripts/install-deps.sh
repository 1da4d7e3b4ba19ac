#!/usr/bin/env bash
# Installs what FirstSpike needs from Debian: a JDK 17 and Maven (if missing), Fashion-MNIST
# (dataset-fashion-mnist), and the hardware tools Verilator, Yosys and nextpnr-ice40.
# Idempotent and quick when everything is already there; uses sudo when not run as root.
set -euo pipefail
want=(dataset-fashion-mnist verilator yosys nextpnr-ice40)
command -v java >/dev/null 2>&1 || want+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || want+=(maven)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >&2
$sudo apt-get install -y -q "${missing[@]}" >&2
