#!/usr/bin/env bash
# Builds the optional native JPEG window decoder (src/main/c/mixnetjpeg.c) into OUT_DIR/linux-x86-64/,
# where JNA finds it on the class path. Maven runs this in process-classes. It needs a C compiler and
# Debian's libjpeg62-turbo-dev; without them it says so and builds nothing, and the decoder falls
# back to decoding whole images (TurboJPEG).
set -euo pipefail
out="$1/linux-x86-64"
src="$(dirname "${BASH_SOURCE[0]}")/../src/main/c/mixnetjpeg.c"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "mixnetjpeg: not built (only linux-x86_64 is supported)"; exit 0
fi
if ! command -v cc >/dev/null 2>&1 || ! echo '#include <stdio.h>
#include <jpeglib.h>' | cc -E -x c - >/dev/null 2>&1; then
  echo "mixnetjpeg: not built (needs a C compiler and libjpeg62-turbo-dev: apt-get install gcc libjpeg62-turbo-dev)"
  exit 0
fi
mkdir -p "$out"
if [ "$out/libmixnetjpeg.so" -nt "$src" ] && [ "$out/libmixnetjpeg.so" -nt "${BASH_SOURCE[0]}" ]; then exit 0; fi
if ! cc -O2 -fPIC -shared -Wall -Werror -o "$out/libmixnetjpeg.so" "$src" -ljpeg; then
  rm -f "$out/libmixnetjpeg.so"
  echo "mixnetjpeg: not built (the compiler failed, see above); whole images will be decoded"
  exit 0
fi
echo "mixnetjpeg: built $out/libmixnetjpeg.so"
