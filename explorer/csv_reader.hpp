// fast-cpp-csv-parser, included once for the explorer: its LineReader copies
// file names with strncpy, which GCC's -Wstringop-truncation flags once the
// code is inlined into ours; the truncation is intended (it bounds the name).
#pragma once
#pragma GCC diagnostic push
#if !defined(__clang__)  // clang has no such warning (and warns about the unknown name: the fuzz build)
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#endif
#include <libfccp/csv.h>
#pragma GCC diagnostic pop
