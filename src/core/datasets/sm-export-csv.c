/* sm-export-csv.c: one row per span, for spreadsheets and data frames.
 *
 * RFC 4180: comma separated, CR LF after every row, fields quoted when they
 * hold a comma, a quotation mark or a line break, quotation marks doubled.
 * UTF-8 without a byte order mark. Offsets are code points, as everywhere
 * in Spanmark, so `text == article[start:end]` in Python. The last column,
 * "fragments", lists a span's fragments ("0 22;40 64", brat's notation):
 * one for most spans, several for a discontinuous span, whose start and
 * end are then its hull and whose text is the fragments' joined by a space.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sm-export-private.h"

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
_sm_export_csv_append_header (GString *out)
{
  g_string_append (out, "document,span,label,start,end,text,note,speaker,speaker_text,fragments\r\n");
}

/* The speakers @span is said by, by relation id */
static GPtrArray *
get_speakers (SmDocument            *document,
              SmSpan                *span,
              const SmExportOptions *options,
              GPtrArray             *relations)
{
  GPtrArray *speakers = g_ptr_array_new ();

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (sm_relation_get_from (relation) == span &&
          g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0)
        g_ptr_array_add (speakers, sm_relation_get_to (relation));
    }

  return speakers;
}

void
_sm_export_csv_append (GString               *out,
                       SmDocument            *document,
                       const SmExportOptions *options,
                       const char            *display_name,
                       GPtrArray             *warnings)
{
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) said = g_hash_table_new (NULL, NULL);
  const char *name = sm_document_get_name (document);

  /* Only spans that are said by someone need their relations looked at */
  relations = _sm_export_get_relations (document, options);
  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (g_strcmp0 (sm_relation_get_type_name (relation), SM_RELATION_SAID_BY) == 0)
        g_hash_table_add (said, sm_relation_get_from (relation));
    }

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      SmSpan *speaker = NULL;

      if (g_hash_table_contains (said, span))
        {
          g_autoptr(GPtrArray) speakers = get_speakers (document, span, options, relations);

          speaker = g_ptr_array_index (speakers, 0);
          if (speakers->len > 1)
            _sm_export_warn (warnings, display_name,
                             _("span %s: it is said by %u speakers, and a CSV row has room"
                               " for one: only %s is written"),
                             sm_span_get_id (span), speakers->len, sm_span_get_id (speaker));
        }

      append_field (out, name);
      g_string_append_c (out, ',');
      append_field (out, sm_span_get_id (span));
      g_string_append_c (out, ',');
      append_field (out, sm_span_get_label (span));
      g_string_append_printf (out, ",%u,%u,", sm_span_get_start (span), sm_span_get_end (span));
      append_field (out, sm_span_get_text (span));
      g_string_append_c (out, ',');
      append_field (out, sm_span_get_note (span));
      g_string_append_c (out, ',');
      if (speaker != NULL)
        {
          append_field (out, sm_span_get_id (speaker));
          g_string_append_c (out, ',');
          append_field (out, sm_span_get_text (speaker));
        }
      else
        g_string_append_c (out, ',');
      g_string_append_c (out, ',');
      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          g_string_append_printf (out, f > 0 ? ";%u %u" : "%u %u", start, end);
        }
      g_string_append (out, "\r\n");
    }
}
