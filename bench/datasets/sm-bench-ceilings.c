/* sm-bench-ceilings.c: what the machine can do with a corpus, to set
 * spanmark-cli's figures beside (issue 15), and SHA-256 three ways.
 *
 *   spanmark-bench-ceilings sha256 [CORPUS]
 *     SHA-256 of the corpus's texts (or of 4 KiB and 1 MiB buffers) with
 *     the hand-written SHA-instruction code sm-text.c had until nettle
 *     replaced it, with nettle as sm-text.c calls it now, and with GLib's
 *     GChecksum, side by side.
 *
 *   spanmark-bench-ceilings corpus CORPUS
 *     Reading every file (open, read, close), SHA-256 of every text
 *     (nettle) and json-glib's parse of every file (a reference parser),
 *     on as many threads as the process may use (taskset sets them).
 *
 * Every figure is a median of --runs runs, in the process (no start-up),
 * as seconds and MB/s of the corpus's file bytes, and for SHA-256 also of
 * the text bytes. Nothing here asserts a time.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sched_getaffinity() */
#define _GNU_SOURCE

#include "config.h"

#include <json-glib/json-glib.h>
#include <sched.h>
#include <string.h>
#include <time.h>

#include "sm-text-private.h"

#if defined (__x86_64__) && (defined (__GNUC__) || defined (__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHA_NI 1
#endif

static gint n_runs = 11;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measure (default 11)", "N" },
  { NULL }
};

typedef struct
{
  GPtrArray *paths;     /* char *, sorted */
  GPtrArray *texts;     /* GBytes, each document's text */
  guint64    n_file_bytes;
  guint64    n_text_bytes;
} Corpus;

static gdouble
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a;
  gdouble y = *(const gdouble *) b;

  return x < y ? -1 : x > y;
}

static gdouble
median (gdouble *samples,
        guint    n)
{
  qsort (samples, n, sizeof (gdouble), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
list_files (const char *folder,
            GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    g_error ("cannot open %s", folder);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, paths);
      else if (g_str_has_suffix (name, ".json") && strcmp (name, "spanmark-project.json") != 0)
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
corpus_load (Corpus     *corpus,
             const char *folder)
{
  corpus->paths = g_ptr_array_new_with_free_func (g_free);
  corpus->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  list_files (folder, corpus->paths);
  g_ptr_array_sort (corpus->paths, compare_paths);

  for (guint i = 0; i < corpus->paths->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autofree char *data = NULL;
      const char *text;
      gsize length;

      if (!g_file_get_contents (g_ptr_array_index (corpus->paths, i), &data, &length, NULL) ||
          !json_parser_load_from_data (parser, data, length, NULL))
        g_error ("cannot read %s", (char *) g_ptr_array_index (corpus->paths, i));

      text = json_object_get_string_member (
        json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "document"),
        "text");
      corpus->n_file_bytes += length;
      corpus->n_text_bytes += strlen (text);
      g_ptr_array_add (corpus->texts, g_bytes_new (text, strlen (text)));
    }
}

/* --- SHA-256 three ways ---------------------------------------------- */

#ifdef HAVE_SHA_NI

/* The code sm-text.c had before nettle, as it was */
static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
have_sha_ni (void)
{
  guint a, b, c, d;

  return __get_cpuid (1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)) &&
         __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & (1u << 29));
}

__attribute__ ((target ("sha,ssse3,sse4.1")))
static void
sha256_blocks (guint32       state[8],
               const guchar *data,
               gsize         n_blocks)
{
  const __m128i big_endian = _mm_set_epi64x (0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i abef, cdgh, dcba, hgfe;

  dcba = _mm_loadu_si128 ((const __m128i *) &state[0]);
  hgfe = _mm_loadu_si128 ((const __m128i *) &state[4]);
  dcba = _mm_shuffle_epi32 (dcba, 0xB1);
  hgfe = _mm_shuffle_epi32 (hgfe, 0x1B);
  abef = _mm_alignr_epi8 (dcba, hgfe, 8);
  cdgh = _mm_blend_epi16 (hgfe, dcba, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef_before = abef;
      __m128i cdgh_before = cdgh;
      __m128i w[4];

      for (guint i = 0; i < 16; i++)
        {
          __m128i sum;

          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), big_endian);
          else
            {
              __m128i partial = _mm_sha256msg1_epu32 (w[i & 3], w[(i + 1) & 3]);

              partial = _mm_add_epi32 (partial, _mm_alignr_epi8 (w[(i + 3) & 3], w[(i + 2) & 3], 4));
              w[i & 3] = _mm_sha256msg2_epu32 (partial, w[(i + 3) & 3]);
            }

          sum = _mm_add_epi32 (w[i & 3], _mm_loadu_si128 ((const __m128i *) &sha256_k[4 * i]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, sum);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (sum, 0x0E));
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  abef = _mm_shuffle_epi32 (abef, 0x1B);
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);
  dcba = _mm_blend_epi16 (abef, cdgh, 0xF0);
  hgfe = _mm_alignr_epi8 (cdgh, abef, 8);
  _mm_storeu_si128 ((__m128i *) &state[0], dcba);
  _mm_storeu_si128 ((__m128i *) &state[4], hgfe);
}

static char *
sha256_hand_written (const char *data,
                     gsize       length)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0 };
  gsize n_full = length / 64;
  gsize rest = length % 64;
  gsize tail_length = rest < 56 ? 64 : 128;
  guint64 bits = (guint64) length * 8;
  char *hex = g_malloc (65);

  sha256_blocks (state, (const guchar *) data, n_full);
  memcpy (tail, data + n_full * 64, rest);
  tail[rest] = 0x80;
  for (guint i = 0; i < 8; i++)
    tail[tail_length - 1 - i] = (guchar) (bits >> (8 * i));
  sha256_blocks (state, tail, tail_length / 64);

  for (guint i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);

  return hex;
}

#endif

static char *
sha256_gchecksum (const char *data,
                  gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

typedef char * (*Sha256Func) (const char *data, gsize length);

/* Seconds to hash every text of @texts once, a median of n_runs */
static gdouble
time_sha256 (Sha256Func  func,
             GPtrArray  *texts)
{
  g_autofree gdouble *samples = g_new (gdouble, n_runs);

  for (gint run = 0; run < n_runs; run++)
    {
      gdouble start = now_seconds ();

      for (guint i = 0; i < texts->len; i++)
        {
          gsize length;
          const char *data = g_bytes_get_data (g_ptr_array_index (texts, i), &length);

          g_free (func (data, length));
        }
      samples[run] = now_seconds () - start;
    }

  return median (samples, n_runs);
}

static void
bench_sha256 (const char *folder)
{
  struct { const char *name; Sha256Func func; } ways[] = {
#ifdef HAVE_SHA_NI
    { "hand-written SHA-NI (before)", sha256_hand_written },
#endif
    { "nettle (now)", _sm_text_compute_sha256 },
    { "GLib GChecksum", sha256_gchecksum },
  };
  GPtrArray *sets[3] = { NULL, };
  const char *set_names[3] = { NULL, };
  guint n_sets = 0;

#ifdef HAVE_SHA_NI
  if (!have_sha_ni ())
    g_error ("this processor has no SHA instructions: the hand-written code cannot run");
#endif

  if (folder != NULL)
    {
      Corpus corpus = { 0, };

      corpus_load (&corpus, folder);
      sets[n_sets] = corpus.texts;
      set_names[n_sets++] = g_strdup_printf ("%u texts of %s (%.1f MB)", corpus.texts->len,
                                             folder, corpus.n_text_bytes / 1e6);
      g_ptr_array_unref (corpus.paths);
    }
  else
    {
      const gsize sizes[] = { 4096, 1 << 20 };

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
          guint n = (guint) ((64u << 20) / sizes[s]);
          char *buffer = g_malloc (sizes[s]);

          for (gsize i = 0; i < sizes[s]; i++)
            buffer[i] = 'a' + i % 26;
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (texts, g_bytes_new_static (buffer, sizes[s]));
          sets[n_sets] = texts;
          set_names[n_sets++] = g_strdup_printf ("%u buffers of %lu bytes", n, (gulong) sizes[s]);
        }
    }

  g_print ("| SHA-256 | data | median | MB/s |\n|---|---|---:|---:|\n");
  for (guint s = 0; s < n_sets; s++)
    {
      guint64 n_bytes = 0;

      for (guint i = 0; i < sets[s]->len; i++)
        n_bytes += g_bytes_get_size (g_ptr_array_index (sets[s], i));

      /* The three must agree */
      for (guint w = 1; w < G_N_ELEMENTS (ways); w++)
        {
          gsize length;
          const char *data = g_bytes_get_data (g_ptr_array_index (sets[s], 0), &length);
          g_autofree char *a = ways[0].func (data, length);
          g_autofree char *b = ways[w].func (data, length);

          if (strcmp (a, b) != 0)
            g_error ("%s and %s disagree", ways[0].name, ways[w].name);
        }

      for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
        {
          gdouble seconds = time_sha256 (ways[w].func, sets[s]);

          g_print ("| %s | %s | %.4f s | %.0f |\n", ways[w].name, set_names[s], seconds,
                   n_bytes / seconds / 1e6);
        }
    }
}

/* --- A corpus's ceilings ------------------------------------------------ */

typedef enum
{
  WORK_READ,
  WORK_SHA256,
  WORK_PARSE,
} Work;

typedef struct
{
  Corpus *corpus;
  Work    work;
  guint   first;
  guint   step;
} Share;

static gpointer
do_share (gpointer data)
{
  Share *share = data;
  Corpus *corpus = share->corpus;

  for (guint i = share->first; i < corpus->paths->len; i += share->step)
    {
      const char *path = g_ptr_array_index (corpus->paths, i);
      g_autofree char *contents = NULL;
      gsize length;

      switch (share->work)
        {
        case WORK_READ:
          if (!g_file_get_contents (path, &contents, &length, NULL))
            g_error ("cannot read %s", path);
          break;

        case WORK_SHA256:
          {
            const char *text = g_bytes_get_data (g_ptr_array_index (corpus->texts, i), &length);

            g_free (_sm_text_compute_sha256 (text, length));
          }
          break;

        case WORK_PARSE:
          {
            g_autoptr(JsonParser) parser = json_parser_new_immutable ();

            if (!g_file_get_contents (path, &contents, &length, NULL) ||
                !json_parser_load_from_data (parser, contents, length, NULL))
              g_error ("cannot parse %s", path);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return NULL;
}

static gdouble
time_work (Corpus *corpus,
           Work    work,
           guint   n_threads)
{
  g_autofree gdouble *samples = g_new (gdouble, n_runs);

  for (gint run = 0; run < n_runs; run++)
    {
      g_autofree Share *shares = g_new (Share, n_threads);
      g_autofree GThread **threads = g_new (GThread *, n_threads);
      gdouble start = now_seconds ();

      for (guint t = 0; t < n_threads; t++)
        {
          shares[t] = (Share) { corpus, work, t, n_threads };
          threads[t] = g_thread_new ("share", do_share, &shares[t]);
        }
      for (guint t = 0; t < n_threads; t++)
        g_thread_join (threads[t]);
      samples[run] = now_seconds () - start;
    }

  return median (samples, n_runs);
}

static void
bench_corpus (const char *folder)
{
  Corpus corpus = { 0, };
  guint n_threads = g_get_num_processors ();
  cpu_set_t set;
  struct { const char *name; Work work; } works[] = {
    { "read (open, read, close)", WORK_READ },
    { "SHA-256 of the texts (nettle)", WORK_SHA256 },
    { "json-glib parse (with the read)", WORK_PARSE },
  };

  /* As many threads as processors allowed (GLib 2.74 counts all) */
  if (sched_getaffinity (0, sizeof set, &set) == 0 && CPU_COUNT (&set) > 0)
    n_threads = CPU_COUNT (&set);

  corpus_load (&corpus, folder);

  /* One line a measure, for bench-datasets.py: name, seconds, MB/s of the files */
  for (guint w = 0; w < G_N_ELEMENTS (works); w++)
    {
      gdouble seconds = time_work (&corpus, works[w].work, n_threads);

      g_print ("%s\t%.4f\t%.0f\n", works[w].name, seconds, corpus.n_file_bytes / seconds / 1e6);
    }
  g_print ("files\t%u\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\tthreads %u\n",
           corpus.paths->len, corpus.n_file_bytes, corpus.n_text_bytes, n_threads);

  g_ptr_array_unref (corpus.paths);
  g_ptr_array_unref (corpus.texts);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("sha256 [CORPUS] | corpus CORPUS");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  if (n_runs < 1)
    n_runs = 1;

  if (argc >= 2 && strcmp (argv[1], "sha256") == 0)
    bench_sha256 (argc >= 3 ? argv[2] : NULL);
  else if (argc == 3 && strcmp (argv[1], "corpus") == 0)
    bench_corpus (argv[2]);
  else
    {
      g_printerr ("usage: %s sha256 [CORPUS] | corpus CORPUS\n", argv[0]);
      return 2;
    }

  return 0;
}
