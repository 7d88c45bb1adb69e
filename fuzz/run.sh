#!/usr/bin/env bash
# Fuzz every target for <seconds> each (default 60), one after another.
#   fuzz/run.sh 300            # five minutes per target
#   fuzz/run.sh 60 route_parse # only the named targets
# Seeds are read from corpus/<target> (committed, small); what the fuzzer learns goes to
# corpus-work/<target> (ignored). A crash is saved under artifacts/<target>/ and fails the run.
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a nightly toolchain; without
# one, set KLASTER_FUZZ_TOOLCHAIN=stable to use stable with RUSTC_BOOTSTRAP=1.
# No sanitizer by default: klaster-core has no unsafe code, panics, overflow checks, stack
# overflows, timeouts and memory limits are caught without one, and AddressSanitizer makes
# validate_package six times slower. KLASTER_FUZZ_SANITIZER=address turns it back on.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)

toolchain="${KLASTER_FUZZ_TOOLCHAIN:-nightly}"
if [ "$toolchain" = nightly ] && ! rustup run nightly rustc --version >/dev/null 2>&1; then
  toolchain=stable
fi
if [ "$toolchain" = stable ]; then export RUSTC_BOOTSTRAP=1; fi
sanitizer="${KLASTER_FUZZ_SANITIZER:-none}"

status=0
for target in "${targets[@]}"; do
  mkdir -p "corpus-work/$target" "corpus/$target"
  log="corpus-work/$target.log"
  echo "== $target: ${seconds}s on $toolchain, sanitizer $sanitizer"
  if cargo "+$toolchain" fuzz run --sanitizer "$sanitizer" "$target" \
      "corpus-work/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -dict=json.dict -print_final_stats=1 \
      >"$log" 2>&1; then
    echo "   ok: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second\(s\)' "$log" | tail -1)"
  else
    status=1
    echo "   FAILED (log: fuzz/$log)"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/   /'
  fi
done
exit $status
