/* fuzz-targets.h: what each file loader must survive, whatever the bytes.
 *
 * One function per loader. The libFuzzer harnesses (fuzz-*.c, built with
 * -Dfuzzing=true) call them on generated inputs; test-fuzz-replay calls
 * them on the seed corpora and on every input that once found a bug, in
 * every build. A broken rule aborts, which both report as a failure.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

typedef void (*SmFuzzFunc) (const guint8 *data,
                            gsize         size);

typedef struct
{
  const char *name;  /* the folder of its corpus and regressions */
  SmFuzzFunc  func;
} SmFuzzTarget;

void                sm_fuzz_init        (void);
const SmFuzzTarget *sm_fuzz_get_targets (guint        *n_targets);

void                sm_fuzz_format      (const guint8 *data,
                                         gsize         size);
void                sm_fuzz_article     (const guint8 *data,
                                         gsize         size);
void                sm_fuzz_brat        (const guint8 *data,
                                         gsize         size);
void                sm_fuzz_jsonl       (const guint8 *data,
                                         gsize         size);
void                sm_fuzz_project     (const guint8 *data,
                                         gsize         size);

/* Between the .txt and the .ann in a brat fuzz input */
#define SM_FUZZ_BRAT_SEPARATOR "\n=== article.ann ===\n"

/* libFuzzer's entry points, declared for -Wmissing-prototypes */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

G_END_DECLS
