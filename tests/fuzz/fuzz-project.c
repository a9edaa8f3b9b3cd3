/* fuzz-project.c: libFuzzer harness for the project schema loader (sm_project_new_from_bytes()).
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
  sm_fuzz_project (data, size);
  return 0;
}
