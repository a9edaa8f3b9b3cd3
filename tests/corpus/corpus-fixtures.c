/* corpus-fixtures.c: what the corpus tests build and check: folders of files, label lists.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "corpus-fixtures.h"
#include "sm-label.h"

/* The labels as "ID:name:color:key", in order */
char *
describe_labels (GListModel *labels)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);

      g_string_append_printf (out, "%s%s:%s:%s:%s", i ? " " : "", sm_label_get_id (label),
                              sm_label_get_name (label), sm_label_get_color (label),
                              sm_label_get_key (label));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
