#!/usr/bin/env bash
# M10K blocks of design points' memories, counted from the read-order layout
# (docs/MICROARCH.md "M10K mapping", "KV cache"), which yosys cannot tell: it
# maps no initialised ROM to M10K, and keeps the KV cache (4 write ports into one
# array) in registers.
#
# usage: m10k_layout.sh POINT_DIR ...
#   POINT_DIR holds roms/ as `microgpt-dse roms` writes it; the point's name is
#   the directory's basename. Prints CSV to stdout:
#   point,memory,banks,ports,words_per_bank,word_bits,blocks_per_bank,blocks,bits
#
# A bank of `depth` 32-bit words: one read port -> 256 x 40 (or 32) mode,
# ceil(depth / 256) blocks; two ports (true dual-port, at most 20 bits wide) ->
# two blocks side by side, 2 * ceil(depth / 512). KV cache (kv_memory = m10k):
# 8 banks (K and V of 4 heads) of 16 x 64-bit words, two blocks side by side each.
# bits = the bits the banks hold (depth x width), the fitter's "block memory bits".
set -u
echo "point,memory,banks,ports,words_per_bank,word_bits,blocks_per_bank,blocks,bits"
for dir in "$@"; do
  name=$(basename "$dir")
  vc=$dir/roms/verilator_params.vc
  [ -f "$vc" ] || { echo "m10k_layout.sh: $vc missing" >&2; exit 1; }
  m10k=$(sed -n 's/^-GWEIGHT_M10K=//p' "$vc"); ports=$(sed -n 's/^-GPORTS=//p' "$vc")
  kv=$(sed -n 's/^-GKV_M10K=//p' "$vc")
  if [ "$m10k" = 1 ]; then
    for m in wte wpe attn_wq attn_wk attn_wv attn_wo mlp_fc1 mlp_fc2 lm_head; do
      banks=0; depth=0
      for f in "$dir/roms/${m}"_b[0-9][0-9].hex; do
        [ -f "$f" ] || { echo "m10k_layout.sh: no banks of $m in $dir/roms" >&2; exit 1; }
        banks=$((banks + 1)); n=$(grep -c . "$f"); [ "$n" -gt "$depth" ] && depth=$n
      done
      if [ "$ports" = 2 ]; then per=$(( 2 * ((depth + 511) / 512) )); else per=$(( (depth + 255) / 256 )); fi
      echo "$name,$m,$banks,$ports,$depth,32,$per,$((banks * per)),$((banks * depth * 32))"
    done
  fi
  if [ "$kv" = 1 ]; then
    slots=$(sed -n 's/^-GSLOTS=//p' "$vc"); slots=${slots:-1}
    rows=$((16 * slots)); per=$((2 * ((rows + 255) / 256)))
    echo "$name,kv_cache,8,1,$rows,64,$per,$((8 * per)),$((8 * rows * 64))"
  fi
done
