#!/usr/bin/env bash
# setup.sh installs the system packages Vanthu needs on Debian 12.
# It is idempotent: packages already present are not touched, and apt is
# only consulted when something is missing.
set -euo pipefail

packages=(
  build-essential pkg-config
  tesseract-ocr tesseract-ocr-vie libtesseract-dev libleptonica-dev
  poppler-utils   # pdftotext (born-digital word boxes), pdfsig (digital signatures)
  qpdf            # what a revision after a signature changes
  openssl         # the certificates a signature carries, for the chain check
  hunspell-vi  # test-time oracle only (GPL): never read at run time, never shipped
)

# make test drives the web UI in Chromium; make bench compares against
# OCRmyPDF.
case "${1:-}" in
  --test) packages+=(chromium libnss3-tools fonts-dejavu-core fonts-liberation2) ;;  # libnss3-tools: the signature tests sign PDFs with pdfsig from an NSS database; DejaVu and Liberation Serif (Times New Roman's widths): pages drawn for the evaluation of other kinds of documents
  --bench) packages+=(ocrmypdf) ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  echo "setup: Go 1.26 or newer is needed (https://go.dev/doc/install), at /usr/local/go or on PATH" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
