# shellcheck shell=bash
# Sourced by ./mixnet and the benchmarks. mixnet_malloc_preload prints the library that
# ./mixnet preloads as PyTorch's native allocator: Debian's libtcmalloc-minimal4 where installed,
# nothing with MIXNET_MALLOC=glibc or without it. Any other MIXNET_MALLOC fails (status 2), naming it.
mixnet_malloc_preload() {
  case "${MIXNET_MALLOC:-tcmalloc}" in
    glibc) return 0 ;;
    tcmalloc) ;;
    *) echo "mixnet: MIXNET_MALLOC=$MIXNET_MALLOC is not allowed: use tcmalloc (the default) or glibc" >&2
       return 2 ;;
  esac
  local lib
  for lib in /usr/lib/*/libtcmalloc_minimal.so.4; do
    if [ -f "$lib" ]; then echo "$lib"; return 0; fi
  done
}
