/* fault-batch.c: the edit that sm-fault-saver makes and undoes.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fault-batch.h"

/**
 * fault_add_batch:
 *
 * Adds %FAULT_BATCH_SIZE figures spread over the text, as one undoable action.
 */
void
fault_add_batch (SmDocument *document)
{
  guint length = sm_document_get_length (document);
  guint added = 0;

  g_assert_cmpuint (length, >, 64);

  sm_document_begin_user_action (document);
  for (guint i = 0; added < FAULT_BATCH_SIZE; i++)
    {
      guint start = (i * 7919) % (length - 8);

      if (sm_document_find_exact_span (document, start, start + 5, SM_LABEL_FIGURE) == NULL &&
          sm_document_add_span (document, SM_LABEL_FIGURE, start, start + 5, NULL) != NULL)
        added++;
    }
  sm_document_end_user_action (document);
}

/**
 * fault_dup_signature:
 *
 * Returns: (transfer full): every span and relation, one per line, so two
 *   documents with the same annotations give the same string
 */
char *
fault_dup_signature (SmDocument *document)
{
  GListModel *spans = sm_document_get_spans (document);
  GListModel *relations = sm_document_get_relations (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
    {
      g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);

      g_string_append_printf (out, "%s %s %u %u\n", sm_span_get_id (span), sm_span_get_label (span),
                              sm_span_get_start (span), sm_span_get_end (span));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

      g_string_append_printf (out, "%s %s %s %s\n", sm_relation_get_id (relation),
                              sm_relation_get_type_name (relation),
                              sm_span_get_id (sm_relation_get_from (relation)),
                              sm_span_get_id (sm_relation_get_to (relation)));
    }

  return g_string_free (out, FALSE);
}
