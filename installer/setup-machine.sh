#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, test and run DAN_G:
# Maven, OpenBLAS (Smile's ridge regression dlopens libopenblas.so, which only the -dev package
# provides), libgomp (XGBoost's OpenMP), GTK 3 (JavaFX windows) and fonts. The JDK 25 itself is
# found by ./dang, not installed here. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(maven libopenblas-dev libgomp1 libgtk-3-0 fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: system packages present (${packages[*]})"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: please install the equivalents of: ${missing[*]} (this script knows apt only)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
