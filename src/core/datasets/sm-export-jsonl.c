/* sm-export-jsonl.c: JSON Lines for doccano and any JSON Lines reader.
 *
 * One document per line, with its spans twice: as doccano's sequence
 * labelling "label" triples and as its relation extraction "entities" and
 * "relations", so either doccano project type imports the same file.
 * Entity and relation ids are integers from 1, unique in the line.
 *
 * doccano has no discontinuous spans. Such a span is a "label" triple per
 * fragment, which is what a sequence labeller can learn from, and one
 * entity over its hull with its "fragments" besides, so that relations
 * and notes stay with one entity; sm-import-jsonl.c reads it back whole.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export-jsonl"

#include "config.h"

#include "sm-export-private.h"
#include "sm-json.h"

void
_sm_export_jsonl_append (GString               *out,
                         SmDocument            *document,
                         const SmExportOptions *options)
{
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GPtrArray) relations = _sm_export_get_relations (document, options);
  g_autoptr(GHashTable) entity_ids = g_hash_table_new (NULL, NULL);

  g_string_append (out, "{\"id\": ");
  sm_json_append_string (out, sm_document_get_name (document));
  g_string_append (out, ", \"text\": ");
  sm_json_append_string (out, sm_text_get_utf8 (sm_document_get_text (document)));

  g_string_append (out, ", \"label\": [");
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          g_string_append_printf (out, i > 0 || f > 0 ? ", [%u, %u, " : "[%u, %u, ", start, end);
          sm_json_append_string (out, sm_span_get_label (span));
          g_string_append_c (out, ']');
        }
    }

  g_string_append (out, "], \"entities\": [");
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      g_hash_table_insert (entity_ids, span, GUINT_TO_POINTER (i + 1));
      g_string_append_printf (out, i > 0 ? ", {\"id\": %u, \"label\": " : "{\"id\": %u, \"label\": ",
                              i + 1);
      sm_json_append_string (out, sm_span_get_label (span));
      g_string_append_printf (out, ", \"start_offset\": %u, \"end_offset\": %u",
                              sm_span_get_start (span), sm_span_get_end (span));
      if (sm_span_get_n_fragments (span) > 1)
        {
          g_string_append (out, ", \"fragments\": [");
          for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
            {
              guint start, end;

              sm_span_get_fragment (span, f, &start, &end);
              g_string_append_printf (out, f > 0 ? ", [%u, %u]" : "[%u, %u]", start, end);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      g_string_append_printf (out, i > 0 ? ", {\"id\": %u, \"from_id\": %u, \"to_id\": %u, \"type\": "
                                         : "{\"id\": %u, \"from_id\": %u, \"to_id\": %u, \"type\": ",
                              i + 1,
                              GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_from (relation))),
                              GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_to (relation))));
      sm_json_append_string (out, sm_relation_get_type_name (relation));
      g_string_append_c (out, '}');
    }

  g_string_append (out, "]}\n");
}
