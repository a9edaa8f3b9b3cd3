/* sm-export-jsonl.c: JSON Lines for doccano and any JSON Lines reader.
 *
 * One document per line, with its spans twice: as doccano's sequence
 * labelling "label" triples and as its relation extraction "entities" and
 * "relations", so either doccano project type imports the same file.
 * Entity and relation ids are integers from 1, unique in the line. Each
 * line is compact JSON: JSON Lines allows no line break inside a record,
 * and no space is needed between members.
 *
 * The lines are written here, not built as a JsonNode tree for
 * JsonGenerator: the bytes are the same (sm_json_append_string() escapes
 * strings as sm_json_write_object() does, which tests/test-json-writer.c
 * checks against json-glib, and the exports of the bench corpus compare
 * equal), but a tree costs a JsonObject with a hash table and a copied
 * name per member. Measured on the 10,000 documents of
 * bench/datasets (`perf stat -r 5`, one core, load 10 to 12), the whole
 * export took 0.68 and 0.71 s of CPU with the tree and 0.46 and 0.47 s
 * without it (0.03 to 0.05 s of that from reading documents without
 * default labels, the same day); the writing alone, export's time less
 * validate's, went from about 0.25 s to 0.05 s.
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

/* A span's fragments, [[start, end], ...], as sm_json_fragments_new()
 * lists them */
static void
append_fragments (GString *out,
                  SmSpan  *span)
{
  g_string_append_c (out, '[');
  for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
    {
      guint start, end;

      sm_span_get_fragment (span, f, &start, &end);
      if (f > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      sm_json_append_uint (out, start);
      g_string_append_c (out, ',');
      sm_json_append_uint (out, end);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

void
_sm_export_jsonl_append (GString               *out,
                         SmDocument            *document,
                         const SmExportOptions *options)
{
  g_autoptr(GPtrArray) spans = _sm_export_get_spans (document, options);
  g_autoptr(GPtrArray) relations = _sm_export_get_relations (document, options);
  /* Only relations look entities up: most documents have none */
  g_autoptr(GHashTable) entity_ids = relations->len > 0 ? g_hash_table_new (NULL, NULL) : NULL;
  SmJsonWriteFlags flags = options->ascii ? SM_JSON_WRITE_ASCII : SM_JSON_WRITE_COMPACT;

  g_string_append (out, "{\"id\":");
  sm_json_append_string (out, sm_document_get_name (document), flags);
  g_string_append (out, ",\"text\":");
  sm_json_append_string (out, sm_text_get_utf8 (sm_document_get_text (document)), flags);

  /* A label triple per fragment; one entity, with its fragments */
  g_string_append (out, ",\"label\":[");
  for (guint i = 0, n = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      for (guint f = 0; f < sm_span_get_n_fragments (span); f++, n++)
        {
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          if (n > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '[');
          sm_json_append_uint (out, start);
          g_string_append_c (out, ',');
          sm_json_append_uint (out, end);
          g_string_append_c (out, ',');
          sm_json_append_string (out, sm_span_get_label (span), flags);
          g_string_append_c (out, ']');
        }
    }

  g_string_append (out, "],\"entities\":[");
  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);

      if (entity_ids != NULL)
        g_hash_table_insert (entity_ids, span, GUINT_TO_POINTER (i + 1));
      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      sm_json_append_uint (out, i + 1);
      g_string_append (out, ",\"label\":");
      sm_json_append_string (out, sm_span_get_label (span), flags);
      g_string_append (out, ",\"start_offset\":");
      sm_json_append_uint (out, sm_span_get_start (span));
      g_string_append (out, ",\"end_offset\":");
      sm_json_append_uint (out, sm_span_get_end (span));
      if (sm_span_get_n_fragments (span) > 1)
        {
          g_string_append (out, ",\"fragments\":");
          append_fragments (out, span);
        }
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"relations\":[");
  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      sm_json_append_uint (out, i + 1);
      g_string_append (out, ",\"from_id\":");
      sm_json_append_uint (out, GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_from (relation))));
      g_string_append (out, ",\"to_id\":");
      sm_json_append_uint (out, GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_to (relation))));
      g_string_append (out, ",\"type\":");
      sm_json_append_string (out, sm_relation_get_type_name (relation), flags);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "]}\n");
}
