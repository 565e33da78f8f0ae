#!/usr/bin/env bash
# Every reference to a document names a file that exists: the repository must
# be readable without anything outside it (docs/DESIGN.md).
# Scans the tracked files (every file when the source is not a git checkout),
# except data/, results/ and fuzz/corpus/ (inputs, not documents: a fuzzer's
# finding may hold any text), for
#   - spec-style names: [A-Za-z0-9_./-]*[A-Z_]+.md (README.md, docs/FPGA.md, ...),
#   - any docs/<name>.md,
#   - in .md files, relative markdown links ](path) and ](path#anchor).
# A name is resolved from the repository root (an absolute path too: it must
# be inside the repository), or from the citing file's folder when it starts
# with ./ or ../; a markdown link from the linking file's folder (from the root
# when it starts with /). A name directly after $ { } or
# another path character (a shell or CMake variable: "$dir/README.md") is not a
# reference. Fails naming file:line and the missing target.
# usage: doc_references.sh path/to/microgpt-dse source-dir
set -u
src=${2:?usage: doc_references.sh path/to/microgpt-dse source-dir}
cd "$src" || { echo "FAIL: cannot enter $src"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Every reference names a file (text the program prints or writes included).
waived=()

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z | tr '\0' '\n' >"$tmp/all"
else
  find . -path ./.git -prune -o -path './build*' -prune -o -type f -print | sed 's|^\./||' >"$tmp/all"
fi
grep -vE '^(data|results|fuzz/corpus)/' "$tmp/all" | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")

# A name may not continue a word, a path or a variable expansion.
before='(^|[^-A-Za-z0-9_./${}:~*%<>)])'
spec="${before}[A-Za-z0-9_./-]*[A-Z_]+\\.md"
docs="${before}docs/[A-Za-z0-9_.-]+\\.md"

# file:line:name, one per reference (markdown link targets are blanked for this
# pass: they are resolved from the linking file below)
while IFS= read -r f; do
  if [[ $f == *.md ]]; then
    sed 's/\](\([^)]*\))/]()/g' "$f" | grep -noIE -e "$spec" -e "$docs" | sed "s|^|$f:|"
  else
    grep -HnoIE -e "$spec" -e "$docs" -- "$f"
  fi
done <"$tmp/files" >"$tmp/names"
while IFS= read -r f; do
  [[ $f == *.md ]] && grep -HnoE '\]\([^)]*\)' -- "$f"
done <"$tmp/files" >"$tmp/links"

fails=0; checked=0
fail() { echo "FAIL: $1: $2"; fails=$((fails+1)); }
waived_pair() {
  local w
  for w in "${waived[@]}"; do [ "$w.md" = "$1 $2" ] && return 0; done
  return 1
}
while IFS= read -r hit; do
  f=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; name=${rest#*:}
  name=${name#[^-A-Za-z0-9_./]}  # the character before the name
  checked=$((checked+1))
  case $name in
    ./* | ../*) target="$(dirname "$f")/$name" ;;
    /*) target=".$name" ;;  # an absolute path must still be inside the repository
    *) target=$name ;;
  esac
  [ -e "$target" ] && continue
  waived_pair "$f" "$name" && continue
  fail "$f:$line" "'$name' names no file of the repository (looked for $target)"
done <"$tmp/names"
while IFS= read -r hit; do
  f=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; link=${rest#*:}
  link=${link#](}; link=${link%)}
  link=${link%% *}      # ](path "title")
  link=${link%%#*}      # ](path#anchor)
  case $link in '' | *://* | mailto:*) continue ;; esac
  checked=$((checked+1))
  case $link in
    /*) target=".$link" ;;
    *) target="$(dirname "$f")/$link" ;;
  esac
  [ -e "$target" ] || fail "$f:$line" "link '$link' names no file of the repository (looked for $target)"
done <"$tmp/links"

echo "$checked references in $nfiles files; $fails unresolved"
[ "$nfiles" -gt 0 ] && [ "$checked" -gt 0 ] && [ "$fails" -eq 0 ]
