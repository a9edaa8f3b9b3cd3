/* sm-export-jsonl.c: JSON Lines for doccano and any JSON Lines reader.
 *
 * One document per line, with its spans twice: as doccano's sequence
 * labelling "label" triples and as its relation extraction "entities" and
 * "relations", so either doccano project type imports the same file.
 * Entity and relation ids are integers from 1, unique in the line. Each
 * line is JsonGenerator's compact output: JSON Lines allows no line break
 * inside a record, and no space is needed between members.
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
  g_autoptr(JsonObject) record = json_object_new ();
  JsonArray *labels = json_array_sized_new (spans->len);
  JsonArray *entities = json_array_sized_new (spans->len);
  JsonArray *links = json_array_sized_new (relations->len);

  json_object_set_string_member (record, "id", sm_document_get_name (document));
  json_object_set_string_member (record, "text", sm_text_get_utf8 (sm_document_get_text (document)));

  for (guint i = 0; i < spans->len; i++)
    {
      SmSpan *span = g_ptr_array_index (spans, i);
      JsonObject *entity = json_object_new ();

      /* A label triple per fragment; one entity, with its fragments */
      for (guint f = 0; f < sm_span_get_n_fragments (span); f++)
        {
          JsonArray *triple = json_array_sized_new (3);
          guint start, end;

          sm_span_get_fragment (span, f, &start, &end);
          json_array_add_int_element (triple, start);
          json_array_add_int_element (triple, end);
          json_array_add_string_element (triple, sm_span_get_label (span));
          json_array_add_array_element (labels, triple);
        }

      g_hash_table_insert (entity_ids, span, GUINT_TO_POINTER (i + 1));
      json_object_set_int_member (entity, "id", i + 1);
      json_object_set_string_member (entity, "label", sm_span_get_label (span));
      json_object_set_int_member (entity, "start_offset", sm_span_get_start (span));
      json_object_set_int_member (entity, "end_offset", sm_span_get_end (span));
      if (sm_span_get_n_fragments (span) > 1)
        json_object_set_array_member (entity, "fragments", sm_json_fragments_new (span));
      json_array_add_object_element (entities, entity);
    }

  for (guint i = 0; i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);
      JsonObject *link = json_object_new ();

      json_object_set_int_member (link, "id", i + 1);
      json_object_set_int_member (link, "from_id",
                                  GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_from (relation))));
      json_object_set_int_member (link, "to_id",
                                  GPOINTER_TO_UINT (g_hash_table_lookup (entity_ids, sm_relation_get_to (relation))));
      json_object_set_string_member (link, "type", sm_relation_get_type_name (relation));
      json_array_add_object_element (links, link);
    }

  json_object_set_array_member (record, "label", labels);
  json_object_set_array_member (record, "entities", entities);
  json_object_set_array_member (record, "relations", links);

  sm_json_write_object (out, record, options->ascii ? SM_JSON_WRITE_ASCII : SM_JSON_WRITE_COMPACT);
  g_string_append_c (out, '\n');
}
