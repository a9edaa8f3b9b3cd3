/* fuzz-brat.c: libFuzzer harness for the brat importer (_sm_import_brat()).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-targets.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sm_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  sm_fuzz_brat (data, size);
  return 0;
}
